"""Roadmap rules: pre-fill from the seed, edit, order, find overdue items."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from webapp.db import database
from webapp.models import RoadmapItem
from webapp.models.programme_life import DONE, IN_PROGRESS, PLANNED
from webapp.roadmap.seed import EVENTS, STEPS, deadline, school_year_start

STATUS_LABELS = {PLANNED: "запланировано", IN_PROGRESS: "выполняется", DONE: "выполнено"}


def items_of(organisation):
    return (RoadmapItem.select().where(RoadmapItem.organisation == organisation)
            .order_by(RoadmapItem.step, RoadmapItem.position, RoadmapItem.id))


def prefill(organisation, today: dt.date | None = None) -> int:
    """Fill an empty roadmap with the seed's events for the current school year; return rows made."""
    with database.atomic():
        if RoadmapItem.select().where(RoadmapItem.organisation == organisation).exists():
            return 0
        year = school_year_start(today)
        positions: dict[int, int] = {}
        for step, title, month_day, period, responsible, result in EVENTS:
            positions[step] = positions.get(step, 0) + 1
            RoadmapItem.create(organisation=organisation, step=step, position=positions[step], title=title,
                               due_on=deadline(month_day, year), period=period, responsible=responsible,
                               result_document=result)
        return len(EVENTS)


@dataclass
class Row:
    number: str
    item: RoadmapItem
    overdue: bool


def numbered(organisation, today: dt.date | None = None) -> list[tuple[int, str, list[Row]]]:
    """[(step, step title, rows)] with numbers «1.2» in display order."""
    today = today or dt.date.today()
    by_step: dict[int, list[Row]] = {}
    for item in items_of(organisation):
        rows = by_step.setdefault(item.step, [])
        rows.append(Row(f"{item.step}.{len(rows) + 1}", item, item.is_overdue(today)))
    return [(step, STEPS.get(step, ""), by_step.get(step, [])) for step in sorted(set(STEPS) | set(by_step))]


def overdue_count(organisation, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    return (RoadmapItem.select().where((RoadmapItem.organisation == organisation) & (RoadmapItem.status != DONE)
                                       & (RoadmapItem.due_on < today)).count())


def save_item(organisation, data: dict, item: RoadmapItem | None = None) -> RoadmapItem:
    with database.atomic():
        if item is None:
            last = (RoadmapItem.select().where((RoadmapItem.organisation == organisation)
                                               & (RoadmapItem.step == data["step"]))
                    .order_by(RoadmapItem.position.desc()).first())
            item = RoadmapItem(organisation=organisation, position=(last.position + 1) if last else 1)
        elif item.step != data["step"]:
            last = (RoadmapItem.select().where((RoadmapItem.organisation == organisation)
                                               & (RoadmapItem.step == data["step"]))
                    .order_by(RoadmapItem.position.desc()).first())
            item.position = (last.position + 1) if last else 1
        for key, value in data.items():
            setattr(item, key, value)
        item.updated_at = dt.datetime.now()
        item.save()
    return item


def delete_item(item: RoadmapItem) -> None:
    with database.atomic():
        item.delete_instance()


def display_deadline(item: RoadmapItem, words=str) -> str:
    """«15.09.2026, в течение учебного года»; ``words`` turns the stored period into the page's language."""
    parts = []
    if item.due_on:
        parts.append(item.due_on.strftime("%d.%m.%Y"))
    if item.period:
        parts.append(words(item.period))
    return ", ".join(parts) or "—"
