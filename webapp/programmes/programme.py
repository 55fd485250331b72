"""The personalised programme: goals, tasks, expected results, plan items, meeting log.

Who may do what: the mentor of the pair (and the coordinator) edits the programme and the plan;
the mentor and the mentee log meetings and mark plan items; everyone else gets 404 before this.
"""
from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _

from webapp.db import database
from webapp.models import MeetingLog, PlanItem, Programme
from webapp.models.programme import DONE_ITEM, MEETING_FORMATS, PLAN_STATUSES
from webapp.programmes.groups import GroupError, parse_date

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


def _text(form, name: str, label: str, limit: int, errors: list, required: bool = False) -> str:
    value = (form.get(name) or "").strip()
    if required and not value:
        errors.append(_("Заполните поле «%(field)s».", field=label))
    if len(value) > limit:
        errors.append(_("Поле «%(field)s» — не длиннее %(limit)s символов.", field=label, limit=limit))
    return value


def update_goals(programme, form, actor) -> None:
    errors: list[str] = []
    goals = _text(form, "goals", _("Цели"), TEXT_MAX, errors)
    tasks = _text(form, "tasks", _("Задачи"), TEXT_MAX, errors)
    results = _text(form, "expected_results", _("Ожидаемые результаты"), TEXT_MAX, errors)
    # the request and the problems are kept when a form without them is sent
    request = _text(form, "request", _("Запрос наставляемого"), TEXT_MAX, errors) if "request" in form \
        else programme.request
    problems = _text(form, "problems", _("Проблемы"), TEXT_MAX, errors) if "problems" in form \
        else programme.problems
    if errors:
        raise GroupError(" ".join(errors))
    Programme.update(goals=goals, tasks=tasks, expected_results=results, request=request, problems=problems,
                     updated_at=dt.datetime.now(), updated_by=actor).where(Programme.id == programme.id).execute()


def add_item(programme, form) -> PlanItem:
    errors: list[str] = []
    name = _text(form, "name", _("Мероприятие"), NAME_MAX, errors, required=True)
    responsible = _text(form, "responsible", _("Ответственный"), SHORT_MAX, errors)
    result = _text(form, "result_doc", _("Результат (вид документа)"), SHORT_MAX, errors)
    try:
        deadline = parse_date(form.get("deadline"))
    except GroupError as exc:
        errors.append(str(exc))
        deadline = None
    if errors:
        raise GroupError(" ".join(errors))
    position = PlanItem.select().where(PlanItem.programme == programme).count()
    return PlanItem.create(programme=programme, position=position, name=name, deadline=deadline,
                           responsible=responsible, result_doc=result)


def set_item_status(programme, item_id, status: str) -> PlanItem:
    item = PlanItem.get_or_none((PlanItem.id == item_id) & (PlanItem.programme == programme))
    if item is None:
        from flask import abort
        abort(404)
    if status not in PLAN_STATUSES:
        raise GroupError("Выберите состояние пункта плана из списка.")
    PlanItem.update(status=status, done_on=dt.date.today() if status == DONE_ITEM else None).where(
        PlanItem.id == item.id).execute()
    return PlanItem.get_by_id(item.id)


def add_meeting(programme, form, actor, group) -> MeetingLog:
    errors: list[str] = []
    topic = _text(form, "topic", _("Тема"), NAME_MAX, errors, required=True)
    outcome = _text(form, "outcome", _("Итог встречи"), TEXT_MAX, errors)
    fmt = (form.get("format") or "").strip()
    if fmt not in MEETING_FORMATS:
        errors.append(_("Выберите формат встречи: очно или дистанционно."))
    duration = None
    raw = (form.get("duration_minutes") or "").strip()
    try:
        duration = int(raw)
        if not 1 <= duration <= DURATION_MAX:
            errors.append(_("Продолжительность — от 1 до %(limit)s минут.", limit=DURATION_MAX))
    except ValueError:
        errors.append(_("Продолжительность укажите целым числом минут."))
    met_on = None
    try:
        met_on = parse_date(form.get("met_on"))
        if met_on is None:
            errors.append(_("Укажите дату встречи."))
        elif met_on > dt.date.today():
            errors.append(_("Дата встречи не может быть в будущем."))
        elif group.started_on and met_on < group.started_on:
            errors.append(_("Дата встречи раньше начала работы пары."))
    except GroupError as exc:
        errors.append(str(exc))
    if errors:
        raise GroupError(" ".join(errors))
    return MeetingLog.create(programme=programme, met_on=met_on, format=fmt, duration_minutes=duration,
                             topic=topic, outcome=outcome, author=actor)


def items(programme):
    return PlanItem.select().where(PlanItem.programme == programme).order_by(PlanItem.position, PlanItem.id)


def meetings(programme):
    return (MeetingLog.select().where(MeetingLog.programme == programme)
            .order_by(MeetingLog.met_on.desc(), MeetingLog.id.desc()))
