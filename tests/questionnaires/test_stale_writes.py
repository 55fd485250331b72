"""Forms that never lose input: post/redirect/get with the refused values kept in the draft, answer
versions that refuse a stale write (an old page or a resubmitted POST), and the per-answer reply."""
from __future__ import annotations

import re

from webapp.models import Response
from webapp.questionnaires import responses
from tests.conftest import text
from tests.questionnaires.conftest import question
from tests.questionnaires.test_filling import autosave, mentee  # noqa: F401  (fixture)


def versions_on(page: str) -> dict[str, str]:
    """The answer versions a rendered form carries (``v<question id>`` hidden fields)."""
    return dict(re.findall(r'name="(v\d+)" value="(\d+)"', page))


def test_a_resubmitted_old_form_does_not_overwrite_a_newer_answer(mentee):
    client, response, version = mentee
    goals, fmt = question(version, "goals"), question(version, "format")
    old_page = text(client.get(f"/questionnaires/responses/{response.id}"))
    old_form = {"action": "submit", f"q{goals.id}": "", **versions_on(old_page)}
    assert old_form[f"v{goals.id}"] == "0"
    # the failed submit comes back as a redirect; then the answer is given by autosave
    assert client.post(f"/questionnaires/responses/{response.id}", data=old_form).status_code == 303
    reply = autosave(client, response, goals, {f"q{goals.id}": "Сдать ОГЭ", f"v{goals.id}": "0"})
    assert reply.status_code == 200 and "Сохранено" in text(reply)
    assert re.search(r'data-version="(\d+)"', text(reply)).group(1) != "0"
    autosave(client, response, fmt, {f"q{fmt.id}": "remote"})
    # the stale form posted again (F5 confirming resubmission, or Back and submit) changes nothing newer
    again = client.post(f"/questionnaires/responses/{response.id}", data=old_form, follow_redirects=True)
    stored = responses.stored_answers(response)
    assert stored[goals.id] == "Сдать ОГЭ" and stored[fmt.id] == "remote"
    assert "уже изменён в другой вкладке" in text(again)


def test_autosave_refuses_an_older_version_but_accepts_the_same_answer_again(mentee):
    client, response, version = mentee
    goals = question(version, "goals")
    first = autosave(client, response, goals, {f"q{goals.id}": "Первая", f"v{goals.id}": "0"})
    v1 = re.search(r'data-version="(\d+)"', text(first)).group(1)
    second = autosave(client, response, goals, {f"q{goals.id}": "Вторая", f"v{goals.id}": v1})
    v2 = re.search(r'data-version="(\d+)"', text(second)).group(1)
    assert int(v2) > int(v1)
    stale = autosave(client, response, goals, {f"q{goals.id}": "Устаревшая", f"v{goals.id}": v1})
    assert stale.status_code == 409 and "уже изменён" in text(stale)
    assert responses.stored_answers(response)[goals.id] == "Вторая"
    # a retry whose first try did reach the server (the reply was lost) is no conflict
    retried = autosave(client, response, goals, {f"q{goals.id}": "Вторая", f"v{goals.id}": v1})
    assert retried.status_code == 200 and "Сохранено" in text(retried)
    # junk versions are ignored, never a 500
    assert autosave(client, response, goals, {f"q{goals.id}": "Третья", f"v{goals.id}": "x" * 50}).status_code == 200


def test_a_cleared_answer_is_not_brought_back_by_an_old_form(mentee):
    client, response, version = mentee
    goals = question(version, "goals")
    autosave(client, response, goals, {f"q{goals.id}": "Цель", f"v{goals.id}": "0"})
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    old = {"action": "save", f"q{goals.id}": "Цель", **versions_on(page)}
    cleared = autosave(client, response, goals, {f"q{goals.id}": "", **versions_on(page)})
    assert cleared.status_code == 200 and goals.id not in responses.stored_answers(response)
    client.post(f"/questionnaires/responses/{response.id}", data={**old, f"q{goals.id}": "Старая цель"})
    assert goals.id not in responses.stored_answers(response)


def test_refused_values_wait_in_the_draft_until_saved(mentee):
    client, response, version = mentee
    about = question(version, "about")
    reply = client.post(f"/questionnaires/responses/{response.id}", data={"action": "save", f"q{about.id}": "ж" * 2100})
    assert reply.status_code == 303
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "ж" * 2100 in page and "Исправьте ошибки" in page
    assert "Остальные ответы сохранены" not in page  # nothing else was saved
    assert "ж" * 2100 in text(client.get(f"/questionnaires/responses/{response.id}"))  # a reload keeps it too
    autosave(client, response, about, {f"q{about.id}": "Короче"})
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "ж" * 100 not in page and "Исправьте ошибки" not in page and "Короче" in page
    assert Response.get_by_id(response.id).pending_json is None


def test_a_plain_autosave_post_with_an_error_redirects_with_the_value_kept(mentee):
    client, response, version = mentee
    about = question(version, "about")
    reply = client.post(f"/questionnaires/responses/{response.id}/answers/{about.id}", data={f"q{about.id}": "щ" * 2100})
    assert reply.status_code == 303
    assert "щ" * 2100 in text(client.get(reply.location))


def test_a_kept_refusal_is_stored_as_a_code_and_read_in_the_readers_language(mentee):
    """The draft keeps the refused value with its message's msgid and parameters, not its words:
    switching to English before fixing it shows the message in English."""
    import json
    client, response, version = mentee
    goals = question(version, "goals")
    too_long = "очень длинная цель " * 400
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    form = {"action": "save", f"q{goals.id}": too_long, **versions_on(page)}
    assert client.post(f"/questionnaires/responses/{response.id}", data=form).status_code == 303
    kept = json.loads(Response.get_by_id(response.id).pending_json)[str(goals.id)]
    assert kept["error"]["msgid"].startswith("Ответ длиннее %(limit)s символов")
    assert kept["error"]["params"]["n"] == len(too_long.strip())
    assert "Сократите его" in text(client.get(f"/questionnaires/responses/{response.id}"))
    client.post("/language", data={"lang": "en", "next": "/"})
    page = text(client.get(f"/questionnaires/responses/{response.id}"))
    assert "Сократите его" not in page and "characters" in page
    assert too_long.strip()[:40] in page   # what was typed is still there


def test_a_refusal_kept_as_words_before_codes_still_shows(mentee):
    import json
    client, response, version = mentee
    goals = question(version, "goals")
    Response.update(pending_json=json.dumps({str(goals.id): {"shown": "x", "error": "Старое сообщение."}},
                                            ensure_ascii=False)).where(Response.id == response.id).execute()
    assert "Старое сообщение." in text(client.get(f"/questionnaires/responses/{response.id}"))
