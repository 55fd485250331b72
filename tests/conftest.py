"""Shared fixtures: a real database (SQLite file in tmp_path, or PostgreSQL from TEST_DATABASE_URL)."""
from __future__ import annotations

import os

import peewee
import pytest
from playhouse.db_url import connect

from tests.factories import PASSWORD, make_school
from webapp import create_app


def _reset_postgres(url: str) -> None:
    db = connect(url)
    db.execute_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    db.close()


@pytest.fixture
def db_url(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        _reset_postgres(url)
        return url
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def make_app(db_url, tmp_path):
    """Build an app on the test database; CSRF off unless a test turns it on."""
    def factory(**overrides):
        config = {
            "TESTING": True,
            "DATABASE_URL": db_url,
            "SECRET_KEY": "test-secret",
            "WTF_CSRF_ENABLED": False,
            "SERVER_NAME": "localhost",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        }
        config.update(overrides)
        app = create_app(config)
        from webapp import migrations
        from webapp.db import database
        migrations.upgrade(database.obj)
        return app
    return factory


@pytest.fixture
def app(make_app):
    app = make_app()
    with app.app_context():
        yield app
    from webapp.db import database
    if not database.is_closed():
        database.close()


@pytest.fixture
def school(app):
    """Two organisations with a coordinator, mentors and mentees each."""
    return make_school()


@pytest.fixture
def client(app):
    return app.test_client()


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, login: str, password: str = PASSWORD):
        return self.client.post("/login", data={"login": login, "password": password})

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def as_coordinator(school, auth):
    auth.login("kurator")
    return auth.client


def text(response) -> str:
    return response.get_data(as_text=True)


__all__ = ["text", "peewee"]
