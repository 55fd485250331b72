"""Fixtures of the region tests: the ``school`` fixture's organisations in a region, with its centre."""
from __future__ import annotations

import pytest

from tests.region.builders import make_region


@pytest.fixture
def region(app, school):
    return make_region(school)


@pytest.fixture
def login_as(app):
    """A fresh client signed in as ``login``."""
    from tests.factories import PASSWORD

    def sign_in(login: str):
        client = app.test_client()
        response = client.post("/login", data={"login": login, "password": PASSWORD})
        assert response.status_code == 302, login
        return client
    return sign_in
