"""The organisation's part of every document, and what is missing from it.

A document is never made with «____» where the product could know the value: when a requisite
is missing the caller gets MissingRequisites naming what to fill in and where."""
from __future__ import annotations

import datetime as dt

from webapp.russian import decline_name, decline_phrase, initials_surname

REQUISITE_LABELS = {
    "name": "полное наименование организации",
    "short_name": "краткое наименование",
    "address": "адрес организации",
    "head_position": "должность руководителя",
    "head_name": "ФИО руководителя",
    "curator": "куратор программы наставничества",
}
WHERE = "«Документы» → «Реквизиты организации»"


class MissingRequisites(ValueError):
    """Requisites a document needs are empty; ``missing`` holds their codes."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(", ".join(missing))


def missing_message(missing: list[str]) -> str:
    """«Заполните реквизиты организации: адрес организации, ФИО руководителя (…)»."""
    from flask_babel import gettext as _
    names = ", ".join(_(REQUISITE_LABELS[code]) for code in missing)
    return _("Документ не сформирован: заполните %(fields)s. Это делает администратор в разделе "
             "«Документы» → «Реквизиты организации».", fields=names)


def missing_requisites(organisation, need=("name", "short_name", "address", "head_position", "head_name")) -> list[str]:
    found = []
    for code in need:
        if code == "curator":
            if organisation.curator_id is None:
                found.append(code)
        elif not (getattr(organisation, code) or "").strip():
            found.append(code)
    return found


def require(organisation, need=("name", "short_name", "address", "head_position", "head_name")) -> None:
    missing = missing_requisites(organisation, need)
    if missing:
        raise MissingRequisites(missing)


def school_year_label(organisation, day: dt.date) -> str:
    year = organisation.school_year_of(day)
    return f"{year}/{year + 1}"


def org_context(organisation, day: dt.date, need=("name", "short_name", "address", "head_position", "head_name")) -> dict:
    require(organisation, need)
    name = organisation.name.strip()
    return {
        "name": name,
        "name_gent": decline_phrase(_lower_first(name), "gent"),
        "name_datv": decline_phrase(_lower_first(name), "datv"),
        "short_name": organisation.short_name,
        "address": organisation.address,
        "inn": organisation.inn,
        "ogrn": organisation.ogrn,
        "head_position": organisation.head_position,
        "head_position_gent": decline_phrase(_lower_first(organisation.head_position), "gent"),
        "head_name": organisation.head_name,
        "head_name_gent": decline_name(organisation.head_name, "gent"),
        "head_initials": initials_surname(organisation.head_name),
        "school_year": school_year_label(organisation, day),
    }


def person_context(user) -> dict:
    """A person named in a document (the куратор, a signer)."""
    position = (user.position or "").strip()
    position_accs = decline_phrase(_lower_first(position), "accs") if position else ""
    name_accs = decline_name(user.full_name, "accs")
    return {
        "name": user.full_name,
        "name_accs": name_accs,
        "name_gent": decline_name(user.full_name, "gent"),
        "name_datv": decline_name(user.full_name, "datv"),
        "initials": initials_surname(user.full_name),
        "position": position,
        "position_accs": position_accs,
        "who_accs": f"{position_accs} {name_accs}".strip(),
    }


def _lower_first(text: str) -> str:
    """«Муниципальное …» → «муниципальное …» inside a sentence; abbreviations stay (МБОУ)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower():
        return text[:1].lower() + text[1:]
    return text
