"""A mentee fills the request questionnaire (autosave, reload, submit); the coordinator finds
them in the bank with the filters and exports the bank to XLSX with their answers in it."""
from __future__ import annotations

import re

from openpyxl import load_workbook
from playwright.sync_api import expect

MENTEE = "Орлова Наталья Николаевна"  # the demo `novichok` login: a mentee yet to fill in the request
ABOUT = "Трудно привыкнуть к новому классу после переезда, <b>стесняюсь</b> отвечать у доски."


def _saved(page, question_text):
    fieldset = page.locator("fieldset.question", has_text=question_text)
    expect(fieldset.locator(".saved")).to_be_visible()
    return fieldset


def test_mentee_fills_request_and_coordinator_exports_it(page, server, login, tmp_path, browser):
    login("novichok")
    page.goto(f"{server}/questionnaires/mine")
    page.get_by_role("button", name="Заполнить").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Анкета наставляемого: ваш запрос")
    # the heading is there as soon as it is parsed; the autosave script is deferred and listens only once
    # the whole page is parsed: a choice made before that went unsaved on a loaded machine (no «Сохранено»)
    page.wait_for_load_state("domcontentloaded")

    page.get_by_label("Трудности адаптации").select_option("1")
    _saved(page, "Расставьте по важности")
    page.get_by_label("Преодоление психологических барьеров").select_option("2")
    _saved(page, "Расставьте по важности")
    page.get_by_label("Чего вы хотите добиться").fill("Освоиться в новом классе и найти друзей.")
    page.get_by_label("Чего вы хотите добиться").blur()
    _saved(page, "Чего вы хотите добиться")
    page.get_by_label("Очно", exact=True).check()
    _saved(page, "В каком формате удобно встречаться")

    # a dropped connection or a reload loses nothing: the drafts are on the server
    page.reload()
    expect(page.get_by_label("Трудности адаптации")).to_have_value("1")
    expect(page.get_by_label("Чего вы хотите добиться")).to_have_value("Освоиться в новом классе и найти друзей.")

    # submitting with a required answer missing is refused at the field
    page.get_by_role("button", name="Отправить анкету").click()
    expect(page.locator("fieldset.question", has_text="Когда вы свободны").locator(".error")).to_be_visible()

    page.get_by_label("среда (день)").check()
    _saved(page, "Когда вы свободны")
    page.get_by_label("Опишите свой запрос своими словами").fill(ABOUT)
    page.get_by_label("Опишите свой запрос своими словами").blur()
    _saved(page, "Опишите свой запрос")
    page.get_by_role("button", name="Отправить анкету").click()
    expect(page.locator("p.status")).to_contain_text("Анкета отправлена")
    expect(page.get_by_text(ABOUT)).to_be_visible()  # shown as text, never as markup
    expect(page.get_by_role("button", name="Отправить анкету")).to_have_count(0)

    coordinator = browser.new_context(accept_downloads=True).new_page()
    coordinator.goto(f"{server}/login")
    coordinator.get_by_label("Логин").fill("kurator")
    coordinator.get_by_label("Пароль").fill("demo2026")
    coordinator.get_by_role("button", name="Войти").click()
    coordinator.goto(f"{server}/banks/mentees")
    coordinator.get_by_label("Запрос (проблема)").select_option("adaptation_difficulties")
    coordinator.get_by_label("Анкета").select_option("submitted")
    coordinator.get_by_label("Поиск по ФИО, логину, должности").press_sequentially("Орлова Натал", delay=20)
    expect(coordinator.locator("#bank-table .count")).to_contain_text("Найдено: 1 ")
    expect(coordinator.locator("#bank-table tbody")).to_contain_text(MENTEE)
    expect(coordinator).to_have_url(re.compile("problem=adaptation_difficulties"))

    with coordinator.expect_download() as download_info:
        coordinator.get_by_role("link", name="Выгрузить в XLSX").click()
    path = tmp_path / "bank.xlsx"
    download_info.value.save_as(path)
    sheet = load_workbook(path).active
    rows = [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]
    header, body = rows[0], rows[1:]
    assert len(body) == 1 and body[0][0] == MENTEE
    record = dict(zip(header, body[0]))
    assert any(ABOUT == value for value in record.values()), record
    assert any("Трудности адаптации" in value for value in record.values()), record


def test_a_slow_click_on_the_export_right_after_a_search_still_downloads(page, server, login, tmp_path):
    """Clicking the export blurs the search field; its «change» used to ask for the results again and
    the answer replaced the link between the press and the release of the button: no download."""
    login("kurator")
    page.goto(f"{server}/banks/mentees")
    page.get_by_label("Поиск по ФИО, логину, должности").press_sequentially("Орлова", delay=20)
    expect(page.locator("#bank-table .count")).to_contain_text("Найдено: 1 ")
    page.wait_for_load_state("networkidle")
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Выгрузить в XLSX").hover()
        page.mouse.down()
        page.wait_for_timeout(700)  # a hand on a touchpad, or a slow machine between the two events
        page.mouse.up()
    path = tmp_path / "bank.xlsx"
    download_info.value.save_as(path)
    assert [url for url in asked if "/banks/mentees?" in url] == []  # no second search on the blur
    assert load_workbook(path).active.max_row == 2
