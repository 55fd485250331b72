"""Destructive actions ask «Вы уверены?» first, with JavaScript (htmx shows the question in the main
area) and without it (a page with a POST button); a pupil cannot revoke her mother's consent."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.fresh_people import (fresh_adult_with_consents, fresh_minor_with_representatives_consents, fresh_pair,
                                    log_in, served)  # noqa: F401 (fixture)
from webapp.consents import services
from webapp.models import MentoringGroup


def test_ending_a_pair_asks_first(page, server, served):
    _, group = fresh_pair()
    log_in(page, server, "kurator", "demo2026")
    page.goto(f"{server}/pairs/{group.id}")
    page.locator("#end-reason").fill("Наставник переехал в другой город")
    page.locator(f"form[action$='/pairs/{group.id}/end'] button[type=submit]").click()
    expect(page.get_by_role("heading", name="Вы уверены?")).to_be_visible()
    assert MentoringGroup.get_by_id(group.id).status == "active"  # asking changes nothing
    page.get_by_role("button", name="Да, завершить пару").click()
    expect(page.locator(".flash-success")).to_contain_text("Пара завершена досрочно.")
    ended = MentoringGroup.get_by_id(group.id)
    assert ended.status != "active" and "переехал" in ended.end_reason


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_revoking_own_consent_asks_first_without_javascript(no_js_page, server, served):
    page = no_js_page
    user = fresh_adult_with_consents()
    log_in(page, server, user.login)
    page.goto(f"{server}/consents/mine")
    page.get_by_role("button", name="Отозвать мои согласия").click()
    expect(page.get_by_role("heading", name="Вы уверены?")).to_be_visible()
    page.get_by_role("link", name="Отмена").click()  # changed her mind: nothing happened
    expect(page).to_have_url(re.compile(r".*/consents/mine$"))
    assert services.in_bank(user, "mentor")
    page.get_by_role("button", name="Отозвать мои согласия").click()
    page.get_by_role("button", name="Да, отозвать мои согласия").click()
    expect(page.locator(".flash-success")).to_contain_text("Ваши согласия отозваны")
    assert not services.in_bank(user, "mentor")


def test_a_pupil_cannot_revoke_her_mothers_consent(page, server, served):
    pupil = fresh_minor_with_representatives_consents()
    log_in(page, server, pupil.login)
    page.goto(f"{server}/consents/mine")
    expect(page.get_by_text("Отозвать его может только он(а)")).to_be_visible()
    expect(page.get_by_role("button", name="Отозвать мои согласия")).to_have_count(0)
    assert services.in_bank(pupil, "mentee")
