"""Mentoring pairs and groups: one mentor with one or more mentees, or the reverse."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel
from webapp.models.organisation import Organisation
from webapp.models.user import User

ACTIVE, ENDED = "active", "ended"


class MentoringGroup(BaseModel):
    organisation = pw.ForeignKeyField(Organisation, backref="groups", on_delete="CASCADE")
    form = pw.CharField(max_length=40)
    kind = pw.CharField(max_length=40, default="traditional")
    stage = pw.IntegerField(default=1)
    status = pw.CharField(max_length=20, default=ACTIVE)
    started_on = pw.DateField(default=dt.date.today)
    planned_end_on = pw.DateField(null=True)
    ended_on = pw.DateField(null=True)
    end_reason = pw.TextField(default="")
    order_number = pw.CharField(max_length=40, default="")
    order_date = pw.DateField(null=True)  # added in migration 6
    created_at = pw.DateTimeField(default=dt.datetime.now)

    @classmethod
    def active_in(cls, organisation):
        return cls.select().where((cls.organisation == organisation) & (cls.status == ACTIVE))


class GroupMember(BaseModel):
    group = pw.ForeignKeyField(MentoringGroup, backref="members", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="memberships", on_delete="CASCADE")
    role = pw.CharField(max_length=20)  # mentor | mentee
    area = pw.CharField(max_length=64, default="")  # problem key a mentor covers ("" = all); migration 6

    class Meta:
        indexes = ((("group", "user", "role"), True),)
