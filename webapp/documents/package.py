"""The school's normative package for a school year: each document made from the data the product
holds, its status (draft / signed with number and date) and the signed scan."""
from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _

from webapp.db import database
from webapp.documents import templates
from webapp.documents.registry import PACKAGE
from webapp.documents.requisites import MissingRequisites, org_context, person_context
from webapp.models import Award, GroupMember, MentoringGroup, NormativeDocument, RoadmapItem, User
from webapp.models.documents import DRAFT, SIGNED
from webapp.models.mentoring import ACTIVE
from webapp.russian import count, decline_name, decline_phrase, initials_surname
from webapp.russian.names import FEMALE, Name, gender_of
from webapp.russian.numbers import long_date, short_date
from webapp.user_errors import UserError

STATUSES = (DRAFT, SIGNED)
NEEDS = ("name", "short_name", "address", "head_position", "head_name")
SCAN_TYPES = {b"%PDF": ("application/pdf", ".pdf"), b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
              b"\x89PNG": ("image/png", ".png")}
MAX_SCAN = 4 * 1024 * 1024


class PackageError(UserError):
    """A rule of the package was broken; the message is a Russian sentence."""


def record(organisation, code: str, year: int) -> NormativeDocument:
    found = NormativeDocument.get_or_none((NormativeDocument.organisation == organisation)
                                          & (NormativeDocument.code == code) & (NormativeDocument.school_year == year))
    return found or NormativeDocument(organisation=organisation, code=code, school_year=year)


def records(organisation, year: int) -> dict:
    found = {r.code: r for r in NormativeDocument.select(
        NormativeDocument.id, NormativeDocument.code, NormativeDocument.status, NormativeDocument.number,
        NormativeDocument.signed_on, NormativeDocument.scan_name, NormativeDocument.school_year)
        .where((NormativeDocument.organisation == organisation) & (NormativeDocument.school_year == year))}
    return {code: found.get(code) or NormativeDocument(organisation=organisation, code=code, school_year=year)
            for code in PACKAGE}


def _requisites(row) -> dict:
    if row.status == SIGNED and row.signed_on:
        return {"number": row.number, "date": short_date(row.signed_on), "date_long": long_date(row.signed_on)}
    return {"number": "", "date": "", "date_long": ""}


def approval_requisites(organisation, code: str, year: int) -> dict:
    """Number and date of a signed package document (blank while it is a draft)."""
    return _requisites(record(organisation, code, year))


def _groups_of_year(organisation, first: dt.date, last: dt.date):
    return list(MentoringGroup.select().where(
        (MentoringGroup.organisation == organisation)
        & ((MentoringGroup.status == ACTIVE) | (MentoringGroup.started_on.between(first, last)))))


def _mentors(organisation, groups) -> list[dict]:
    if not groups:
        return []
    ids = [g.id for g in groups]
    by_mentor: dict[int, dict] = {}
    members = list(GroupMember.select(GroupMember, User).join(User).where(GroupMember.group.in_(ids))
                   .order_by(User.full_name))
    mentees_of: dict[int, list[str]] = {}
    for m in members:
        if m.role == "mentee":
            mentees_of.setdefault(m.group_id, []).append(m.user.full_name)
    for m in members:
        if m.role != "mentor":
            continue
        entry = by_mentor.setdefault(m.user_id, {"user": m.user, "groups": set()})
        entry["groups"].add(m.group_id)
    out = []
    for entry in by_mentor.values():
        user, groups_count = entry["user"], len(entry["groups"])
        position = (user.position or "").split(",")[0].strip() or "наставник"
        mentees = sorted({name for g in entry["groups"] for name in mentees_of.get(g, [])})
        out.append({"name": user.full_name, "name_datv": decline_name(user.full_name, "datv"),
                    "name_accs": decline_name(user.full_name, "accs"), "name_gent": decline_name(user.full_name, "gent"),
                    "initials": initials_surname(user.full_name), "position": position,
                    "position_datv": decline_phrase(position, "datv"), "position_gent": decline_phrase(position, "gent"),
                    "mentees": ", ".join(mentees), "pairs_count": count(groups_count, "пара или группа",
                                                                         "пары или группы", "пар или групп"),
                    "pairs_count_accs": count(groups_count, "пару или группу", "пары или группы", "пар или групп"),
                    "staff": user.category == "teacher"})
    return sorted(out, key=lambda m: m["name"])


AWARD_SENTENCES = {
    "thanks": "Объявить благодарность {position_datv} {name_datv}",
    "gramota": "Наградить Почётной грамотой {position_accs} {name_accs}",
}


