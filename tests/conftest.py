"""Shared fixtures: a real database (SQLite file in tmp_path, or PostgreSQL from TEST_DATABASE_URL)."""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import peewee
import pytest
from jinja2 import BytecodeCache
from flask import Flask
from playhouse.db_url import connect
from werkzeug.routing import Rule

from tests.factories import PASSWORD, TEST_HASH_METHOD, make_school
from webapp import create_app


def pytest_configure(config):
    """Under pytest-xdist (``make test`` runs two workers) each worker gets its own PostgreSQL database."""
    url, worker = os.environ.get("TEST_DATABASE_URL"), os.environ.get("PYTEST_XDIST_WORKER")
    if url and worker:
        os.environ["TEST_DATABASE_URL"] = worker_database(url, worker)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist hands out tests one by one, except the browser tests: one worker runs them all, so one
    server and one demo school serve them (xdist's own --dist loadgroup does not group under pytest 9)."""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "browser" if nodeid.startswith("tests/e2e/") else nodeid

    return BrowserTestsTogether(config, log)


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


def _reset_postgres(url: str) -> None:
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
            _reset_postgres(self.pg_url)
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
        _reset_postgres(self.pg_url)
        self.pg_migrated = False
        return self.pg_url


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates kept for the whole test session, in memory.

    Every test builds its own app, and each app's Jinja environment would compile every template it
    renders again (a fifth of a simple test's time). Jinja checks a template's source checksum before
    it uses the stored code, so an edited template is compiled afresh. Only the test apps use it.
    """

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


class RuleWithSharedBuilders(Rule):
    """A URL rule whose URL builders are compiled once per session, not once per test app.

    Werkzeug compiles two Python functions per rule (``url_for``'s builders) from a generated syntax
    tree each time an app registers its routes: about 340 compile() calls, the most of create_app's
    time and a tenth of a simple test's. The generated code depends only on the rule's text, its
    defaults, the map's converter classes and the builder kind; the rule itself is bound at call
    time, so the function is shared by every app's equal rule. Only the test apps use it.
    """

    _builders: dict = {}
    _parsed: dict = {}

    def _key(self) -> tuple:
        return (self.rule, self.subdomain, self.host, self.map.host_matching, self.merge_slashes,
                repr(sorted((self.defaults or {}).items())), tuple(self.map.converters.items()))

    def _compile_builder(self, append_unknown: bool = True):
        key = (*self._key(), append_unknown)
        builder = self._builders.get(key)
        if builder is None:
            builder = self._builders[key] = super()._compile_builder(append_unknown)
        return builder

    def compile(self) -> None:
        """The parsed rule (its parts, trace, converters and arguments) is shared by equal rules too:
        parsing it was the rest of create_app's time. Werkzeug's converters keep their map but never
        use it, so one converter object serves every test app's equal rule."""
        key = self._key()
        parsed = self._parsed.get(key)
        if parsed is None:
            super().compile()
            self._parsed[key] = (self._parts, self._trace, self._converters, frozenset(self.arguments))
            return
        self._parts, self._trace, self._converters, arguments = parsed
        self.arguments |= arguments
        self._build = self._compile_builder(False).__get__(self, None)
        self._build_unknown = self._compile_builder(True).__get__(self, None)


Flask.url_rule_class = RuleWithSharedBuilders


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
        app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
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


#: Sentence vectors the tests computed, kept between runs (git-ignored; delete it to start cold).
KEPT_SENTENCE_VECTORS = Path(__file__).resolve().parent.parent / ".cache" / "sentence-vectors.sqlite3"


@pytest.fixture(scope="session", autouse=True)
def sentence_vectors():
    """One sentence-vector file (setting SENTENCE_VECTOR_STORE) for every run: the workers, and the servers
    and task workers they start, share it, so each text is encoded once, not once per process and run (the
    texts of the demo school and of the evaluation sets the matching tests rank take the encoder about
    50 s of CPU). The file is the product's own store, keyed by the encoder's version and the text, so a
    matching run reads exactly what it would compute; a new encoder version starts a new set of keys.
    Tests of the store itself give their app a file of their own (``own_vector_store``), and
    tests/matching/test_matching_encoder.py encodes a text never seen before at every run, so the encoder
    itself is run each time."""
    from matching.sentence_encoder import use_vector_store
    KEPT_SENTENCE_VECTORS.parent.mkdir(exist_ok=True)
    path = str(KEPT_SENTENCE_VECTORS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SENTENCE_VECTOR_STORE", path)  # read by create_app, here and in the processes tests start
        use_vector_store(path)  # the matching library's own tests, which build no app
        yield path
        use_vector_store(None)


@pytest.fixture
def own_vector_store(app, tmp_path, monkeypatch):
    """This test's app keeps its sentence vectors in a file of its own, not in the tests' shared one
    (``sentence_vectors``): for tests of what a run or a task stores there."""
    from matching import sentence_encoder
    monkeypatch.setattr(sentence_encoder, "_store", sentence_encoder._store)  # the run's file again afterwards
    path = str(tmp_path / "own-sentence-vectors.sqlite3")
    monkeypatch.setitem(app.config, "SENTENCE_VECTOR_STORE", path)
    return path


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


def with_test_passwords(load):
    """``load`` (a demo loader), then the demo accounts' password hashes made again at the tests' work
    factor (tests/factories.py TEST_HASH_METHOD): a sign-in runs the same scrypt check, a tenth of the work
    (the application's factor took 0.1 s a sign-in, in the test process or in the served app)."""
    def load_then_rehash():
        from werkzeug.security import check_password_hash, generate_password_hash
        from webapp.demo import DEMO_PASSWORD
        from webapp.models import User
        result = load()
        cheaper = generate_password_hash(DEMO_PASSWORD, method=TEST_HASH_METHOD)
        stored = User.select(User.password_hash).distinct().where(User.password_hash.is_null(False))
        for (hashed,) in stored.tuples():  # one hash per loader: every demo account has the demo password
            if hashed.split("$")[0] != TEST_HASH_METHOD and check_password_hash(hashed, DEMO_PASSWORD):
                User.update(password_hash=cheaper).where(User.password_hash == hashed).execute()
        return result
    return load_then_rehash


def encode_the_texts_of_every_school() -> None:
    """The texts a matching run of each school would encode (its pools' profile texts), put through the
    sentence encoder into the tests' vector file (``sentence_vectors``) the way a submitted questionnaire's
    text is (webapp/pairing/text_vectors.py). Done once, by the worker that built the shared demo, right
    after: otherwise the first matching run on the demo in each process (a worker, the browser tests'
    server), often at the same moment, encodes them all."""
    from webapp.models import Organisation
    from webapp.pairing import profiles_adapter as adapter, text_vectors
    from webapp.pairing.parameters import RunParameters
    from webapp.pairing.runs import mentee_pool, mentor_pool
    for school in Organisation.select():
        mentors, mentees = mentor_pool(school, RunParameters()), mentee_pool(school, RunParameters())
        profiles = adapter.mentor_profiles(mentors, school)[0] + adapter.mentee_profiles(mentees, school)[0]
        text_vectors.encode([profile.text for profile in profiles])


@pytest.fixture(scope="session")
def demo_template(template_database, tmp_path_factory, sentence_vectors):
    """SQLite: the demo school, loaded once per run (the browser tests' worker loads it at its start), its
    texts then encoded into the tests' vector file."""
    from webapp import demo
    return shared_database(template_database, tmp_path_factory, "demo-school", with_test_passwords(demo.load),
                           then=encode_the_texts_of_every_school)


def copy_of(template, db_url: str) -> None:
    """Put a copy of a shared database (``shared_database``) where the test's database is (SQLite)."""
    shutil.copyfile(template, db_url.removeprefix("sqlite:///"))


@pytest.fixture
def demo_app(make_app, db_url, demo_template):
    """An app on a database holding the demo school (copied from the session's demo on SQLite)."""
    if demo_template is not None:
        copy_of(demo_template, db_url)
    app = make_app(MATCHING_SYNC=True)
    if demo_template is None:
        from webapp import demo
        with app.app_context():
            with_test_passwords(demo.load)()
    return app


@pytest.fixture(scope="session")
def region_template(template_database, tmp_path_factory, demo_template):
    """SQLite: the demo region (the demo school and two generated schools) loaded once per run."""
    from webapp.region import demo as region_demo
    return shared_database(template_database, tmp_path_factory, "demo-region",
                           with_test_passwords(region_demo.load), start_from=demo_template)


@pytest.fixture
def demo_region_app(make_app, db_url, region_template):
    """An app on the demo region, with a school's practice published to the region and a contest
    announced by the methodologist, so every regional page has something (and forms) to show."""
    from webapp.models import RegionalPractice
    from webapp.region import demo as region_demo
    if region_template is not None:
        copy_of(region_template, db_url)
    app = make_app(MATCHING_SYNC=True)
    if region_template is None:  # PostgreSQL: loaded for each test (with the demo school it starts from)
        with app.app_context():
            with_test_passwords(region_demo.load)()
    client = app.test_client()
    client.post("/login", data={"login": "region.method", "password": "demo2026"})
    with app.app_context():
        proposed = RegionalPractice.select().first()
    assert proposed is not None
    assert client.post(f"/region/practices/{proposed.id}", data={"decision": "publish"}).status_code == 303
    assert client.post("/region/contests", data={"title": "Конкурс", "nominations": "Первая\nВторая"}).status_code == 303
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
