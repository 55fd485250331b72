"""The coordinator chooses a school year and reads the participants' results before and after."""
from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect


def _last_year() -> int:
    today = dt.date.today()
    return (today.year if today.month >= 9 else today.year - 1) - 1


def test_coordinator_chooses_a_year_and_sees_teachers_problems_and_students_marks(page, server, login):
    last = _last_year()
    login("kurator")
    page.goto(f"{server}/monitoring")
    page.get_by_role("link", name="Результаты участников (до и после)").click()
    page.get_by_label("Учебный год").select_option(str(last - 1))
    page.get_by_role("button", name="Выбрать год").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{last - 1}/{last}")
    page.get_by_label("Учебный год").select_option(str(last))
    page.get_by_role("button", name="Выбрать год").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{last}/{last + 1}")
    teachers = page.locator("#teacher-problems table").first
    row = teachers.locator("tr", has_text="Адаптация молодых педагогов")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(1)).to_have_text("7")  # n: teachers who answered before and after
    expect(row.locator("td.verdict")).to_have_text("улучшение")
    expect(teachers.locator("tr", has_text="Освоение информационных технологий")
           .locator("td.verdict")).to_have_text("недостаточно ответов")
    subjects = page.locator("#student-subjects table").first
    for subject in ("математика", "русский язык"):
        expect(subjects.locator("tr", has_text=subject).locator("td.verdict")).to_have_text("улучшение")
    chart = page.get_by_role("img", name="Педагоги: компетентность по запрошенным задачам")
    expect(chart).to_be_visible()
    # the справка of the chosen year downloads as a DOCX
    with page.expect_download() as download:
        page.get_by_role("link", name="Аналитическая справка DOCX").click()
    assert download.value.suggested_filename == f"spravka-monitoring-{last}.docx"
