"""Fixtures: the default questionnaires installed in both test organisations."""
from __future__ import annotations

import pytest

from webapp.models import Questionnaire
from webapp.questionnaires.loader import ensure_default_questionnaires


@pytest.fixture
def installed(school):
    ensure_default_questionnaires(school["org"])
    ensure_default_questionnaires(school["other_org"])
    return school


def questionnaire(org, key: str) -> Questionnaire:
    return Questionnaire.get((Questionnaire.organisation == org) & (Questionnaire.key == key))


def question(version, key: str):
    return next(q for q in version.ordered_questions() if q.key == key)
