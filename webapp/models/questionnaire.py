"""Questionnaires as data: versioned question sets, assignments, responses and answers.

A questionnaire has versions; only a published version is filled in. A response is tied to the
version it answered, so later edits (which make a new version) never change how old answers read.
Answer values are stored as JSON text (a string, a number, a list of option values, a ranked list).
"""
from __future__ import annotations

import datetime as dt
import json

import peewee as pw

from webapp.db import BaseModel
from webapp.models.organisation import Organisation
from webapp.models.user import User

# purposes
MENTOR_PROFILE, MENTEE_REQUEST = "mentor_profile", "mentee_request"
MONITORING_ENTRY, MONITORING_MID, MONITORING_EXIT = "monitoring_entry", "monitoring_mid", "monitoring_exit"
# influence on the participants: asked with the request (the true «before») and at completion
INFLUENCE_BEFORE, INFLUENCE_AFTER = "influence_before", "influence_after"
PURPOSES = (MENTOR_PROFILE, MENTEE_REQUEST, MONITORING_ENTRY, MONITORING_MID, MONITORING_EXIT,
            INFLUENCE_BEFORE, INFLUENCE_AFTER)

# question types
SINGLE, MULTIPLE, RANKED, SCALE, YESNO = "single", "multiple", "ranked", "scale", "yesno"
SHORT_TEXT, LONG_TEXT, NUMBER, DATE = "short_text", "long_text", "number", "date"
QUESTION_TYPES = (SINGLE, MULTIPLE, RANKED, SCALE, YESNO, SHORT_TEXT, LONG_TEXT, NUMBER, DATE)
CHOICE_TYPES = (SINGLE, MULTIPLE, RANKED)

# version and response states
DRAFT, PUBLISHED, ARCHIVED = "draft", "published", "archived"
SUBMITTED = "submitted"


def _csv(value: str) -> list[str]:
    return [v for v in (value or "").split(",") if v]


class Questionnaire(BaseModel):
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

    @property
    def category_list(self) -> list[str]:
        return _csv(self.categories)

    def published_version(self):
        return (QuestionnaireVersion.select()
                .where((QuestionnaireVersion.questionnaire == self) & (QuestionnaireVersion.status == PUBLISHED))
                .order_by(QuestionnaireVersion.number.desc()).first())


class QuestionnaireVersion(BaseModel):
    questionnaire = pw.ForeignKeyField(Questionnaire, backref="versions", on_delete="CASCADE")
    number = pw.IntegerField()
    status = pw.CharField(max_length=20, default=DRAFT)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    published_at = pw.DateTimeField(null=True)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("questionnaire", "number"), True),)

    def ordered_questions(self):
        return self.questions.order_by(Question.position, Question.id)


class Question(BaseModel):
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

    @property
    def category_list(self) -> list[str]:
        return _csv(self.categories)

    @property
    def form_list(self) -> list[str]:
        return _csv(self.forms)

    def ordered_options(self):
        return self.options.order_by(QuestionOption.position, QuestionOption.id)


class QuestionOption(BaseModel):
    question = pw.ForeignKeyField(Question, backref="options", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    value = pw.CharField(max_length=64)
    label = pw.CharField(max_length=300)

    class Meta:
        indexes = ((("question", "value"), True),)


class Assignment(BaseModel):
    """A questionnaire given to a person to fill in."""
    questionnaire = pw.ForeignKeyField(Questionnaire, backref="assignments", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="assignments", on_delete="CASCADE")
    assigned_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    assigned_at = pw.DateTimeField(default=dt.datetime.now)
    due_on = pw.DateField(null=True)
    group_id = pw.IntegerField(null=True)  # a mentoring pair/group, for monitoring questionnaires

    class Meta:
        indexes = ((("questionnaire", "user", "group_id"), True),)


class Response(BaseModel):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="responses", on_delete="CASCADE")
    version = pw.ForeignKeyField(QuestionnaireVersion, backref="responses", on_delete="CASCADE")
    assignment = pw.ForeignKeyField(Assignment, null=True, backref="responses", on_delete="SET NULL")
    group_id = pw.IntegerField(null=True)  # a mentoring pair/group, for monitoring questionnaires
    status = pw.CharField(max_length=20, default=DRAFT)  # draft | submitted
    started_at = pw.DateTimeField(default=dt.datetime.now)
    updated_at = pw.DateTimeField(default=dt.datetime.now)
    submitted_at = pw.DateTimeField(null=True)
    revision = pw.IntegerField(default=0, null=True)  # counts writes; an answer keeps the one that wrote it
    pending_json = pw.TextField(null=True)  # typed values refused on the last save, with their messages

    @property
    def is_locked(self) -> bool:
        return self.status == SUBMITTED


class Answer(BaseModel):
    response = pw.ForeignKeyField(Response, backref="answers", on_delete="CASCADE")
    question = pw.ForeignKeyField(Question, backref="answers", on_delete="CASCADE")
    value_json = pw.TextField()
    version = pw.IntegerField(default=0, null=True)  # the response's revision that wrote this answer

    class Meta:
        indexes = ((("response", "question"), True),)

    @property
    def value(self):
        return json.loads(self.value_json)

    @value.setter
    def value(self, new):
        self.value_json = json.dumps(new, ensure_ascii=False)
