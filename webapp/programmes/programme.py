"""The personalised programme: goals, tasks, expected results, plan items, meeting log.

Who may do what: the mentor of the pair (and the coordinator) edits the programme and the plan;
the mentor and the mentee log meetings and mark plan items; everyone else gets 404 before this.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort

from webapp.db import database
from webapp.models import MeetingLog, PlanItem, Programme
from webapp.models.programme import DONE_ITEM, PLAN_STATUSES
from webapp.programmes.groups import GroupError

TEXT_MAX = 4000
NAME_MAX, SHORT_MAX = 300, 200
DURATION_MAX = 600
PLAN_STATUS_LABELS = {"planned": "запланировано", "in_progress": "выполняется", "done": "выполнено"}
MEETING_FORMAT_LABELS = {"in_person": "очно", "remote": "дистанционно"}
DEFAULT_PLAN = [
    ("Знакомство, определение запроса наставляемого", 14, "Наставник", "Анкета, запись во встрече"),
    ("Составление и согласование персонализированной программы", 30, "Наставник, наставляемый",
     "Персонализированная программа"),
    ("Промежуточный мониторинг: анкетирование участников", 120, "Куратор", "Анкеты мониторинга"),
    ("Итоговая встреча, анализ результатов", 260, "Наставник, наставляемый", "Отчёт наставника"),
]


def programme_of(group) -> Programme:
    programme = Programme.get_or_none(Programme.group == group)
    if programme is None:
        with database.atomic():
            programme = Programme.create(group=group)
            start = group.started_on or dt.date.today()
            scale = _plan_scale(group, start)
            for position, (name, days, responsible, result) in enumerate(DEFAULT_PLAN):
                PlanItem.create(programme=programme, position=position, name=name,
                                deadline=start + dt.timedelta(days=round(days * scale)), responsible=responsible,
                                result_doc=result)
    return programme


def _plan_scale(group, start: dt.date) -> float:
    """The default plan spans a school year; a shorter planned term (a short-term pair, a pair formed
    in spring) squeezes its deadlines into that term instead of leaving them after its end."""
    span = DEFAULT_PLAN[-1][1]
    if group.planned_end_on is None or (group.planned_end_on - start).days >= span:
        return 1.0
    return max((group.planned_end_on - start).days, 1) / span


@dataclass(frozen=True)
class Goals:
    goals: str
    tasks: str
    expected_results: str
    request: str | None = None  # None: keep what the programme has
    problems: str | None = None


@dataclass(frozen=True)
class NewPlanItem:
    name: str
    deadline: dt.date | None = None
    responsible: str = ""
    result_doc: str = ""


@dataclass(frozen=True)
class NewMeeting:
    met_on: dt.date
    format: str
    duration_minutes: int
    topic: str
    outcome: str = ""


def update_goals(programme, goals: Goals, actor) -> None:
    Programme.update(goals=goals.goals, tasks=goals.tasks, expected_results=goals.expected_results,
                     request=programme.request if goals.request is None else goals.request,
                     problems=programme.problems if goals.problems is None else goals.problems,
                     updated_at=dt.datetime.now(), updated_by=actor).where(Programme.id == programme.id).execute()


def add_item(programme, item: NewPlanItem) -> PlanItem:
    position = PlanItem.select().where(PlanItem.programme == programme).count()
    return PlanItem.create(programme=programme, position=position, name=item.name, deadline=item.deadline,
                           responsible=item.responsible, result_doc=item.result_doc)


def plan_item_or_404(programme, item_id: int) -> PlanItem:
    """The plan item if it belongs to ``programme`` (another pair's or a made-up id: 404)."""
    item = PlanItem.get_or_none((PlanItem.id == item_id) & (PlanItem.programme == programme))
    if item is None:
        abort(404)
    return item


def set_item_status(programme, item_id: int, status: str) -> PlanItem:
    item = plan_item_or_404(programme, item_id)
    if status not in PLAN_STATUSES:
        raise GroupError("Выберите состояние пункта плана из списка.")
    PlanItem.update(status=status, done_on=dt.date.today() if status == DONE_ITEM else None).where(
        PlanItem.id == item.id).execute()
    return PlanItem.get_by_id(item.id)


def add_meeting(programme, meeting: NewMeeting, actor, group) -> MeetingLog:
    """Log a meeting: not in the future, not before the pair started."""
    if meeting.met_on > dt.date.today():
        raise GroupError("Дата встречи не может быть в будущем.")
    if group.started_on and meeting.met_on < group.started_on:
        raise GroupError("Дата встречи раньше начала работы пары.")
    return MeetingLog.create(programme=programme, met_on=meeting.met_on, format=meeting.format,
                             duration_minutes=meeting.duration_minutes, topic=meeting.topic,
                             outcome=meeting.outcome, author=actor)


def items(programme):
    return PlanItem.select().where(PlanItem.programme == programme).order_by(PlanItem.position, PlanItem.id)


def meetings(programme):
    return (MeetingLog.select().where(MeetingLog.programme == programme)
            .order_by(MeetingLog.met_on.desc(), MeetingLog.id.desc()))
