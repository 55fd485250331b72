"""Monitoring charts per form of mentoring and the methodical collection, in a real browser."""
from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect


def _logout(page):
    page.get_by_role("button", name="Выйти").click()


def test_coordinator_sees_before_after_charts_per_form(page, server, login):
    login("kurator")
    page.locator("nav summary", has_text="Программа").click()  # the menu opens without JavaScript too
    page.get_by_role("link", name="Мониторинг", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Мониторинг и оценка результатов")
    page.get_by_role("link", name="Отношения в паре: вход и итог").click()
    # the demo's pairs of this year have just started: last year's ended pairs have every form's exit
    today = dt.date.today()
    last_year = (today.year if today.month >= 9 else today.year - 1) - 1
    page.get_by_label("Учебный год").select_option(str(last_year))
    page.get_by_role("button", name="Выбрать год").click()
    for title in ("Вся школа", "Учитель – учитель", "Ученик – ученик", "Студент – ученик", "Работодатель – ученик"):
        expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()
    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    chart = page.get_by_role("img", name=re.compile("До и после: Учитель – учитель"))
    expect(chart).to_be_visible()
    expect(chart.locator("text", has_text="Входной мониторинг")).to_have_count(1)
    expect(chart.locator("text", has_text="Итоговый мониторинг")).to_have_count(1)
    page.get_by_label("Форма наставничества").select_option("employer_student")
    page.get_by_role("button", name="Показать").click()
    expect(page.get_by_role("heading", level=2, name="Работодатель – ученик")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Учитель – учитель")).to_have_count(0)
    page.get_by_role("link", name="Качество процесса").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Мониторинг процесса")
    assert page.locator("svg.chart").count() >= 2
    expect(page.get_by_role("heading", name="Открытые ответы")).to_be_visible()


def test_methodical_collection_propose_approve_search(page, server, login):
    login("mentor")
    page.goto(f"{server}/practices")
    page.get_by_role("link", name="Предложить практику").click()
    page.get_by_label("Название практики").fill("Наставнический марафон по функциональной грамотности")
    page.get_by_label("Описание").fill("Пять встреч: читательская, математическая и естественнонаучная грамотность.")
    page.get_by_label("Форма наставничества").select_option("teacher_teacher")
    page.get_by_label("Теги").fill("грамотность, марафон")
    page.get_by_label("Файлы").set_input_files([{"name": "план.pdf", "mimeType": "application/pdf",
                                                  "buffer": b"%PDF-1.4\n%%EOF\n"}])
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator(".flash")).to_contain_text("Её увидит вся школа после одобрения")
    _logout(page)

    login("mentee")
    page.goto(f"{server}/practices?q=марафон")
    expect(page.locator("#practice-results .count")).to_have_text("Найдено: 0")
    _logout(page)

    login("kurator")
    page.goto(f"{server}/practices")
    page.get_by_role("link", name=re.compile("Ждут одобрения")).click()
    page.get_by_role("link", name="Наставнический марафон по функциональной грамотности").click()
    page.get_by_role("button", name="Одобрить").click()
    expect(page.locator(".flash")).to_contain_text("одобрена")
    _logout(page)

    login("mentee")
    page.goto(f"{server}/practices")
    page.evaluate("window.__noReload = true")
    page.get_by_label("Поиск по названию, описанию, авторам, тегам").press_sequentially("марафон", delay=30)
    expect(page.locator("#practice-results .count")).to_have_text("Найдено: 1")
    # a search for a shorter prefix may have answered first: let the last one (300 ms after the last key)
    # land before clicking, or its swap replaces the link under the click
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__noReload") is True
    page.get_by_role("link", name="Наставнический марафон по функциональной грамотности").click()
    expect(page.get_by_role("link", name="план.pdf")).to_be_visible()
