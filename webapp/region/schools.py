"""The regional administrator's set-up: schools of the region, their requisites, their administrators,
and each school's status (in numbers, never names)."""
from __future__ import annotations

from dataclasses import dataclass

import peewee as pw
from flask import abort

from webapp.db import database
from webapp.documents.requisites import missing_requisites
from webapp.models import AuditEvent, MentoringGroup, Organisation, User, UserRole
from webapp.models.mentoring import ACTIVE
from webapp.region import suppression
from webapp.user_errors import UserError
from webapp.users.accounts import AccountData, create_account


class RegionError(UserError):
    """A regional set-up request that cannot be done; the message is for the person."""


@dataclass
class SchoolStatus:
    school: Organisation
    missing: list[str]
    admin_state: str  # "active" | "invited" | "none"
    people: suppression.Cell
    pairs: suppression.Cell


def region_of(user):
    """The region whose centre ``user`` works for (404 for anyone else: nothing regional exists for them)."""
    org = user.organisation
    if not org.is_regional_centre or org.region_id is None:
        abort(404)
    return org.region


def school_or_404(region, school_id) -> Organisation:
    """A school of ``region``; another region's school, the centre itself or a forged id do not exist."""
    school = Organisation.get_or_none(Organisation.id == school_id) if isinstance(school_id, int) else None
    if school is None or school.region_id != region.id or school.is_regional_centre:
        abort(404)
    return school


def _check_unique(region, values: dict, exclude_id: int | None = None) -> None:
    query = Organisation.select().where((Organisation.region == region)
                                        & (Organisation.short_name == values["short_name"]))
    if exclude_id is not None:
        query = query.where(Organisation.id != exclude_id)
    if query.exists():
        raise RegionError("В регионе уже есть школа «%(name)s». Уточните краткое наименование.",
                          name=values["short_name"])


def create_school(region, values: dict, admin_full_name: str, admin_email: str, actor) -> tuple[Organisation, User]:
    """The school with its requisites and its administrator (who gets an invitation link)."""
    from webapp.questionnaires.loader import ensure_default_questionnaires
    with database.atomic():
        _check_unique(region, values)
        school = Organisation.create(kind="school", region=region, **values)
        admin = create_account(school, AccountData(full_name=admin_full_name, category="teacher",
                                                   email=admin_email or "", roles=["admin"]), actor=actor)
        ensure_default_questionnaires(school)
        AuditEvent.record("regional_school_created", actor=actor, organisation=school, target=school.short_name)
    return school, admin


def update_school(school, values: dict, actor) -> Organisation:
    with database.atomic():
        _check_unique(school.region, values, exclude_id=school.id)
        for key, value in values.items():
            setattr(school, key, value)
        school.save()
        AuditEvent.record("regional_school_changed", actor=actor, organisation=school, target=school.short_name)
    return school


def administrators(school):
    return User.in_org(school).join(UserRole).where(UserRole.role == "admin").order_by(User.id)


def statuses(region) -> list[SchoolStatus]:
    from webapp.region.table import schools_of
    schools = list(schools_of(region))
    ids = [s.id for s in schools] or [0]
    people = dict(User.select(User.organisation, pw.fn.COUNT(User.id))
                  .where(User.organisation.in_(ids) & (User.is_active == True))  # noqa: E712
                  .group_by(User.organisation).tuples())
    pairs = dict(MentoringGroup.select(MentoringGroup.organisation, pw.fn.COUNT(MentoringGroup.id))
                 .where(MentoringGroup.organisation.in_(ids) & (MentoringGroup.status == ACTIVE))
                 .group_by(MentoringGroup.organisation).tuples())
    admin_state: dict[int, str] = {}
    for org_id, has_password in (User.select(User.organisation, User.password_hash.is_null(False))
                                 .join(UserRole).where(User.organisation.in_(ids) & (UserRole.role == "admin")
                                                       & (User.is_active == True)).tuples()):  # noqa: E712
        if has_password:
            admin_state[org_id] = "active"
        else:
            admin_state.setdefault(org_id, "invited")
    return [SchoolStatus(s, missing_requisites(s), admin_state.get(s.id, "none"),
                         suppression.count(people.get(s.id, 0)), suppression.count(pairs.get(s.id, 0)))
            for s in schools]


def pending_admin(school) -> User | None:
    """The school's administrator who has not set a password yet (a new link may be issued for them)."""
    return (administrators(school).where(User.password_hash.is_null(True) & (User.is_active == True))  # noqa: E712
            .first())
