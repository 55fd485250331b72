"""Control characters and formulas typed by anyone never break an export.

Every form (crawled from the navigation, as in test_forms_fuzz) is sent text holding the whole C0
range, NUL and a formula; an import and an autosave carry the same; a lone surrogate arrives as raw
bytes. Then every export is downloaded: no answer is a 5xx, the files open, no cell is a live
formula. Text stored before the boundary filter existed is cleaned by migration 6.
"""
from __future__ import annotations

from io import BytesIO

import docx
import pytest
from openpyxl import load_workbook

from tests.test_forms_fuzz import SKIP_ACTIONS, _crawl
from webapp import demo
from webapp.db import database
from webapp.questionnaires import responses
from webapp.questionnaires.assigning import questionnaires_for
from webapp.migrations.m0006_hardening import clean_stored_text
from webapp.models import (Answer, Award, MentoringGroup, NewsItem, Organisation, PairingOrder, Practice, Response,
                           RoadmapItem, TrainingCourse, User)

CONTROL = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r") + "\x7f"
FORMULA = '=HYPERLINK("http://evil.example","нажми")'
DIRTY = f"Текст{CONTROL}{FORMULA}"


@pytest.fixture
def app(demo_app):
    return demo_app


@pytest.fixture
def school(app):
    client = app.test_client()
    client.post("/login", data={"login": "kurator", "password": demo.DEMO_PASSWORD})
    assert client.post("/matching/runs", data={"kind": "traditional", "top_k": "3", "min_score": "0"}).status_code < 400
    return Organisation.get()


def signed_in(app, login):
    client = app.test_client()
    assert client.post("/login", data={"login": login, "password": demo.DEMO_PASSWORD}).status_code == 302
    return client


def _monitoring_exports(org) -> list[str]:
    """The monitoring reports of every school year that has ended pairs (the ones with answers)."""
    from webapp.monitoring import school_year
    years = sorted({school_year.year_of(org, g.started_on).start_year for g in MentoringGroup.select()
                    .where((MentoringGroup.organisation == org) & (MentoringGroup.status == "ended"))})
    return [f"/monitoring/{name}?year={year}" for year in years
            for name in ("report.xlsx", "report.docx", "spravka.docx", "tables.xlsx")]


def export_urls(org) -> list[str]:
    mentee = User.get(User.login == "mentee")
    mentor = User.get(User.login == "mentor")
    urls = ["/banks/mentors/export.xlsx", "/banks/mentees/export.xlsx", "/banks/mentors/consent-forms.docx",
            "/banks/mentees/consent-forms.docx", f"/consents/people/{mentee.id}/forms.docx",
            f"/consents/people/{mentee.id}/data.json", "/roadmap/roadmap.docx", "/roadmap/roadmap.xlsx",
            *_monitoring_exports(org), "/recognition/awards.xlsx",
            f"/mentors/{mentor.id}/recognition.xlsx", f"/news/{org.id}/feed.atom"]
    for group in MentoringGroup.select().where(MentoringGroup.organisation == org).limit(5):
        urls += [f"/pairs/{group.id}/programme.docx", f"/pairs/{group.id}/consents.docx", f"/pairs/{group.id}"]
    urls += [f"/pairs/orders/{order.id}.docx" for order in PairingOrder.select().limit(3)]
    return urls


def download_everything(client, org) -> int:
    checked = 0
    for url in export_urls(org):
        response = client.get(url)
        assert response.status_code < 500, f"{url}: {response.status_code}"
        assert response.status_code == 200, f"{url}: {response.status_code}"
        if url.endswith(".xlsx"):
            book = load_workbook(BytesIO(response.data))
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        assert cell.data_type != "f", f"{url}: live formula {cell.value!r}"
                        if isinstance(cell.value, str) and cell.value.startswith("="):
                            assert cell.quotePrefix, f"{url}: {cell.value!r} without quote prefix"
        elif url.endswith(".docx"):
            docx.Document(BytesIO(response.data))
        checked += 1
    return checked


