"""Helpers: teachers with a request, influence answers before (with the request) and after (in a pair)."""
from __future__ import annotations

import datetime as dt

from tests.factories import make_user
from tests.programme_life.conftest import answer, make_pair
from webapp.models import Answer, Question, Questionnaire, Response
from webapp.models.questionnaire import INFLUENCE_BEFORE, MENTEE_REQUEST, SUBMITTED
from webapp.questionnaires.loader import ensure_default_questionnaires


def submitted(org, user, purpose, values: dict, when: dt.datetime, role="mentee"):
    ensure_default_questionnaires(org)
    questionnaire = Questionnaire.get((Questionnaire.organisation == org) & (Questionnaire.purpose == purpose)
                                      & (Questionnaire.role == role))
    version = questionnaire.published_version()
    response = Response.create(organisation=org, user=user, version=version, status=SUBMITTED, submitted_at=when,
                               updated_at=when)
    for key, value in values.items():
        row = Answer(response=response, question=Question.get((Question.version == version) & (Question.key == key)))
        row.value = value
        row.save()
    return response


def teacher_with_request(org, login, problems):
    user = make_user(org, login, ["mentee"], category="teacher")
    submitted(org, user, MENTEE_REQUEST, {"requests_teacher": {p: str(i + 1) for i, p in enumerate(problems)},
                                          "goals": "Провести открытый урок"}, dt.datetime(2025, 9, 1))
    return user


def before_after(org, mentor, mentee, before: dict, after: dict, form="teacher_teacher"):
    """The mentee's «before» with the request (September) and «after» in a pair of 2025/2026."""
    submitted(org, mentee, INFLUENCE_BEFORE, before, dt.datetime(2025, 9, 10))
    group = make_pair(org, mentor, [mentee], form=form, status="ended")
    if after:
        answer(group, mentee, "mentee", "outcome", after)
    return group
