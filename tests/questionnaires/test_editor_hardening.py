"""The editor's draft view opens (it answered 500), and the assign form refuses forged ids and far dates."""
from __future__ import annotations

from tests.conftest import text
from tests.questionnaires.conftest import questionnaire
from tests.questionnaires.test_editor import draft  # noqa: F401 - fixture
from webapp.models import Assignment


def test_a_draft_opens_in_the_editor(draft):  # noqa: F811
    client, version, _q = draft
    response = client.get(f"/questionnaires/versions/{version.id}")
    assert response.status_code == 200
    page = text(response)
    assert "Добавить вопрос" in page or "вопрос" in page.lower()


def test_assign_with_a_20_digit_id_or_a_far_date_is_a_clear_error(installed, as_coordinator):
    q = questionnaire(installed["org"], "mentee_request")
    url = f"/questionnaires/{q.id}/assign"
    before = Assignment.select().count()
    response = as_coordinator.post(url, data={"mode": "users", "user_ids": "99999999999999999999"})
    assert response.status_code == 400
    assert "Список участников передан неверно." in text(response)
    mentee = installed["mentee"]
    response = as_coordinator.post(url, data={"mode": "users", "user_ids": str(mentee.id), "due_on": "9999-12-31"})
    assert response.status_code == 400
    assert "Дата должна быть не раньше 01.01.2000" in text(response)
    assert Assignment.select().count() == before