def _answer_every_form(client, login):
    forms = _crawl(client)
    for (method, path, _), (action, fields) in sorted(forms.items()):
        if method != "post" or path.startswith(SKIP_ACTIONS) or path.endswith(("/delete", "/deactivate", "/revoke",
                                                                                "/sign-out")):
            continue
        data = {name: (value if name == "csrf_token" or value else DIRTY) for name, value in fields.items()}
        response = client.post(action, data=data)
        assert response.status_code < 500, f"POST {action} as {login}: {response.status_code}"
    return len(forms)


def test_every_form_then_every_export(app, school):
    for login in ("kurator", "mentor", "mentee"):
        assert _answer_every_form(signed_in(app, login), login) > 1
    coordinator = signed_in(app, "kurator")
    # the texts people type most: an answer, a roadmap item, an award, a practice, an imported name
    mentee = signed_in(app, "mentee")
    person = User.get(User.login == "mentee")
    draft = responses.start(person, questionnaires_for(person)[0].questionnaire)
    Response.update(status="draft").where(Response.id == draft.id).execute()
    text_question = next(q for q in responses.visible_questions(draft.version, person)
                         if q.qtype in ("short_text", "long_text"))
    assert mentee.post(f"/questionnaires/responses/{draft.id}/answers/{text_question.id}",
                       data={f"q{text_question.id}": DIRTY}, headers={"HX-Request": "true"}).status_code == 200
    assert coordinator.post("/roadmap/new", data={"step": "1", "title": DIRTY, "status": "planned"}).status_code < 500
    mentor = User.get(User.login == "mentor")
    coordinator.post(f"/mentors/{mentor.id}/awards", data={"kind": "gramota", "title": DIRTY, "awarded_on": "2025-05-01"})
    coordinator.post(f"/mentors/{mentor.id}/training", data={"name": DIRTY, "started_on": "2025-01-10",
                                                              "ended_on": "2025-01-20", "hours": "36"})
    csv = f"ФИО;категория;класс/должность\nУченик{CONTROL}ов Пётр Иванович;обучающийся;7Б\n".replace("\x00", "")
    coordinator.post("/users/import", data={"file": (BytesIO(csv.encode("utf-8")), "people.csv")},
                     content_type="multipart/form-data")
    # a lone surrogate cannot be UTF-8 encoded by a browser; its bytes arrive raw
    coordinator.post("/roadmap/new", data=b"step=1&status=planned&title=%ED%A0%80" + "Пункт".encode(),
                     content_type="application/x-www-form-urlencoded")
    for answer in Answer.select():
        assert not any(ch in CONTROL for ch in str(answer.value)), repr(answer.value)
    for model, column in ((RoadmapItem, RoadmapItem.title), (Award, Award.title),
                          (TrainingCourse, TrainingCourse.name), (User, User.full_name), (Practice, Practice.title),
                          (NewsItem, NewsItem.title)):
        for value in model.select(column).tuples():
            assert not any(ch in CONTROL for ch in str(value[0] or "")), (model.__name__, value)
    assert any(FORMULA in str(a.value) for a in Answer.select())
    assert download_everything(coordinator, school) >= 15


def test_text_stored_before_the_filter_is_cleaned_by_the_migration(app, school):
    legacy = CONTROL.replace("\x00", "")  # PostgreSQL never stored NUL in text
    User.update(full_name=User.full_name.concat(legacy)).execute()
    Answer.update(value_json='"' + "ответ\\u000b\\u0007" + '"').where(Answer.id.in_(
        Answer.select(Answer.id).limit(50))).execute()
    RoadmapItem.update(title=RoadmapItem.title.concat("\x0b" + FORMULA)).execute()
    Award.update(title=Award.title.concat("\x07")).execute()
    with app.app_context():
        assert clean_stored_text(database.obj) > 0
    assert not any(ch in CONTROL for (name,) in User.select(User.full_name).tuples() for ch in name)
    assert not any(ch in CONTROL for answer in Answer.select() for ch in str(answer.value))
    assert download_everything(signed_in(app, "kurator"), school) >= 15