def _awards(organisation, first: dt.date, last: dt.date) -> list[dict]:
    from webapp.recognition.services import AWARD_KINDS
    out = []
    for award in (Award.select(Award, User).join(User).where((Award.organisation == organisation)
                                                              & Award.awarded_on.between(first, last))
                  .order_by(Award.awarded_on, User.full_name)):
        user = award.user
        position = (user.position or "").split(",")[0].strip()
        values = {"position_datv": decline_phrase(position, "datv"), "position_accs": decline_phrase(position, "accs"),
                  "name_datv": decline_name(user.full_name, "datv"), "name_accs": decline_name(user.full_name, "accs")}
        kind = AWARD_KINDS.get(award.kind, award.kind)
        if award.kind in AWARD_SENTENCES:
            text = AWARD_SENTENCES[award.kind].format(**values)
        else:
            text = "Поощрить {position_accs} {name_accs}: {kind}".format(**values, kind=kind[:1].lower() + kind[1:])
        if award.title and award.title.strip().lower() != kind.lower():
            text += f" ({award.title.strip()})"
        out.append({"text": " ".join(text.split()) + "."})
    return out


def context(organisation, code: str, year: int) -> dict:
    if organisation.curator is None:
        raise MissingRequisites(["curator"])
    first, last = organisation.school_year_bounds(year)
    next_first = organisation.school_year_bounds(year + 1)[0] - dt.timedelta(days=1)
    org = org_context(organisation, first, need=NEEDS)
    head_female = gender_of(Name.parse(organisation.head_name)) == FEMALE
    org["head_acting"] = "действующей" if head_female else "действующего"
    groups = _groups_of_year(organisation, first, next_first)
    mentors = _mentors(organisation, groups)
    mentees = {m.user_id for m in GroupMember.select(GroupMember.user).where(
        GroupMember.group.in_([g.id for g in groups]) & (GroupMember.role == "mentee"))} if groups else set()
    roadmap = [{"n": i, "title": item.title,
                "due": short_date(item.due_on) if item.due_on else item.period, "responsible": item.responsible,
                "result": item.result_document}
               for i, item in enumerate(RoadmapItem.select().where(RoadmapItem.organisation == organisation)
                                        .order_by(RoadmapItem.step, RoadmapItem.position, RoadmapItem.id), start=1)]
    approval = record(organisation, "polozhenie_order", year)
    return {
        "org": org, "curator": person_context(organisation.curator),
        "year": {"label": f"{year}/{year + 1}", "start": short_date(first), "end": short_date(last)},
        "doc": _requisites(record(organisation, code, year)), "approval": _requisites(approval),
        "mentors": [{k: v for k, v in m.items() if k != "staff"} for m in mentors],
        "staff_mentors": [{k: v for k, v in m.items() if k != "staff"} for m in mentors if m["staff"]],
        "roadmap": roadmap, "awards": _awards(organisation, first, next_first),
        "counts": {"mentors": count(len(mentors), "наставник", "наставника", "наставников"),
                   "pairs": count(len(groups), "пара или группа", "пары или группы", "пар или групп"),
                   "mentees": count(len(mentees), "наставляемый", "наставляемых", "наставляемых")},
    }


def render(organisation, code: str, year: int) -> bytes:
    return templates.render(organisation, code, context(organisation, code, year))


def set_status(organisation, code: str, year: int, status: str, number: str, signed_on, actor) -> NormativeDocument:
    if status not in STATUSES:
        raise PackageError("Выберите статус из списка.")
    number = (number or "").strip()
    if len(number) > 40:
        raise PackageError("Номер — не длиннее 40 символов.")
    if status == SIGNED and (not number or signed_on is None):
        raise PackageError("Для подписанного документа укажите номер и дату.")
    with database.atomic():
        row = record(organisation, code, year)
        row.status, row.number, row.signed_on = status, number, signed_on
        row.updated_by, row.updated_at = actor, dt.datetime.now()
        row.save()
    return row


def scan_type(data: bytes) -> tuple[str, str]:
    for magic, kind in SCAN_TYPES.items():
        if data.startswith(magic):
            return kind
    raise PackageError("Скан — файл PDF, JPEG или PNG.")


def attach_scan(organisation, code: str, year: int, data: bytes, filename: str, actor) -> NormativeDocument:
    if not data:
        raise PackageError("Выберите файл скана.")
    if len(data) > MAX_SCAN:
        raise PackageError("Скан больше 4 МБ. Сохраните его с меньшим разрешением.")
    mimetype, _ext = scan_type(data)
    with database.atomic():
        row = record(organisation, code, year)
        row.scan, row.scan_name, row.scan_type = data, (filename or "scan")[:200], mimetype
        row.updated_by, row.updated_at = actor, dt.datetime.now()
        row.save()
    return row


def status_label(row) -> str:
    return _("подписан") if row.status == SIGNED else _("черновик")
