"""«Вы уверены?» before every destructive action: the first POST only asks (nothing changes), the
question page carries the same fields, the CSRF token and confirmed=1, and works without JavaScript;
forged or foreign ids still answer 404 before anything is asked; htmx gets the question in the main area."""
from __future__ import annotations

import re

import pytest

from tests.banks import builders
from tests.conftest import text
from webapp.consents import services
from webapp.models import NewsItem, User


def _question_page(reply) -> str:
    page = text(reply)
    assert reply.status_code == 200 and "Вы уверены?" in page and 'name="confirmed" value="1"' in page, page[:500]
    return page


def test_revoking_consent_asks_first_and_keeps_the_reason(as_coordinator, school):
    mentee = school["mentee"]
    builders.consent(mentee, representative="Ученикова Мария Петровна")
    reply = as_coordinator.post(f"/consents/people/{mentee.id}/revoke", data={"reason": "заявление <матери>"})
    page = _question_page(reply)
    assert "Отозвать все согласия" in page and 'value="заявление &lt;матери&gt;"' in page
    assert f'action="/consents/people/{mentee.id}/revoke"' in page
    assert services.in_bank(mentee, "mentee")  # nothing changed yet
    done = as_coordinator.post(f"/consents/people/{mentee.id}/revoke",
                               data={"reason": "заявление <матери>", "confirmed": "1"})
    assert done.status_code == 303 and not services.in_bank(mentee, "mentee")


def test_own_revocation_asks_first(client, auth, school):
    builders.consent(school["mentor"])
    auth.login("mentor")
    _question_page(client.post("/consents/mine/revoke", data={"reason": ""}))
    assert services.in_bank(school["mentor"], "mentor")


def test_ending_a_pair_asks_first(as_coordinator, school):
    group = builders.pair(school["org"], school["mentor"], school["both"])
    page = _question_page(as_coordinator.post(f"/pairs/{group.id}/end", data={"reason": "переезд"}))
    assert "Завершить пару" in page and "Да, завершить пару" in page
    assert type(group).get_by_id(group.id).status == "active"
    as_coordinator.post(f"/pairs/{group.id}/end", data={"reason": "переезд", "confirmed": "1"})
    assert type(group).get_by_id(group.id).status != "active"


def test_htmx_gets_the_question_in_the_main_area(as_coordinator, school):
    group = builders.pair(school["org"], school["mentor"], school["both"])
    reply = as_coordinator.post(f"/pairs/{group.id}/end", data={"reason": "переезд"},
                                headers={"HX-Request": "true", "HX-Current-URL": f"http://localhost/pairs/{group.id}"})
    assert reply.status_code == 200 and reply.headers["HX-Retarget"] == "#main"
    page = text(reply)
    assert "<html" not in page and "Вы уверены?" in page and f'href="/pairs/{group.id}"' in page
    assert "hx-post" not in page  # the confirming button is a plain form post


def test_deleting_asks_first(as_coordinator, school):
    org, kurator = school["org"], school["kurator"]
    news = NewsItem.create(organisation=org, title="Итоги недели", body="Текст", author=kurator)
    _question_page(as_coordinator.post(f"/news/{news.id}/delete"))
    assert NewsItem.get_or_none(NewsItem.id == news.id) is not None
    assert as_coordinator.post(f"/news/{news.id}/delete", data={"confirmed": "1"}).status_code == 303
    assert NewsItem.get_or_none(NewsItem.id == news.id) is None
    mentee = school["mentee"]
    _question_page(as_coordinator.post(f"/users/{mentee.id}/deactivate"))
    assert User.get_by_id(mentee.id).is_active


@pytest.mark.parametrize("url", ["/news/987654/delete", "/roadmap/987654/delete", "/practices/987654/delete",
                                 "/pairs/987654/end", "/consents/people/987654/revoke", "/users/987654/deactivate",
                                 "/questionnaires/questions/987654/delete", "/practices/files/987654/delete"])
def test_forged_ids_are_404_before_any_question(as_coordinator, school, url):
    assert as_coordinator.post(url).status_code == 404


def test_another_schools_records_are_404(as_coordinator, school):
    other = school["other_mentee"]
    assert as_coordinator.post(f"/consents/people/{other.id}/revoke").status_code == 404
    assert as_coordinator.post(f"/users/{other.id}/deactivate").status_code == 404


def test_confirming_needs_the_csrf_token(make_app, school):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    builders.consent(school["mentor"])
    page = text(client.get("/login"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/login", data={"login": "mentor", "password": "correct-horse-1", "csrf_token": token})
    assert client.post("/consents/mine/revoke", data={"confirmed": "1"}).status_code == 400
    assert services.in_bank(school["mentor"], "mentor")
    page = text(client.get("/consents/mine"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    question = text(client.post("/consents/mine/revoke", data={"csrf_token": token}))
    assert "Вы уверены?" in question and 'name="csrf_token"' in question
