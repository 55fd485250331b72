"""The three reproductions of lost input, in a real browser with a slow network: a reload after a
refused submit, autosave of ranks and time slots with 800 ms latency, and an htmx action after the
session ended in another tab. Each person and pair is made fresh in the served database, so the
tests do not depend on what other browser tests did to the demo school."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.fresh_people import PASSWORD, fresh_mentee, fresh_pair, log_in, served  # noqa: F401 (fixture)
from webapp.models import MeetingLog, Questionnaire
from webapp.models.programme import Programme
from webapp.questionnaires import responses


def _request_draft(user):
    questionnaire = Questionnaire.get((Questionnaire.organisation == user.organisation_id)
                                      & (Questionnaire.key == "mentee_request"))
    response = responses.start(user, questionnaire)
    by_key = {q.key: q for q in responses.visible_questions(response.version, user)}
    return response, by_key


def _slow(page, latency_ms: int = 800):
    """Every request of the page takes ``latency_ms`` more (Chromium's network emulation)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1})
    return cdp


def test_reload_after_a_refused_submit_keeps_the_newer_answer(page, server, served):
    user = fresh_mentee()
    response, q = _request_draft(user)
    goals = q["goals"]
    log_in(page, server, user.login)
    page.goto(f"{server}/questionnaires/responses/{response.id}")
    _slow(page, 300)
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator(f"#question-{goals.id} .error")).to_be_visible()
    page.wait_for_load_state("load")  # the page's scripts run (a slow network delays them)
    field = page.locator(f"#q{goals.id}")
    field.fill("Освоиться в новом классе")
    field.blur()
    expect(page.locator(f"#question-{goals.id} .saved")).to_be_visible()
    assert responses.stored_answers(response)[goals.id] == "Освоиться в новом классе"

    page.reload()  # F5 (a browser would offer to send the form again if the page came from a POST)
    expect(page.locator(f"#q{goals.id}")).to_have_value("Освоиться в новом классе")
    page.wait_for_timeout(500)
    assert responses.stored_answers(response).get(goals.id) == "Освоиться в новом классе"


def test_slow_autosave_keeps_every_rank_and_slot(page, server, served):
    user = fresh_mentee()
    response, q = _request_draft(user)
    ranked, slots = q["requests_student"], q["availability"]
    options = [o.value for o in ranked.ordered_options()][:3]
    times = [o.value for o in slots.ordered_options()][:4]
    log_in(page, server, user.login)
    page.goto(f"{server}/questionnaires/responses/{response.id}")
    _slow(page, 800)
    for rank, option in enumerate(options, start=1):
        page.locator(f"select[name=q{ranked.id}_r_{option}]").select_option(str(rank))
        page.wait_for_timeout(350)
    for value in times:
        page.locator(f"input[name=q{slots.id}][value={value}]").check()
        page.wait_for_timeout(350)

    for fieldset in (f"#question-{ranked.id}", f"#question-{slots.id}"):
        expect(page.locator(f"{fieldset} .saved")).to_be_visible(timeout=15000)
    page.wait_for_timeout(2500)  # any late reply would have landed by now
    for rank, option in enumerate(options, start=1):  # on screen
        expect(page.locator(f"select[name=q{ranked.id}_r_{option}]")).to_have_value(str(rank))
    for value in times:
        expect(page.locator(f"input[name=q{slots.id}][value={value}]")).to_be_checked()
    stored = responses.stored_answers(response)  # and in the database
    assert stored[ranked.id] == options
    assert sorted(stored[slots.id]) == sorted(times)

    page.reload()
    for rank, option in enumerate(options, start=1):
        expect(page.locator(f"select[name=q{ranked.id}_r_{option}]")).to_have_value(str(rank))
    for value in times:
        expect(page.locator(f"input[name=q{slots.id}][value={value}]")).to_be_checked()


def test_a_meeting_typed_after_the_session_ended_survives_a_newlog_in(page, server, served):
    mentor, group = fresh_pair()
    topic, outcome = "Разобрали задачи олимпиады", "Решили 3 задачи из 5, остальные — к пятнице"
    log_in(page, server, mentor.login)
    page.goto(f"{server}/pairs/{group.id}")
    expect(page.locator("#topic")).to_be_visible()

    other_tab = page.context.new_page()  # the same browser, another tab: signs out there
    other_tab.goto(f"{server}/dashboard")
    other_tab.locator("form[action$='/logout'] button").click()
    other_tab.wait_for_url(re.compile(r".*/login.*"))
    other_tab.close()

    _slow(page, 300)
    page.locator("#topic").fill(topic)
    page.locator("#outcome").fill(outcome)
    page.locator("#meetings form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/login\?next=/pairs/" + str(group.id) + "$"))  # a whole page, not a panel
    page.get_by_label("Логин").fill(mentor.login)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{server}/pairs/{group.id}")
    expect(page.locator("#topic")).to_have_value(topic)  # what was typed is back
    expect(page.locator("#outcome")).to_have_value(outcome)
    expect(page.locator(".restored")).to_be_visible()
    page.locator("#meetings form button[type=submit]").click()
    expect(page.locator("#meetings")).to_contain_text(topic)
    kept = page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('nastavnik:'))")
    assert kept == []  # the restored copy is not kept once it is back in the form
    programme = Programme.get(Programme.group == group)
    assert [m.topic for m in MeetingLog.select().where(MeetingLog.programme == programme)] == [topic]


def test_a_lost_autosave_says_so_and_can_be_retried(page, server, served):
    user = fresh_mentee()
    response, q = _request_draft(user)
    goals = q["goals"]
    log_in(page, server, user.login)
    page.goto(f"{server}/questionnaires/responses/{response.id}")
    dropped = []

    def drop_the_first(route):
        if not dropped:
            dropped.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()
    page.route(re.compile(r".*/answers/\d+$"), drop_the_first)
    field = page.locator(f"#q{goals.id}")
    field.fill("Подготовиться к олимпиаде")
    field.blur()
    status = page.locator(f"#question-{goals.id} .answer-status")
    expect(status).to_contain_text("Не сохранено")
    assert goals.id not in responses.stored_answers(response)
    expect(field).to_have_value("Подготовиться к олимпиаде")  # the field itself is untouched
    status.get_by_role("button", name="Повторить").click()
    expect(status.locator(".saved")).to_be_visible()
    assert responses.stored_answers(response)[goals.id] == "Подготовиться к олимпиаде"
