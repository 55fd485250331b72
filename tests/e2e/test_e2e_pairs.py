"""The coordinator's matching in a real browser: run, read an explanation, confirm pairs, download the
order; then the mentor sees the pair and logs a meeting."""
from __future__ import annotations

import re

from docx import Document
from playwright.sync_api import expect

from webapp.demo import people


def _mentor_name() -> str:
    return next(p["full_name"] for p in people() if "mentor" in p["roles"] and p["category"] == "teacher")


def _pair_of(row) -> tuple[str, str]:
    mentee = row.locator("td").nth(1).locator("a").inner_text().strip()
    mentor = row.locator("td").nth(2).inner_text().strip().splitlines()[0].strip()
    return mentor, mentee


def test_coordinator_confirms_pairs_and_the_mentor_logs_a_meeting(page, server, login, tmp_path):
    mentor_name = _mentor_name()
    login("kurator")
    page.goto(f"{server}/matching")
    # the demo school must have people in the banks (questionnaires and consents of the demo)
    expect(page.get_by_text(re.compile(r"В банке: наставников — [1-9]"))).to_be_visible()
    page.get_by_role("button", name="Запустить подбор").click()
    expect(page.get_by_role("button", name="Принять отмеченные")).to_be_visible(timeout=30000)

    # the demo mentor already has three pairs: their one free place may be on a later page, so search
    page.get_by_label("Поиск по ФИО").fill(mentor_name)
    rows = page.locator("#suggestions tbody tr")
    mentor_row = rows.filter(has_text=mentor_name).filter(has=page.locator("input[type=checkbox]")).first
    expect(mentor_row).to_be_visible()
    first = _pair_of(mentor_row)

    # read the explanation of that suggestion
    mentor_row.locator("td").nth(1).locator("a").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(first[1])
    expect(page.get_by_text("Из чего складывается балл").first).to_be_visible()
    expect(page.locator("#mentee-review .profile").first).to_contain_text(first[1])
    page.go_back()
    expect(page.get_by_role("button", name="Принять отмеченные")).to_be_visible()

    rows = page.locator("#suggestions tbody tr")
    mentor_row = rows.filter(has_text=mentor_name).filter(has=page.locator("input[type=checkbox]")).first
    mentor_row.locator("input[type=checkbox]").check()
    page.get_by_role("button", name="Принять отмеченные").click()
    expect(page.locator("#run-review")).to_contain_text("Подтверждено пар: 1")

    page.get_by_label("Поиск по ФИО").fill("")
    rows = page.locator("#suggestions tbody tr")
    other_row = (rows.filter(has=page.locator("input[type=checkbox]")).filter(has_not_text=mentor_name)
                 .filter(has_not_text=first[1]).first)
    expect(other_row).to_be_visible()
    second = _pair_of(other_row)
    other_row.locator("input[type=checkbox]").check()
    page.get_by_role("button", name="Принять отмеченные").click()
    expect(page.locator("#run-review")).to_contain_text("Подтверждено пар: 1")

    # the order lists exactly the confirmed pairs
    page.goto(f"{server}/pairs/order")
    page.get_by_label("Номер приказа").fill("77-н")
    with page.expect_download() as info:
        page.get_by_role("button", name="Сформировать приказ (DOCX)").click()
    path = tmp_path / "order.docx"
    info.value.save_as(path)
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "О закреплении наставнических пар (групп)" in text and "№ 77-н" in text
    # a pupil's cell carries the class too: «Андреева Юлия Михайловна, 5 «Б» класс»
    listed = {(r.cells[1].text.split(", ")[0], r.cells[2].text.split(", ")[0]) for t in document.tables
              for r in t.rows[1:]}
    assert listed == {first, second}

    # the mentor sees the pair and logs a meeting
    page.get_by_role("button", name="Выйти").click()
    login("mentor")
    page.goto(f"{server}/pairs")
    page.locator("#pairs-table tr", has_text=first[1]).get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(first[1])
    page.get_by_label("Тема встречи").fill("Первая встреча: знакомство и запрос")
    page.get_by_label("Итог встречи").fill("Договорились о плане")
    page.get_by_role("button", name="Записать встречу").click()
    expect(page.locator("#group-panel")).to_contain_text("Встреча записана в журнал.")
    expect(page.locator("#meetings")).to_contain_text("Первая встреча: знакомство и запрос")
