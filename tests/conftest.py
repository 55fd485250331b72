"""Shared fixtures: a real database (SQLite file in tmp_path, or PostgreSQL from TEST_DATABASE_URL)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.databases import TemplateDatabase, copy_of, shared_database, worker_database
from tests.factories import PASSWORD, TEST_HASH_METHOD, make_school, school_in_database
from tests.fast_apps import COMPILED_TEMPLATES, use_shared_url_rules
from webapp import create_app

use_shared_url_rules()


def pytest_configure(config):
    """Under pytest-xdist (``make test`` runs three workers) each worker gets its own PostgreSQL database."""
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


@pytest.fixture(scope="session")
def template_database(tmp_path_factory):
    return TemplateDatabase(tmp_path_factory.mktemp("template"))


SCHOOL_COPIED = pytest.StashKey[bool]()  # this test's database is a copy of ``school_template``


@pytest.fixture
def db_url(template_database, tmp_path, request):
    """A migrated, empty database for this test; for a test of the two schools (``school``), on SQLite, a
    copy of the database they were made in once per run (making them took 14 ms of each of ~660 tests)."""
    url = template_database.fresh(tmp_path)
    if "school" in request.fixturenames and not {"demo_app", "demo_region_app"} & set(request.fixturenames):
        schools = request.getfixturevalue("school_template")
        if schools is not None:
            copy_of(schools, url)
            request.node.stash[SCHOOL_COPIED] = True
    return url


@pytest.fixture(scope="session")
def school_template(template_database, tmp_path_factory):
    """SQLite: the database ``make_school()`` filled, once per run (PostgreSQL: None)."""
    return shared_database(template_database, tmp_path_factory, "two-schools", make_school)


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
def school(app, request):
    """Two organisations with a coordinator, mentors and mentees each (tests/factories.py ``make_school``):
    read from the test's copy of the database they were made in (``db_url``), else made now."""
    return school_in_database() if request.node.stash.get(SCHOOL_COPIED, False) else make_school()


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


__all__ = ["text"]
