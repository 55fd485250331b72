"""Matching runs and their suggestions, mentees left without a pair, orders, stage history, notifications."""
from __future__ import annotations

import datetime as dt
import json

import peewee as pw

from webapp.db import BaseModel
from webapp.models.mentoring import MentoringGroup
from webapp.models.organisation import Organisation
from webapp.models.user import User

# run states
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# suggestion states
PROPOSED, ACCEPTED, REJECTED, SUPERSEDED = "proposed", "accepted", "rejected", "superseded"
SUGGESTION_STATUSES = (PROPOSED, ACCEPTED, REJECTED, SUPERSEDED)


class MatchingRun(BaseModel):
    organisation = pw.ForeignKeyField(Organisation, backref="matching_runs", on_delete="CASCADE")
    author = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    parent = pw.ForeignKeyField("self", null=True, on_delete="SET NULL", backref="reruns")
    parameters_json = pw.TextField(default="{}")
    status = pw.CharField(max_length=20, default=QUEUED)
    progress = pw.IntegerField(default=0)  # 0..100
    step = pw.CharField(max_length=200, default="")
    error = pw.TextField(default="")
    n_mentors = pw.IntegerField(default=0)
    n_mentees = pw.IntegerField(default=0)
    n_suggestions = pw.IntegerField(default=0)
    n_assigned = pw.IntegerField(default=0)
    n_unmatched = pw.IntegerField(default=0)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    finished_at = pw.DateTimeField(null=True)

    @property
    def parameters(self) -> dict:
        return json.loads(self.parameters_json or "{}")

    @property
    def finished(self) -> bool:
        return self.status in (DONE, FAILED)


class Approval(BaseModel):
    """One «Утвердить» of the coordinator: a single pair (``bulk`` False) or all proposed pairs of a run.
    Undone as a whole (``undone_at``) until an order lists the pairs."""
    run = pw.ForeignKeyField(MatchingRun, backref="approvals", on_delete="CASCADE")
    actor = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    bulk = pw.BooleanField(default=False)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    undone_at = pw.DateTimeField(null=True)
    undone_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class Suggestion(BaseModel):
    run = pw.ForeignKeyField(MatchingRun, backref="suggestions", on_delete="CASCADE")
    mentor = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    mentee = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    score = pw.FloatField(default=0.0)
    rank = pw.IntegerField(default=0)  # 1 = the mentee's best candidate; 0 = added by hand
    explanation_json = pw.TextField(default="{}")
    assigned = pw.BooleanField(default=False)  # part of the optimal assignment of the run
    fixed = pw.BooleanField(default=False)  # kept by the coordinator for a re-run
    problem = pw.CharField(max_length=64, default="")  # the area (one mentee, several mentors)
    status = pw.CharField(max_length=20, default=PROPOSED)
    reject_reason = pw.TextField(default="")
    group = pw.ForeignKeyField(MentoringGroup, null=True, on_delete="SET NULL", backref="suggestions")
    decided_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    decided_at = pw.DateTimeField(null=True)
    approval = pw.ForeignKeyField(Approval, null=True, on_delete="SET NULL", backref="suggestions")  # migration 14

    class Meta:
        indexes = ((("run", "mentor", "mentee", "problem"), True),)

    @property
    def explanation(self) -> dict:
        return json.loads(self.explanation_json or "{}")


class UnpairedMentee(BaseModel):
    """A mentee the latest run left without a pair: why, support, and whether to keep searching."""
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="+")
    mentee = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    run = pw.ForeignKeyField(MatchingRun, null=True, on_delete="SET NULL", backref="unpaired")
    code = pw.CharField(max_length=40, default="")
    reason = pw.TextField(default="")
    best_json = pw.TextField(default="[]")  # [[mentor_id, score], ...]
    support = pw.BooleanField(default=False)  # психолого-педагогическая поддержка
    keep_searching = pw.BooleanField(default=False)
    updated_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "mentee"), True),)

    @property
    def best(self) -> list:
        return json.loads(self.best_json or "[]")


class PairingOrder(BaseModel):
    """An order «О закреплении наставнических пар (групп)»."""
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="+")
    number = pw.CharField(max_length=40)
    signed_on = pw.DateField()
    basis = pw.TextField(default="")
    responsible_name = pw.CharField(max_length=200, default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=dt.datetime.now)
    kind = pw.CharField(max_length=40, default="pairs")  # migration 7
    school_year = pw.IntegerField(null=True)  # 2026 for 2026/2027
    sequence = pw.IntegerField(null=True)  # the number within the school year
    curator = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("organisation", "school_year", "number"), True),)


class OrderGroup(BaseModel):
    """A pair or group listed by an order (by reference, not by the number's text)."""
    order = pw.ForeignKeyField(PairingOrder, backref="group_links", on_delete="CASCADE")
    group = pw.ForeignKeyField(MentoringGroup, backref="order_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("order", "group"), True),)


class StageChange(BaseModel):
    group = pw.ForeignKeyField(MentoringGroup, backref="stage_changes", on_delete="CASCADE")
    stage = pw.IntegerField()
    changed_on = pw.DateField(default=dt.date.today)
    changed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    note = pw.TextField(default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)


class Notification(BaseModel):
    user = pw.ForeignKeyField(User, backref="notifications", on_delete="CASCADE")
    text = pw.TextField()
    link = pw.CharField(max_length=300, default="")
    is_read = pw.BooleanField(default=False)
    created_at = pw.DateTimeField(default=dt.datetime.now)

    @classmethod
    def unread_count(cls, user) -> int:
        return cls.select().where((cls.user == user) & (cls.is_read == False)).count()  # noqa: E712
