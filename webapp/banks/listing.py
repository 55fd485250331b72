"""A bank's search, filters and sorting — shared by the table and the XLSX export.

Unknown filter values never fail: they are ignored and reported in ``filters.notes`` as Russian
sentences, so the page explains what it did.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import peewee as pw
from flask_babel import gettext as _

from matching.catalogue import FORM_LABELS, FORMS, PROBLEMS
from webapp.banks.answers import (PROBLEM_FEATURE_OF_ROLE, PURPOSE_OF_ROLE, QUESTIONNAIRE_STATUSES,
                                  answered_with, status_condition, status_rank)
from webapp.consents import services as consents
from webapp.db import contains
from webapp.models import Answer, GroupMember, MentoringGroup, Question, Response, User, UserRole
from webapp.models.mentoring import ACTIVE
from webapp.models.user import CATEGORIES

SORTS = ("name", "-name", "class", "-class", "status", "-status")
PAIRED = ("yes", "no")
FIELDS = ("q", "category", "class_name", "subject", "problem", "form", "questionnaire", "consent",
          "paired", "sort")


@dataclass
class BankFilters:
    q: str = ""
    category: str = ""
    class_name: str = ""
    subject: str = ""
    problem: str = ""
    form: str = ""
    questionnaire: str = ""
    consent: str = ""
    paired: str = ""
    sort: str = "name"
    everyone: bool = False  # False: only people in the bank (both consents valid)
    notes: list = field(default_factory=list)

    @classmethod
    def from_args(cls, args, *, subjects=(), class_names=()) -> "BankFilters":
        notes = []

        def pick(name, allowed, label):
            value = (args.get(name) or "").strip()
            if value and value not in allowed:
                notes.append(_("Неизвестное значение фильтра «%(filter)s» не учтено.", filter=label))
                return ""
            return value

        sort = (args.get("sort") or "name").strip()
        if sort not in SORTS:
            notes.append("Такой порядок сортировки недоступен; список упорядочен по ФИО.")
            sort = "name"
        class_name = (args.get("class_name") or "").strip().upper()[:10]
        if class_name and class_name not in class_names:
            notes.append("Такого класса нет в организации; фильтр по классу не учтён.")
            class_name = ""
        return cls(
            q=(args.get("q") or "").strip()[:100],
            category=pick("category", CATEGORIES, _("категория")),
            class_name=class_name,
            subject=pick("subject", set(subjects), _("предмет")),
            problem=pick("problem", PROBLEMS, _("проблема")),
            form=pick("form", FORM_LABELS, _("форма наставничества")),
            questionnaire=pick("questionnaire", QUESTIONNAIRE_STATUSES, _("анкета")),
            consent=pick("consent", consents.CONSENT_STATUSES, _("согласия")),
            paired=pick("paired", PAIRED, _("пара")),
            sort=sort,
            everyone=args.get("everyone") in ("1", "on", "true", "yes"),
            notes=notes,
        )

    def as_args(self) -> dict:
        args = {k: getattr(self, k) for k in FIELDS if getattr(self, k)}
        if args.get("sort") == "name":
            del args["sort"]
        if self.everyone:
            args["everyone"] = "1"
        return args

    def with_sort(self, sort: str) -> dict:
        args = self.as_args()
        args["sort"] = sort
        return args


def role_members(organisation, role: str):
    """Everyone holding ``role`` in the organisation (before any filter)."""
    return User.select().where((User.organisation == organisation)
                               & User.id.in_(UserRole.select(UserRole.user).where(UserRole.role == role)))


def paired_ids(organisation, role: str):
    return (GroupMember.select(GroupMember.user).join(MentoringGroup)
            .where((MentoringGroup.organisation == organisation) & (MentoringGroup.status == ACTIVE)
                   & (GroupMember.role == role)))


def search_bank(organisation, role: str, filters: BankFilters):
    """The filtered, sorted query of a bank's people."""
    purpose = PURPOSE_OF_ROLE[role]
    query = role_members(organisation, role)
    if not filters.everyone:
        query = query.where((User.is_active == True) & consents.complete_condition())  # noqa: E712
    if filters.q:
        query = query.where(contains(User.full_name, filters.q) | contains(User.login, filters.q)
                            | contains(User.position, filters.q))
    if filters.category:
        query = query.where(User.category == filters.category)
    if filters.class_name:
        query = query.where(User.class_name == filters.class_name)
    if filters.subject:
        query = query.where(contains(User.subjects, filters.subject))
    # answers of people who revoked their consent are hidden, so they never match answer filters
    not_revoked = ~consents.status_condition(consents.REVOKED)
    if filters.problem:
        query = query.where(answered_with(User.id, PROBLEM_FEATURE_OF_ROLE[role], filters.problem) & not_revoked)
    if filters.form:
        query = query.where(_form_condition(role, filters.form) & not_revoked)
    if filters.questionnaire:
        query = query.where(status_condition(User.id, purpose, filters.questionnaire))
    if filters.consent:
        query = query.where(consents.status_condition(filters.consent))
    if filters.paired == "yes":
        query = query.where(User.id.in_(paired_ids(organisation, role)))
    elif filters.paired == "no":
        query = query.where(User.id.not_in(paired_ids(organisation, role)))
    return query.order_by(*_ordering(filters.sort, purpose))


def _form_condition(role: str, form: str):
    """A form of mentoring fits a person of the right category for it who, if they answered which
    forms suit them (mentors do), chose it."""
    rule = FORMS[form]
    category = rule.mentor_category if role == "mentor" else rule.mentee_category
    chose_any = User.id.in_(Response.select(Response.user).join(Answer).join(Question)
                            .where(Question.feature == "forms"))
    return (User.category == category) & (answered_with(User.id, "forms", form) | ~chose_any)


def _ordering(sort: str, purpose: str):
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    name = User.name_key
    if key == "class":
        # classes sort by grade number, then letter; people without a class last
        grade = pw.fn.COALESCE(pw.Case(None, ((User.class_name == "", 99),),
                                       pw.Cast(pw.fn.RTRIM(User.class_name, "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"),
                                               "INTEGER")), 99)
        keys = [grade, User.class_name]
    elif key == "status":
        keys = [status_rank(User.id, purpose)]
    else:
        return [name.desc() if descending else name.asc(), User.id]  # the name once: it costs a call per row
    ordered = [k.desc() if descending else k.asc() for k in keys]
    return ordered + [name, User.id]


def subjects_of(organisation, role: str) -> list[str]:
    """The subjects named by the role's members (distinct strings first: a school has few)."""
    found = set()
    for (subjects,) in role_members(organisation, role).select(User.subjects).distinct().tuples():
        found.update(s.strip() for s in subjects.split(";") if s.strip())
    return sorted(found)


def unfiltered(filters: BankFilters) -> bool:
    """The whole bank (any order): its search counts exactly the people in the bank."""
    return not filters.everyone and not any(getattr(filters, name) for name in FIELDS if name != "sort")


def counts(organisation, role: str, in_bank: int | None = None) -> dict:
    """People holding the role, and those of them in the bank (``in_bank`` when already counted:
    each COUNT reads every member of a big school)."""
    if in_bank is None:
        in_bank = consents.bank_members(organisation, role).count()
    return {"total": role_members(organisation, role).count(), "in_bank": in_bank}


def paired_set(organisation, role: str, users) -> set[int]:
    ids = [u.id for u in users]
    if not ids:
        return set()
    return {row.user_id for row in paired_ids(organisation, role).where(GroupMember.user.in_(ids))}
