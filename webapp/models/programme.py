"""The personalised mentoring programme of a pair or group: goals, plan of events, meeting log."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel
from webapp.models.mentoring import MentoringGroup
from webapp.models.user import User

PLANNED, IN_PROGRESS, DONE_ITEM = "planned", "in_progress", "done"
PLAN_STATUSES = (PLANNED, IN_PROGRESS, DONE_ITEM)
MEETING_FORMATS = ("in_person", "remote")


class Programme(BaseModel):
    group = pw.ForeignKeyField(MentoringGroup, backref="programmes", on_delete="CASCADE", unique=True)
    goals = pw.TextField(default="")
    tasks = pw.TextField(default="")
    expected_results = pw.TextField(default="")
    request = pw.TextField(default="")  # the mentee's request (migration 7)
    problems = pw.TextField(default="")  # the problems the programme addresses
    updated_at = pw.DateTimeField(default=dt.datetime.now)
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class PlanItem(BaseModel):
    programme = pw.ForeignKeyField(Programme, backref="items", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    name = pw.CharField(max_length=300)
    deadline = pw.DateField(null=True)
    responsible = pw.CharField(max_length=200, default="")
    result_doc = pw.CharField(max_length=200, default="")  # результат (вид документа)
    status = pw.CharField(max_length=20, default=PLANNED)
    done_on = pw.DateField(null=True)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or dt.date.today()
        return self.status != DONE_ITEM and self.deadline is not None and self.deadline < today


class MeetingLog(BaseModel):
    programme = pw.ForeignKeyField(Programme, backref="meetings", on_delete="CASCADE")
    met_on = pw.DateField()
    format = pw.CharField(max_length=20, default="in_person")
    duration_minutes = pw.IntegerField(default=45)
    topic = pw.CharField(max_length=300)
    outcome = pw.TextField(default="")
    author = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=dt.datetime.now)
