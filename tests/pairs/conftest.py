"""Fixtures of the pairs area: an app that runs matching inline, a school ready for matching."""
from __future__ import annotations

import pytest

from tests.pairs.builders import matching_school


@pytest.fixture
def app(make_app):
    return make_app(MATCHING_SYNC=True)


@pytest.fixture
def people(school):
    return matching_school(school)


@pytest.fixture
def coordinator(people, auth):
    auth.login("kurator")
    return auth.client
