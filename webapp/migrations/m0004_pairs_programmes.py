"""Matching runs, suggestions, unpaired mentees, orders, stage history, notifications, programmes;
order date on groups and the area of a member (schema as of v4)."""
import datetime as dt

import peewee as pw
from playhouse.migrate import migrate

from webapp.migrations.frozen import FrozenModel as _Base, MentoringGroup, Organisation, User

VERSION = 4


class MatchingRun(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="+")
    author = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    parent = pw.ForeignKeyField("self", null=True, on_delete="SET NULL", backref="+")
    parameters_json = pw.TextField(default="{}")
    status = pw.CharField(max_length=20, default="queued")
    progress = pw.IntegerField(default=0)
    step = pw.CharField(max_length=200, default="")
    error = pw.TextField(default="")
    n_mentors = pw.IntegerField(default=0)
    n_mentees = pw.IntegerField(default=0)
    n_suggestions = pw.IntegerField(default=0)
    n_assigned = pw.IntegerField(default=0)
    n_unmatched = pw.IntegerField(default=0)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    finished_at = pw.DateTimeField(null=True)


class Suggestion(_Base):
    run = pw.ForeignKeyField(MatchingRun, on_delete="CASCADE", backref="+")
    mentor = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    mentee = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    score = pw.FloatField(default=0.0)
    rank = pw.IntegerField(default=0)
    explanation_json = pw.TextField(default="{}")
    assigned = pw.BooleanField(default=False)
    fixed = pw.BooleanField(default=False)
    problem = pw.CharField(max_length=64, default="")
    status = pw.CharField(max_length=20, default="proposed")
    reject_reason = pw.TextField(default="")
    group = pw.ForeignKeyField(MentoringGroup, null=True, on_delete="SET NULL", backref="+")
    decided_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    decided_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("run", "mentor", "mentee", "problem"), True),)


class UnpairedMentee(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="+")
    mentee = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    run = pw.ForeignKeyField(MatchingRun, null=True, on_delete="SET NULL", backref="+")
    code = pw.CharField(max_length=40, default="")
    reason = pw.TextField(default="")
    best_json = pw.TextField(default="[]")
    support = pw.BooleanField(default=False)
    keep_searching = pw.BooleanField(default=False)
    updated_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "mentee"), True),)


class PairingOrder(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="+")
    number = pw.CharField(max_length=40)
    signed_on = pw.DateField()
    basis = pw.TextField(default="")
    responsible_name = pw.CharField(max_length=200, default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "number"), True),)


class StageChange(_Base):
    group = pw.ForeignKeyField(MentoringGroup, on_delete="CASCADE", backref="+")
    stage = pw.IntegerField()
    changed_on = pw.DateField(default=dt.date.today)
    changed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    note = pw.TextField(default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)


class Notification(_Base):
    user = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    text = pw.TextField()
    link = pw.CharField(max_length=300, default="")
    is_read = pw.BooleanField(default=False)
    created_at = pw.DateTimeField(default=dt.datetime.now)


class Programme(_Base):
    group = pw.ForeignKeyField(MentoringGroup, on_delete="CASCADE", unique=True, backref="+")
    goals = pw.TextField(default="")
    tasks = pw.TextField(default="")
    expected_results = pw.TextField(default="")
    updated_at = pw.DateTimeField(default=dt.datetime.now)
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class PlanItem(_Base):
    programme = pw.ForeignKeyField(Programme, on_delete="CASCADE", backref="+")
    position = pw.IntegerField(default=0)
    name = pw.CharField(max_length=300)
    deadline = pw.DateField(null=True)
    responsible = pw.CharField(max_length=200, default="")
    result_doc = pw.CharField(max_length=200, default="")
    status = pw.CharField(max_length=20, default="planned")
    done_on = pw.DateField(null=True)


class MeetingLog(_Base):
    programme = pw.ForeignKeyField(Programme, on_delete="CASCADE", backref="+")
    met_on = pw.DateField()
    format = pw.CharField(max_length=20, default="in_person")
    duration_minutes = pw.IntegerField(default=45)
    topic = pw.CharField(max_length=300)
    outcome = pw.TextField(default="")
    author = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=dt.datetime.now)


MODELS = [MatchingRun, Suggestion, UnpairedMentee, PairingOrder, StageChange, Notification,
          Programme, PlanItem, MeetingLog]


def upgrade(db, migrator):
    with db.bind_ctx(MODELS + [Organisation, User, MentoringGroup]):
        db.create_tables(MODELS)
    migrate(
        migrator.add_column("mentoring_group", "order_date", pw.DateField(null=True)),
        migrator.add_column("group_member", "area", pw.CharField(max_length=64, default="")),
    )
