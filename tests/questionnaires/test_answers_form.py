"""The questionnaire form as posted (AnswersForm -> plain PostedAnswers): junk versions, junk buttons and
answers of the wrong shape are answered with Russian messages or ignored, never a 500; nothing saved is lost."""
from __future__ import annotations

from tests.conftest import text
from tests.questionnaires.conftest import question
from tests.questionnaires.test_filling import autosave, mentee  # noqa: F401  (fixture)
from webapp.models import Response
from webapp.questionnaires import responses


def test_junk_versions_and_buttons_save_a_draft(mentee):
    client, response, version = mentee
    goals, fmt = question(version, "goals"), question(version, "format")
    data = {"action": "x" * 5000, f"q{goals.id}": "Цель", f"q{fmt.id}": "remote",
            f"v{goals.id}": "abc", "v" + "9" * 40: "1", f"v{fmt.id}": "9" * 40, "vx": "1"}
    reply = client.post(f"/questionnaires/responses/{response.id}", data=data, follow_redirects=True)
    assert reply.status_code == 200 and "Черновик сохранён." in text(reply)
    stored = responses.stored_answers(response)
    assert stored[goals.id] == "Цель" and stored[fmt.id] == "remote"
    assert Response.get_by_id(response.id).status == "draft"  # only «submit» submits


def test_answers_of_the_wrong_shape_are_refused_with_a_message(mentee):
    client, response, version = mentee
    goals, fmt, availability = question(version, "goals"), question(version, "format"), question(version, "availability")
    autosave(client, response, goals, {f"q{goals.id}": "Сдать ОГЭ"})
    cases = [(fmt, {f"q{fmt.id}": "pirate"}), (fmt, {f"q{fmt.id}": "r" * 5000}),
             (availability, {f"q{availability.id}": ["tue_evening", "never"]})]
    for q, data in cases:
        reply = autosave(client, response, q, data)
        assert reply.status_code == 200 and 'class="error"' in text(reply), data
    # the plain form: the refused answer waits in the draft with its message, the saved one stays
    reply = client.post(f"/questionnaires/responses/{response.id}",
                        data={"action": "save", f"q{goals.id}": "Сдать ОГЭ", f"q{fmt.id}": "pirate"},
                        follow_redirects=True)
    page = text(reply)
    assert reply.status_code == 200 and "Не сохранён 1 ответ" in page and "Остальные ответы сохранены" in page
    stored = responses.stored_answers(response)
    assert stored[goals.id] == "Сдать ОГЭ" and fmt.id not in stored


def test_a_form_that_carries_no_text_field_does_not_clear_it(mentee):
    client, response, version = mentee
    goals, fmt = question(version, "goals"), question(version, "format")
    autosave(client, response, goals, {f"q{goals.id}": "Сдать ОГЭ"})
    client.post(f"/questionnaires/responses/{response.id}", data={"action": "save", f"q{fmt.id}": "both"})
    stored = responses.stored_answers(response)
    assert stored[goals.id] == "Сдать ОГЭ" and stored[fmt.id] == "both"
