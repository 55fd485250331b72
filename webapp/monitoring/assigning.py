"""Giving the monitoring questionnaires to the members of a pair, and opening them for the members."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from webapp.db import database
from webapp.models import Assignment, GroupMember, MentoringGroup, Questionnaire, Response
from webapp.models.mentoring import ACTIVE
from webapp.shipped_text import shipped
from webapp.models.questionnaire import INFLUENCE_AFTER, MONITORING_ENTRY, MONITORING_EXIT, MONITORING_MID, SUBMITTED

# "outcome" is the completion questionnaire of influence (results of taking part); its «before» is
# asked with the mentee's request, outside any pair (webapp.monitoring.influence)
STAGES = {"entry": MONITORING_ENTRY, "mid": MONITORING_MID, "exit": MONITORING_EXIT, "outcome": INFLUENCE_AFTER}
STAGE_LABELS = {"entry": "входной", "mid": "промежуточный", "exit": "итоговый", "outcome": "итоговый (результаты)"}
PAIR_STAGES = ("entry", "mid", "exit")
PURPOSE_STAGE = {purpose: stage for stage, purpose in STAGES.items()}


class UnknownStage(ValueError):
    """A stage other than entry, mid, exit."""


def _ensure_questionnaires(organisation) -> None:
    try:  # the questionnaire package installs the default (data-defined) questionnaires
        from webapp.questionnaires.loader import ensure_default_questionnaires
    except ImportError:  # pragma: no cover - the package is always there in this project
        return
    ensure_default_questionnaires(organisation)


def monitoring_questionnaires(organisation, stage: str) -> dict[str, Questionnaire]:
    """{"mentor": questionnaire, "mentee": questionnaire} of this stage for the organisation."""
    if stage not in STAGES:
        raise UnknownStage(stage)
    _ensure_questionnaires(organisation)
    found: dict[str, Questionnaire] = {}
    query = (Questionnaire.select().where((Questionnaire.organisation == organisation)
                                          & (Questionnaire.purpose == STAGES[stage]))
             .order_by(Questionnaire.id))
    for questionnaire in query:
        if questionnaire.role not in found and questionnaire.published_version() is not None:
            found[questionnaire.role] = questionnaire
    return found


def assign_monitoring(group: MentoringGroup, stage: str, actor=None, due_on: dt.date | None = None) -> int:
    """Give the stage's questionnaire to every member of the pair/group (mentor and mentee versions).

    ``stage`` is "entry" (when a pair starts), "mid" (pair-quality survey at mid-term) or "exit"
    (when it ends). Idempotent: a member who already has the assignment is skipped. Returns how
    many assignments were created.
    """
    questionnaires = monitoring_questionnaires(group.organisation_id, stage)
    created = 0
    with database.atomic():
        for member in GroupMember.select().where(GroupMember.group == group):
            questionnaire = questionnaires.get(member.role)
            if questionnaire is None:
                continue
            _, new = Assignment.get_or_create(questionnaire=questionnaire, user=member.user_id, group_id=group.id,
                                              defaults={"assigned_by": actor, "due_on": due_on})
            created += int(new)
    return created


def assign_all_active(organisation, stage: str, actor=None) -> tuple[int, int]:
    """Assign the stage to every active pair; returns (pairs, new assignments)."""
    pairs = created = 0
    for group in MentoringGroup.active_in(organisation):
        pairs += 1
        created += assign_monitoring(group, stage, actor)
    return pairs, created


def membership(group: MentoringGroup, user) -> str | None:
    """The person's role in the pair ("mentor" / "mentee"), or None when they are not in it."""
    member = (GroupMember.select().where((GroupMember.group == group) & (GroupMember.user == user))
              .order_by(GroupMember.role).first())
    return member.role if member else None


def start_for_member(group: MentoringGroup, user, stage: str) -> Response | None:
    """The member's response to the stage's questionnaire of this pair (made when needed).

    None when the person is not in the pair or was not given this questionnaire.
    """
    role = membership(group, user)
    if role is None or stage not in STAGES:
        return None
    questionnaire = monitoring_questionnaires(group.organisation_id, stage).get(role)
    if questionnaire is None:
        return None
    assignment = Assignment.get_or_none((Assignment.questionnaire == questionnaire) & (Assignment.user == user)
                                        & (Assignment.group_id == group.id))
    if assignment is None:
        return None
    from webapp.questionnaires import responses
    return responses.start(user, questionnaire, assignment=assignment, group_id=group.id)


@dataclass
class Due:
    group: MentoringGroup
    stage: str
    questionnaire: Questionnaire
    status: str  # not_started | draft | submitted
    response_id: int | None


def monitoring_for(user) -> list[Due]:
    """The person's monitoring questionnaires, one per pair and stage, with progress."""
    rows = (Assignment.select(Assignment, Questionnaire).join(Questionnaire)
            .where((Assignment.user == user) & Assignment.group_id.is_null(False)
                   & Questionnaire.purpose.in_(list(STAGES.values())))
            .order_by(Assignment.assigned_at.desc()))
    groups = {g.id: g for g in MentoringGroup.select().where(MentoringGroup.id.in_([a.group_id for a in rows]))}
    result = []
    for assignment in rows:
        group = groups.get(assignment.group_id)
        if group is None or group.organisation_id != user.organisation_id:
            continue
        response = (Response.select().where((Response.user == user) & (Response.group_id == group.id)
                                            & (Response.assignment == assignment))
                    .order_by(Response.id.desc()).first())
        status = response.status if response else "not_started"
        result.append(Due(group, PURPOSE_STAGE[assignment.questionnaire.purpose], assignment.questionnaire,
                          status, response.id if response else None))
    return result


def pending_count(user) -> int:
    return sum(1 for d in monitoring_for(user) if d.status != SUBMITTED)


def is_active(group) -> bool:
    return group.status == ACTIVE


# A pair's life gives its members the monitoring questionnaires of the target model: entry when
# it starts, the mid-term pair-quality survey when it reaches the implementation stage (3), the
# completion questionnaire at the reflective-analytic stage (4) or when it ends.
STAGE_ON_PAIR_STAGE = {1: "entry", 3: "mid", 4: "exit", 5: "exit"}


def on_pair_started(group: MentoringGroup, actor=None) -> int:
    return assign_monitoring(group, "entry", actor=actor)


def on_pair_stage(group: MentoringGroup, stage: int, actor=None) -> int:
    monitoring_stage = STAGE_ON_PAIR_STAGE.get(stage)
    if not monitoring_stage:
        return 0
    created = assign_monitoring(group, monitoring_stage, actor=actor)
    if monitoring_stage == "exit":
        created += assign_monitoring(group, "outcome", actor=actor)
    return created


def on_pair_ended(group: MentoringGroup, actor=None) -> int:
    return assign_monitoring(group, "exit", actor=actor) + assign_monitoring(group, "outcome", actor=actor)


def monitoring_steps(user) -> list:
    """Dashboard reminders: each pair questionnaire the person still has to answer."""
    from flask_babel import gettext as _
    from webapp.dashboard.services import Step
    steps = []
    for due in monitoring_for(user):
        if due.status != SUBMITTED:
            steps.append(Step(_("Ответьте на %(stage)s опрос мониторинга «%(title)s».",
                                stage=_(STAGE_LABELS[due.stage]), title=shipped(due.questionnaire.title)), "monitoring.mine"))
    return steps
