"""Shared fixtures: a real database (SQLite file in tmp_path, or PostgreSQL from TEST_DATABASE_URL)."""
from __future__ import annotations

import os
import shutil

import peewee
import pytest
from playhouse.db_url import connect

from tests.factories import PASSWORD, make_school
from webapp import create_app


def _reset_postgres(url: str) -> None:
    db = connect(url)
    db.execute_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    db.close()


class TemplateDatabase:
    """One database migrated once per session; each test gets a fresh copy of it.

    SQLite: the migrated file is copied into the test's folder. PostgreSQL (TEST_DATABASE_URL): the
    schema is migrated once and every table but ``schema_version`` is emptied before each test; a test
    that needs an empty database (``blank_db_url``) drops the schema, and the next test migrates again.
    """

    def __init__(self, folder):
        self.pg_url = os.environ.get("TEST_DATABASE_URL")
        self.sqlite_file = folder / "template.sqlite3"
        self.pg_migrated = False
        if not self.pg_url:
            self._migrate(f"sqlite:///{self.sqlite_file}")

    @staticmethod
    def _migrate(url: str) -> None:
        from webapp import migrations
        from webapp.db import open_database
        db = open_database(url)
        migrations.upgrade(db)
        db.close()

    def fresh(self, tmp_path) -> str:
        if not self.pg_url:
            target = tmp_path / "test.sqlite3"
            shutil.copyfile(self.sqlite_file, target)
            return f"sqlite:///{target}"
        from webapp import migrations
        db = connect(self.pg_url)
        tables = db.get_tables()
        current = migrations.current_version(db) if "schema_version" in tables else 0
        if not self.pg_migrated or current != migrations.latest_version():  # a test dropped or rebuilt it
            db.close()
            _reset_postgres(self.pg_url)
            self._migrate(self.pg_url)
            self.pg_migrated = True
            db = connect(self.pg_url)
            tables = db.get_tables()
        tables = [t for t in tables if t != "schema_version"]
        if tables:
            db.execute_sql("TRUNCATE %s RESTART IDENTITY CASCADE" % ", ".join(f'"{t}"' for t in tables))
        db.close()
        return self.pg_url

    def blank(self, tmp_path) -> str:
        if not self.pg_url:
            return f"sqlite:///{tmp_path / 'blank.sqlite3'}"
        _reset_postgres(self.pg_url)
        self.pg_migrated = False
        return self.pg_url


@pytest.fixture(scope="session")
def template_database(tmp_path_factory):
    return TemplateDatabase(tmp_path_factory.mktemp("template"))


@pytest.fixture
def db_url(template_database, tmp_path):
    """A migrated, empty database for this test."""
    return template_database.fresh(tmp_path)


@pytest.fixture
def blank_db_url(template_database, tmp_path):
    """An empty database with no schema at all (migration tests)."""
    return template_database.blank(tmp_path)


@pytest.fixture
def make_app(db_url, tmp_path):
    """Build an app on the test database; CSRF off unless a test turns it on.

    No application context is pushed: every test-client request gets its own, as in production.
    A test that calls services directly does it inside ``with app.app_context():``.
    """

    def factory(**overrides):
        config = {
            "TESTING": True,
            "DATABASE_URL": db_url,
            "SECRET_KEY": "test-secret",
            "WTF_CSRF_ENABLED": False,
            "SERVER_NAME": "localhost",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "INSTANCE_PATH": str(tmp_path / "instance"),
        }
        config.update(overrides)
        app = create_app(config)
        from webapp import migrations
        from webapp.db import database
        migrations.upgrade(database.obj)  # a no-op on the migrated copy; a test that wiped it gets a schema
        return app
    yield factory
    from webapp.db import release_all
    release_all()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture(scope="session")
def demo_template(template_database, tmp_path_factory):
    """SQLite: the demo school loaded once per session into a copy of the template (PostgreSQL: None)."""
    if template_database.pg_url:
        return None
    from webapp import demo
    folder = tmp_path_factory.mktemp("demo")
    url = template_database.fresh(folder)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "test-secret"},
                     instance_path=str(folder / "instance"))
    with app.app_context():
        demo.load()
    from webapp.db import release_all
    release_all()  # checkpoints the WAL into the file that is copied
    return folder / "test.sqlite3"


@pytest.fixture
def demo_app(make_app, db_url, demo_template):
    """An app on a database holding the demo school (copied from the session's demo on SQLite)."""
    if demo_template is not None:
        shutil.copyfile(demo_template, db_url.removeprefix("sqlite:///"))
    app = make_app(MATCHING_SYNC=True)
    if demo_template is None:
        from webapp import demo
        with app.app_context():
            demo.load()
    return app


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
