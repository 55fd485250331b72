"""The demo school's consents: most complete, a few missing, one revoked; deterministic."""
from __future__ import annotations

from io import BytesIO

import openpyxl

from tests.conftest import text
from webapp import demo
from webapp.consents import services
from webapp.models import Consent, Organisation, User


def _load():
    demo.load()
    org = Organisation.get(Organisation.short_name == "МБОУ «СОШ № 7»")
    return org


def test_demo_consents(demo_app):
    org = Organisation.get(Organisation.short_name == "МБОУ «СОШ № 7»")
    people = list(User.select().where(User.organisation == org))
    states = services.states_for(people)
    statuses = [states[u.id].status for u in people if u.has_role("mentor", "mentee")]
    assert statuses.count("revoked") == 1
    assert 3 <= statuses.count("none") + statuses.count("partial") <= 15
    assert statuses.count("complete") > 0.8 * len(statuses)
    students = Consent.select().join(User).where(User.category == "student")
    assert students.count() > 50
    assert all(c.given_by == "representative" and c.representative_name for c in students)
    assert {c.representative_relation for c in students} == {"мать", "отец"}
    mentee = User.get(User.login == "mentee")
    assert services.in_bank(mentee, "mentee") and services.in_bank(User.get(User.login == "mentor"), "mentor")
    father = [c for c in students if c.representative_relation == "отец"][0]
    child = User.get_by_id(father.user_id)
    assert child.full_name.split()[0].rstrip("а") == father.representative_name.split()[0]


def _consents():
    return [(c.user.login, c.kind, c.representative_name, c.revoked_at is None)
            for c in Consent.select().order_by(Consent.id)]


def test_demo_is_deterministic(demo_app, make_app, tmp_path):
    """A second load gives the same consents as the session's demo school (loaded earlier, by
    demo.load() too) — one load more instead of two."""
    with demo_app.app_context():
        first = _consents()
    app = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'demo-again.sqlite3'}")
    with app.app_context():
        from webapp import migrations
        from webapp.db import database
        migrations.upgrade(database.obj)
        _load()
        again = _consents()
    assert len(first) > 50 and first == again


def test_demo_banks_and_export(demo_app):
    client = demo_app.test_client()
    client.post("/login", data={"login": "kurator", "password": demo.DEMO_PASSWORD})
    page = text(client.get("/banks/mentees?everyone=1&consent=revoked"))
    assert "Найдено: 1" in page or "Найдено: 0" in page  # the revoked person may be a mentor
    mentors = text(client.get("/banks/mentors"))
    assert "Банк наставников" in mentors and "Страница 1 из" in mentors
    response = client.get("/banks/mentees/export.xlsx")
    sheet = openpyxl.load_workbook(BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) > 60 and len(rows[0]) > 10
    novichok, mentee = User.get(User.login == "novichok"), User.get(User.login == "mentee")
    assert [r for r in rows if r[0] == novichok.full_name][0][4:6] == ("не начата", "получены")
    assert [r for r in rows if r[0] == mentee.full_name][0][4:6] == ("отправлена", "получены")  # paired
    submitted = [r for r in rows if r[4] == "отправлена"]
    assert len(submitted) > 30
    assert all(sum(1 for v in r[6:] if v) >= 3 for r in submitted)  # the demo answers are in it
