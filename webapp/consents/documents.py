"""Consent forms (DOCX) through the document layer: to the processing of personal data (ч. 4 ст. 9
and ст. 10 152-ФЗ) and to take part in the programme (with the additional duties of a
teacher-mentor). One document holds the forms of one or many people, each form from a new page.

Everything the school holds is filled in: the operator's name and address, the person's name, class
or position, and the identity documents, addresses and representative's authority stored in the
person's details; what the school does not hold stays a line to fill in by hand.
"""
from __future__ import annotations

import datetime as dt

from webapp.consents.services import is_minor, states_for
from webapp.documents import templates
from webapp.documents.requisites import org_context
from webapp.models import PersonDetails
from webapp.russian import decline_name, decline_phrase, initials_surname
from webapp.russian.names import FEMALE, Name, gender_of
from webapp.russian.numbers import class_genitive, class_parts, short_date

LINE = "_" * 28
CONSENT_NEEDS = ("name", "short_name", "address", "head_position", "head_name")
OWN_CONSENT_GRADE = 8  # with no birth date, pupils from the 8th grade are taken as 14 or older


def _female(full_name: str) -> bool:
    return gender_of(Name.parse(full_name)) == FEMALE


def _or_line(value) -> str:
    return value.strip() if isinstance(value, str) and value.strip() else LINE


def _identity(name: str, address: str, document: str, issued_on, issuer: str) -> dict:
    return {"name": name or LINE, "initials": initials_surname(name) if name else LINE,
            "address": _or_line(address), "document": _or_line(document),
            "document_issued": short_date(issued_on) or LINE, "document_issuer": _or_line(issuer)}


def _subject(user, details) -> dict:
    female = _female(user.full_name)
    klass = f", {'обучающейся' if female else 'обучающегося'} {class_genitive(user.class_name)}" \
        if user.class_name else ""
    d = details or PersonDetails()
    return {**_identity(user.full_name, d.address, d.document, d.document_issued_on, d.document_issuer),
            "name_gent": decline_name(user.full_name, "gent"),
            "minor_gent": "несовершеннолетней" if female else "несовершеннолетнего", "class_gent": klass}


def _role_gent(user) -> str:
    """«в качестве наставника», «… наставляемой» (a substantivised participle agrees with the person)."""
    roles = user.role_set
    mentee = "наставляемой" if _female(user.full_name) else "наставляемого"
    if {"mentor", "mentee"} <= roles:
        return f"наставника и {mentee}"
    return "наставника" if "mentor" in roles else mentee


def _age(birth_date, today: dt.date):
    if birth_date is None:
        return None
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def signs_own(user, details, organisation, today: dt.date) -> bool:
    """A 14–17-year-old signs their own consent too when the school asks for it."""
    threshold = organisation.minor_own_consent_age or 0
    if not threshold or not is_minor(user):
        return False
    age = _age(details.birth_date if details else None, today)
    if age is not None:
        return age >= threshold
    grade = class_parts(user.class_name)[0]
    return bool(grade) and int(grade) >= OWN_CONSENT_GRADE


def _forms_for(user, details, representative_consent, organisation, valid_until: str, today: dt.date):
    """(personal-data forms, participation forms) of one person."""
    personal, participation = [], []
    role = _role_gent(user)
    own = _identity(user.full_name, *(((details.address, details.document, details.document_issued_on,
                                        details.document_issuer)) if details else ("", "", None, "")))
    position = (user.position or "").strip()
    own_form = {"title_suffix": "", "by_representative": False, "relation_ablt": "", "authority": "",
                "whose": "моих персональных данных", "valid_until": valid_until, "signer": {**own, "acting": ""},
                "subject": {**own, "name_gent": decline_name(user.full_name, "gent"), "minor_gent": "",
                            "class_gent": ""}}
    if is_minor(user):
        d = details or PersonDetails()
        name = d.representative_name or (representative_consent.representative_name if representative_consent else "")
        relation = d.representative_relation or (representative_consent.representative_relation
                                                 if representative_consent else "")
        signer = _identity(name, d.representative_address, d.representative_document,
                           d.representative_document_issued_on, d.representative_document_issuer)
        subject = _subject(user, details)
        acting = "действующая" if name and _female(name) else ("действующий" if name else "действующий(ая)")
        female = _female(user.full_name)
        form = {"title_suffix": " несовершеннолетнего", "by_representative": True,
                "relation_ablt": decline_phrase(relation, "ablt") if relation else LINE,
                "authority": _or_line(d.authority_document),
                "whose": ("персональных данных несовершеннолетней, законным представителем которой я являюсь,"
                          if female else "персональных данных несовершеннолетнего, законным представителем "
                                         "которого я являюсь,"),
                "valid_until": valid_until, "signer": {**signer, "acting": acting}, "subject": subject}
        personal.append(form)
        participation.append({"title": "на участие несовершеннолетнего в программе наставничества",
                              "by_representative": True, "relation_ablt": form["relation_ablt"], "duties": False,
                              "role_gent": role, "signer": {**signer, "position_comma": ""}, "subject": subject})
        if signs_own(user, details, organisation, today):
            personal.append({**own_form, "title_suffix": " (подписывается обучающимся, достигшим 14 лет)"})
        return personal, participation
    personal.append(own_form)
    duties = user.category == "teacher" and "mentor" in user.role_set
    participation.append({
        "title": "на участие в программе наставничества" + (" и на возложение дополнительных обязанностей, "
                                                            "связанных с наставнической деятельностью" if duties else ""),
        "by_representative": False, "relation_ablt": "", "duties": duties, "role_gent": role,
        "signer": {**own, "position_comma": f", {position}" if position else ""},
        "subject": {"name_gent": "", "minor_gent": "", "class_gent": ""}})
    return personal, participation


def consent_context(users, organisation, today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    valid_until = short_date(organisation.school_year_end(today))
    states = states_for(users)
    details = {d.user_id: d for d in PersonDetails.select().where(PersonDetails.user.in_([u.id for u in users]))} \
        if users else {}
    personal, participation = [], []
    for user in users:
        p, q = _forms_for(user, details.get(user.id), states[user.id].latest_representative(), organisation,
                          valid_until, today)
        personal += p
        participation += q
    return {"org": org_context(organisation, today, need=CONSENT_NEEDS), "personal": personal,
            "participation": participation}


def consent_forms(users, organisation) -> bytes:
    """Every person's personal-data forms, then their participation forms, as one DOCX."""
    return templates.render(organisation, "consents", consent_context(list(users), organisation))
