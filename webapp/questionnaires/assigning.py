"""Who must fill in which questionnaire, and how far each person has got.

Two sources, both read on the fly (no rows to keep in sync when accounts come and go):
* **default audience** — every active mentor of the questionnaire's categories sees the published
  mentor profile questionnaire, every active mentee the mentee request; no Assignment row needed;
* **explicit assignments** — Assignment rows the coordinator creates for one person, a selection,
  a category or a class (used for the monitoring questionnaires, or to remind someone).
"""
from __future__ import annotations

from dataclasses import dataclass

from webapp.db import database
from webapp.models import Assignment, Questionnaire, Response, User, UserRole
from webapp.models.questionnaire import (DRAFT, INFLUENCE_BEFORE, MENTEE_REQUEST, MENTOR_PROFILE, QuestionnaireVersion,
                                         SUBMITTED)
from webapp.questionnaires.responses import current_response

DEFAULT_PURPOSES = (MENTOR_PROFILE, MENTEE_REQUEST, INFLUENCE_BEFORE)  # the «before» goes with the request
NOT_STARTED = "not_started"
STATUS_LABELS = {NOT_STARTED: "не начата", DRAFT: "черновик", SUBMITTED: "отправлена"}


def _participants(organisation, role: str):
    return (User.select().join(UserRole)
            .where((User.organisation == organisation) & (UserRole.role == role)
                   & (User.is_active == True)))  # noqa: E712


def default_audience(questionnaire):
    """Users who see this questionnaire without being assigned it (a query, maybe empty)."""
    query = _participants(questionnaire.organisation_id, questionnaire.role)
    if questionnaire.purpose not in DEFAULT_PURPOSES:
        return query.where(User.id < 0)
    if questionnaire.category_list:
        query = query.where(User.category.in_(questionnaire.category_list))
    return query


def is_default_for(questionnaire, user) -> bool:
    return (questionnaire.purpose in DEFAULT_PURPOSES and user.has_role(questionnaire.role)
            and (not questionnaire.category_list or user.category in questionnaire.category_list))


def audience_ids(questionnaire) -> set[int]:
    explicit = {a.user_id for a in Assignment.select(Assignment.user).where(Assignment.questionnaire == questionnaire)}
    return explicit | {u.id for u in default_audience(questionnaire).select(User.id)}


@dataclass
class Due:
    questionnaire: Questionnaire
    response: Response | None

    @property
    def status(self) -> str:
        return self.response.status if self.response else NOT_STARTED


def questionnaires_for(user) -> list[Due]:
    """What this person is asked to fill in (published questionnaires only), with their progress."""
    # per-pair monitoring questionnaires (group_id set) are answered from the monitoring area
    assigned = {a.questionnaire_id for a in Assignment.select(Assignment.questionnaire)
                .where((Assignment.user == user) & Assignment.group_id.is_null())}
    result = []
    for questionnaire in Questionnaire.select().where(Questionnaire.organisation == user.organisation_id).order_by(Questionnaire.id):
        if questionnaire.id not in assigned and not is_default_for(questionnaire, user):
            continue
        if questionnaire.published_version() is None:
            continue
        result.append(Due(questionnaire, current_response(user, questionnaire)))
    # the request before the influence «до» that follows it; otherwise in the order they were made
    result.sort(key=lambda due: due.questionnaire.purpose == INFLUENCE_BEFORE)
    return result


def eligible(questionnaire, users) -> tuple[list, list]:
    """Split ``users`` into those who can be assigned (hold the questionnaire's role) and the rest."""
    ok, refused = [], []
    for user in users:
        (ok if user.has_role(questionnaire.role) and user.is_active else refused).append(user)
    return ok, refused


def assign(questionnaire, users, actor, due_on=None) -> int:
    """Create the missing Assignment rows; return how many were new."""
    created = 0
    with database.atomic():
        have = {a.user_id for a in Assignment.select(Assignment.user)
                .where((Assignment.questionnaire == questionnaire) & Assignment.group_id.is_null())}
        for user in users:
            if user.id in have:
                continue
            Assignment.create(questionnaire=questionnaire, user=user, assigned_by=actor, due_on=due_on)
            have.add(user.id)
            created += 1
    return created


def select_users(organisation, *, user_ids=(), category: str = "", class_name: str = ""):
    """People of this organisation picked by id, by category or by class (other organisations' ids are ignored)."""
    query = User.select().where((User.organisation == organisation) & (User.is_active == True))  # noqa: E712
    if user_ids:
        return list(query.where(User.id.in_(list(user_ids))))
    if category:
        return list(query.where(User.category == category))
    if class_name:
        return list(query.where(User.class_name == class_name))
    return []


@dataclass
class StatusRow:
    user: User
    status: str
    response: Response | None


def status_list(questionnaire, only: str = "") -> list[StatusRow]:
    """Everyone asked to fill in ``questionnaire`` with not started / draft / submitted, by name."""
    ids = audience_ids(questionnaire)
    if not ids:
        return []
    latest: dict[int, Response] = {}
    responses = (Response.select().join(QuestionnaireVersion)
                 .where((QuestionnaireVersion.questionnaire == questionnaire) & Response.user.in_(list(ids))
                        & Response.group_id.is_null())
                 .order_by(Response.id))
    for response in responses:
        latest[response.user_id] = response
    rows = []
    for user in User.select().where(User.id.in_(list(ids))).order_by(User.full_name):
        response = latest.get(user.id)
        row = StatusRow(user, response.status if response else NOT_STARTED, response)
        if not only or row.status == only:
            rows.append(row)
    return rows


def follow_up(user, questionnaire):
    """The questionnaire that comes right after this one for the person, or None: after the mentee's
    request, the influence «before» (the true «before», asked before any pair) until it is submitted."""
    from webapp.models.questionnaire import MENTEE_REQUEST, Questionnaire
    if questionnaire.purpose != MENTEE_REQUEST:
        return None
    for candidate in (Questionnaire.select().where((Questionnaire.organisation == questionnaire.organisation_id)
                                                   & (Questionnaire.purpose == INFLUENCE_BEFORE)
                                                   & (Questionnaire.role == "mentee")).order_by(Questionnaire.id)):
        if candidate.published_version() is None or not is_default_for(candidate, user):
            continue
        existing = current_response(user, candidate)
        if existing is None or existing.status != SUBMITTED:
            return candidate
    return None
