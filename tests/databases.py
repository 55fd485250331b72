"""The tests' databases: one migrated template per session copied per test (SQLite) or emptied per test
(PostgreSQL, one database per pytest-xdist worker), and databases filled once per run and shared by the
workers (the demo school, the demo region)."""
from __future__ import annotations

import contextlib
import os
import shutil
from urllib.parse import urlsplit, urlunsplit

from playhouse.db_url import connect

from webapp import create_app


def worker_database(url: str, worker: str) -> str:
    """``url`` with the database name suffixed by the worker id; the database is created if missing
    (the role needs CREATEDB, as .ci/run grants)."""
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_{worker}"
    db = connect(url)
    try:
        if db.execute_sql("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            db.execute_sql(f'CREATE DATABASE "{name}"')
    finally:
        db.close()
    return urlunsplit(parts._replace(path=f"/{name}"))


def reset_postgres(url: str) -> None:
    db = connect(url)
    db.execute_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    db.close()


class TemplateDatabase:
    """One database migrated once per session; each test gets a fresh copy of it.

    SQLite: the migrated file is copied into the test's folder. PostgreSQL (TEST_DATABASE_URL): the
    schema is migrated once and every table but ``schema_version`` and ``data_version`` is emptied before each test; a test
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
            reset_postgres(self.pg_url)
            self._migrate(self.pg_url)
            self.pg_migrated = True
            db = connect(self.pg_url)
            tables = db.get_tables()
        tables = [t for t in tables if t not in ("schema_version", "data_version")]  # bookkeeping rows stay
        if tables:
            db.execute_sql("TRUNCATE %s RESTART IDENTITY CASCADE" % ", ".join(f'"{t}"' for t in tables))
        db.close()
        return self.pg_url

    def blank(self, tmp_path) -> str:
        if not self.pg_url:
            return f"sqlite:///{tmp_path / 'blank.sqlite3'}"
        reset_postgres(self.pg_url)
        self.pg_migrated = False
        return self.pg_url


@contextlib.contextmanager
def _one_process_at_a_time(lock_file):
    """Held by one test process at a time (pytest-xdist workers); a no-op where fcntl is missing."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(lock_file, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_folder(tmp_path_factory):
    """The folder of this test run: the same for every pytest-xdist worker (each has its own below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_database(template_database, tmp_path_factory, name: str, fill, start_from=None, then=None):
    """SQLite: a database filled once per run by ``fill()`` (inside an app context), starting from a copy
    of ``start_from`` or of the empty template; returns its file (PostgreSQL: None).

    Under pytest-xdist the workers share it: the first that needs it fills it, the others wait for it
    on a lock and use the same file. Tests copy it before use, so no test sees another's changes.
    ``then()`` runs once, in the worker that filled it, after the lock is let go (the others need not wait
    for it), on a copy of the filled database.
    """
    if template_database.pg_url:
        return None
    from webapp.db import release_all
    shared = run_folder(tmp_path_factory)
    folder = shared / name
    filled_here = False
    with _one_process_at_a_time(shared / f"{name}.lock"):
        if not (folder / "filled").exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed half-way left
            folder.mkdir()
            url = template_database.fresh(folder)
            if start_from is not None:
                shutil.copyfile(start_from, folder / "test.sqlite3")
            app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "test-secret"},
                             instance_path=str(folder / "instance"))
            with app.app_context():
                fill()
            release_all()  # checkpoints the WAL into the file that is copied
            (folder / "filled").touch()
            filled_here = True
    if filled_here and then is not None:
        scratch = folder / "then.sqlite3"
        shutil.copyfile(folder / "test.sqlite3", scratch)
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{scratch}", "SECRET_KEY": "test-secret"},
                         instance_path=str(folder / "instance"))
        with app.app_context():
            then()
        release_all()
    return folder / "test.sqlite3"


def copy_of(template, db_url: str) -> None:
    """Put a copy of a shared database (``shared_database``) where the test's database is (SQLite)."""
    shutil.copyfile(template, db_url.removeprefix("sqlite:///"))
