"""Logging in, the dashboard, and the user list's active search in a real browser."""
from __future__ import annotations

import re

from playwright.sync_api import expect


def test_wrong_password_then_login_and_dashboard(page, server, login):
    page.goto(f"{server}/login")
    page.get_by_label("Логин").fill("kurator")
    page.get_by_label("Пароль").fill("wrong-password")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("alert")).to_have_text("Неверный логин или пароль.")
    login("kurator")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Белова Ирина Геннадьевна")
    expect(page.locator('[data-count="mentors"]')).to_have_text(re.compile(r"^\d+$"))
    assert int(page.locator('[data-count="mentees"]').inner_text()) >= 90


def test_user_list_active_search_updates_in_place(page, server, login):
    login("kurator")
    page.goto(f"{server}/users")
    expect(page.locator("#users-table")).to_be_visible()
    page.evaluate("window.__noReload = true")  # survives only if the page is not reloaded
    page.get_by_label("Поиск по ФИО, логину, e-mail").press_sequentially("белова", delay=30)
    expect(page.locator("#users-table .count")).to_have_text("Найдено: 1")
    expect(page.locator("#users-table tbody tr")).to_have_count(1)
    assert page.evaluate("window.__noReload") is True
    expect(page).to_have_url(re.compile(r"q=%D0%B1"))
    page.get_by_label("Поиск по ФИО, логину, e-mail").fill("")
    page.get_by_label("Роль").select_option("mentor")
    expect(page.locator("#users-table .count")).to_have_text(re.compile(r"Найдено: 3\d"))
    assert page.evaluate("window.__noReload") is True
    page.get_by_role("link", name=re.compile("вперёд")).click()
    expect(page.locator(".pager span")).to_have_text(re.compile("Страница 2 из"))
    assert page.evaluate("window.__noReload") is True


def test_user_list_works_with_javascript_off(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/login")
    page.get_by_label("Логин").fill("kurator")
    page.get_by_label("Пароль").fill("demo2026")
    page.get_by_role("button", name="Войти").click()
    page.goto(f"{server}/users")
    page.get_by_label("Поиск по ФИО, логину, e-mail").fill("белова")
    page.get_by_role("button", name="Найти").click()
    expect(page.locator("#users-table .count")).to_have_text("Найдено: 1")
    context.close()


def test_mentee_sees_next_steps_and_no_user_list(page, server, login):
    login("mentee")
    expect(page.get_by_role("heading", name="Что сделать дальше")).to_be_visible()
    expect(page.get_by_role("link", name="Пользователи")).to_have_count(0)
    page.goto(f"{server}/users")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ошибка 403")


def test_header_menus_open_and_close(page, server, login):
    login("kurator")
    pairs = page.locator("nav details", has_text="Пары")
    programme = page.locator("nav details", has_text="Программа")
    page.locator("nav summary", has_text="Пары").click()
    expect(page.get_by_role("link", name="Подбор пар")).to_be_visible()
    page.locator("nav summary", has_text="Программа").click()
    expect(programme).to_have_attribute("open", "")
    expect(pairs).not_to_have_attribute("open", "")  # opening one menu closes the other
    page.keyboard.press("Escape")
    expect(programme).not_to_have_attribute("open", "")
