"""The аналитическая справка of the demo school read back with python-docx, and its XLSX tables."""
from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

import openpyxl
from docx import Document

from webapp.monitoring import spravka


def _last_year() -> int:
    today = dt.date.today()
    return (today.year if today.month >= 9 else today.year - 1) - 1


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_spravka_of_the_demo_school(demo_app):
    year = _last_year()
    client = demo_app.test_client()
    client.post("/login", data={"login": "kurator", "password": "demo2026"})
    response = client.get(f"/monitoring/spravka.docx?year={year}")
    assert response.status_code == 200
    doc = Document(BytesIO(response.data))
    section = doc.sections[0]
    sizes = (section.page_width, section.page_height, section.left_margin, section.top_margin,
             section.right_margin, section.bottom_margin)
    assert [round(size.mm, 1) for size in sizes] == [210, 297, 30, 20, 15, 20]  # A4; stored in twips
    assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size.pt == 14
    body = _all_text(doc)
    assert f"{year}/{year + 1} учебный год" in body
    assert f"С 01.09.{year} по 31.08.{year + 1}" in body and "начавших работу в этом году: 16." in body
    rates = doc.tables[0]
    assert [c.text for c in rates.rows[0].cells] == ["Анкета", "Опрошено", "Ответили", "Доля ответивших"]
    exit_row = next(r for r in rates.rows if r.cells[0].text == "Итоговый мониторинг")
    asked, answered = int(exit_row.cells[1].text), int(exit_row.cells[2].text)
    assert exit_row.cells[3].text == f"{100 * answered / asked:.1f} %".replace(".", ",")
    conclusions = body.split("7. Выводы")[1].split("8. Рекомендации")[0]
    assert "«Адаптация молодых педагогов» улучшился" in conclusions
    assert "«математика» улучшился" in conclusions
    assert f"Пар и групп в прошлом учебном году ({year - 1}/{year})" in conclusions
    assert "(заполняется куратором программы наставничества)" in body and "Куратор программы наставничества" in body
    assert "Директор\t____________\tЛ.Н. Кравцова" in body  # the requisites: position and initials
    assert "\tИ.Г. Белова" in body  # the school's куратор
    assert not re.search(r"\d\.\d", body.replace("01.09.", "").replace("31.08.", "")), "a decimal point, not comma"
    assert "недостаточно ответов" in body  # small groups are not turned into figures
    # the year-over-year count covers every comparison the conclusions name
    improved = conclusions.count(" улучшился ")
    this_year = next(r for r in doc.tables if r.rows[0].cells[0].text == "Учебный год").rows[-1]
    assert this_year.cells[3].text.startswith(f"{improved} из ")


def test_conclusions_follow_the_figures_only(school):
    from webapp.monitoring import school_year
    with_no_data = spravka.gather(school["org"], school_year.of_start_year(school["org"], 2025))
    assert spravka.conclusions(with_no_data) == ["Данных для выводов за этот учебный год пока недостаточно."]


def test_number_agreement_and_decimal_comma():
    assert [spravka.plural(n, "пара", "пары", "пар") for n in (1, 2, 5, 11, 21, 22, 25)] == [
        "пара", "пары", "пар", "пар", "пара", "пары", "пар"]
    assert spravka.num(1.5) == "1,50" and spravka.num(-0.25, signed=True) == "−0,25"
    assert spravka.pct(1, 4) == "недостаточно ответов" and spravka.pct(1, 8) == "12,5 %"


def test_tables_xlsx(demo_app):
    year = _last_year()
    client = demo_app.test_client()
    client.post("/login", data={"login": "kurator", "password": "demo2026"})
    book = openpyxl.load_workbook(BytesIO(client.get(f"/monitoring/tables.xlsx?year={year}").data))
    assert book.sheetnames == ["Охват", "До и после", "Процесс", "Наставники"]
    rows = list(book["До и после"].iter_rows(values_only=True))
    adaptation = next(r for r in rows if r[1] == "Адаптация молодых педагогов")
    assert adaptation[2] == 7 and adaptation[9] == "улучшение" and adaptation[6] < adaptation[5] < adaptation[7]
