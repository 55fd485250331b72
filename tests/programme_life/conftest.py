"""Helpers for the programme-life tests: pairs with monitoring answers built by hand."""
from __future__ import annotations

import datetime as dt

import pytest

from webapp.models import Answer, Assignment, GroupMember, MentoringGroup, Question, Response
from webapp.models.questionnaire import SUBMITTED
from webapp.monitoring.assigning import monitoring_questionnaires


def make_pair(org, mentor, mentees, form="teacher_teacher", status="active"):
    group = MentoringGroup.create(organisation=org, form=form, status=status,
                                  started_on=dt.date(2025, 10, 1),
                                  ended_on=dt.date(2026, 5, 25) if status == "ended" else None)
    GroupMember.create(group=group, user=mentor, role="mentor")
    for mentee in mentees:
        GroupMember.create(group=group, user=mentee, role="mentee")
    return group


def answer(group, user, role, stage, values: dict, assign=True):
    """A submitted monitoring response of ``user`` in ``group`` with answers {question key: value}."""
    questionnaire = monitoring_questionnaires(group.organisation_id, stage)[role]
    assignment = None
    if assign:
        assignment, _ = Assignment.get_or_create(questionnaire=questionnaire, user=user, group_id=group.id)
    version = questionnaire.published_version()
    response = Response.create(organisation=group.organisation_id, user=user, version=version,
                               assignment=assignment, group_id=group.id, status=SUBMITTED,
                               submitted_at=dt.datetime.now())
    for key, value in values.items():
        question = Question.get((Question.version == version) & (Question.key == key))
        answer_row = Answer(response=response, question=question)
        answer_row.value = value
        answer_row.save()
    return response


@pytest.fixture
def pair_helpers():
    return make_pair, answer
