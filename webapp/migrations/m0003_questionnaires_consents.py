"""Questionnaires (versioned), assignments, responses and answers; consents (schema as of v3)."""
import datetime as dt

import peewee as pw

from webapp.migrations.frozen import FrozenModel as _Base, Organisation, User

VERSION = 3
DRAFT = "draft"
SELF = "self"


class Questionnaire(_Base):
    organisation = pw.ForeignKeyField(Organisation, backref="questionnaires", on_delete="CASCADE")
    key = pw.CharField(max_length=64)
    title = pw.CharField(max_length=200)
    description = pw.TextField(default="")
    purpose = pw.CharField(max_length=32)
    role = pw.CharField(max_length=20)  # mentor | mentee: who answers it
    categories = pw.CharField(max_length=200, default="")  # csv of participant categories; "" = all
    created_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "key"), True),)


class QuestionnaireVersion(_Base):
    questionnaire = pw.ForeignKeyField(Questionnaire, backref="versions", on_delete="CASCADE")
    number = pw.IntegerField()
    status = pw.CharField(max_length=20, default=DRAFT)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    published_at = pw.DateTimeField(null=True)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("questionnaire", "number"), True),)


class Question(_Base):
    version = pw.ForeignKeyField(QuestionnaireVersion, backref="questions", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    key = pw.CharField(max_length=64)  # stable across versions of one questionnaire
    section = pw.CharField(max_length=200, default="")
    text = pw.TextField()
    help_text = pw.TextField(default="")
    qtype = pw.CharField(max_length=20)
    required = pw.BooleanField(default=False)
    min_value = pw.FloatField(null=True)
    max_value = pw.FloatField(null=True)
    max_length = pw.IntegerField(null=True)
    max_choices = pw.IntegerField(null=True)
    categories = pw.CharField(max_length=200, default="")  # shown only to these categories; "" = all
    forms = pw.CharField(max_length=300, default="")  # shown only for these forms of mentoring; "" = all
    feature = pw.CharField(max_length=40, default="")  # key that matching reads

    class Meta:
        indexes = ((("version", "key"), True),)


class QuestionOption(_Base):
    question = pw.ForeignKeyField(Question, backref="options", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    value = pw.CharField(max_length=64)
    label = pw.CharField(max_length=300)

    class Meta:
        indexes = ((("question", "value"), True),)


class Assignment(_Base):
    questionnaire = pw.ForeignKeyField(Questionnaire, backref="assignments", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="assignments", on_delete="CASCADE")
    assigned_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    assigned_at = pw.DateTimeField(default=dt.datetime.now)
    due_on = pw.DateField(null=True)
    group_id = pw.IntegerField(null=True)  # a mentoring pair/group, for monitoring questionnaires

    class Meta:
        indexes = ((("questionnaire", "user", "group_id"), True),)


class Response(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="responses", on_delete="CASCADE")
    version = pw.ForeignKeyField(QuestionnaireVersion, backref="responses", on_delete="CASCADE")
    assignment = pw.ForeignKeyField(Assignment, null=True, backref="responses", on_delete="SET NULL")
    group_id = pw.IntegerField(null=True)  # a mentoring pair/group, for monitoring questionnaires
    status = pw.CharField(max_length=20, default=DRAFT)  # draft | submitted
    started_at = pw.DateTimeField(default=dt.datetime.now)
    updated_at = pw.DateTimeField(default=dt.datetime.now)
    submitted_at = pw.DateTimeField(null=True)


class Answer(_Base):
    response = pw.ForeignKeyField(Response, backref="answers", on_delete="CASCADE")
    question = pw.ForeignKeyField(Question, backref="answers", on_delete="CASCADE")
    value_json = pw.TextField()

    class Meta:
        indexes = ((("response", "question"), True),)


class Consent(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="consents", on_delete="CASCADE")
    kind = pw.CharField(max_length=32)
    given_by = pw.CharField(max_length=20, default=SELF)
    representative_name = pw.CharField(max_length=200, default="")
    representative_relation = pw.CharField(max_length=100, default="")
    signed_on = pw.DateField(null=True)
    received_at = pw.DateTimeField(null=True)  # the signed paper reached the coordinator
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    revoked_at = pw.DateTimeField(null=True)
    revoke_reason = pw.TextField(default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)


MODELS = [Questionnaire, QuestionnaireVersion, Question, QuestionOption, Assignment, Response, Answer, Consent]


def upgrade(db, migrator):
    with db.bind_ctx(MODELS + [Organisation, User]):
        db.create_tables(MODELS)
