"""XLSX export of a filtered bank and DOCX consent forms, read back with openpyxl and python-docx."""
from __future__ import annotations

from io import BytesIO

import docx
import openpyxl
import pytest

from tests.banks import builders
from tests.banks.test_bank_pages import bank  # noqa: F401  (fixture)
from webapp.models import AuditEvent, User


def _sheet(response):
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    return openpyxl.load_workbook(BytesIO(response.data)).active


def _rows(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_xlsx_has_person_columns_then_question_columns(as_coordinator, bank):
    rows = _rows(_sheet(as_coordinator.get("/banks/mentors/export.xlsx")))
    header = rows[0]
    assert header[:6] == ["ФИО", "Категория", "Класс / должность", "Предметы", "Статус анкеты", "Согласия"]
    assert header[6:] == ["С чем вы можете помочь?", "Формы наставничества", "Формат встреч",
                          "Насколько вам комфортно в роли?", "Готовы начать в этом месяце?", "Расскажите о себе"]
    assert len(rows) == 2  # only the people in the bank by default
    person = dict(zip(header, rows[1]))
    assert person["ФИО"] == "Наставникова Анна Сергеевна"
    assert person["Предметы"] == "математика"
    assert person["Статус анкеты"] == "отправлена" and person["Согласия"] == "получены"
    assert person["С чем вы можете помочь?"] == "Освоение информационных технологий; Внедрение новых образовательных технологий"
    assert person["Формат встреч"] == "Дистанционно"
    assert person["Насколько вам комфортно в роли?"] == "8 из 10"
    assert person["Готовы начать в этом месяце?"] == "да"
    assert person["Расскажите о себе"] == "<script>alert(1)</script> Учитель математики"


def test_xlsx_respects_filters_and_hides_revoked_answers(as_coordinator, bank):
    rows = _rows(_sheet(as_coordinator.get("/banks/mentors/export.xlsx?everyone=1&consent=revoked")))
    assert len(rows) == 2
    assert rows[1][0] == "Отозвавшая Ольга Игоревна"
    assert "ответы скрыты: согласие отозвано" in rows[1]
    assert "секретный текст" not in str(rows)
    rows = _rows(_sheet(as_coordinator.get("/banks/mentors/export.xlsx?everyone=1&q=нет-такого")))
    assert len(rows) == 1


def test_xlsx_of_mentees_keeps_ranked_order(as_coordinator, bank):
    rows = _rows(_sheet(as_coordinator.get("/banks/mentees/export.xlsx")))
    person = dict(zip(rows[0], rows[1]))
    assert person["ФИО"] == "Учеников Пётр Иванович" and person["Класс / должность"] == "7Б"
    assert person["Что для вас важнее всего?"] == "1. Низкие образовательные результаты; 2. Профессиональная карьера"
    assert AuditEvent.select().where(AuditEvent.action == "bank_exported").count() == 1


def test_xlsx_neutralises_formulas(as_coordinator, bank):
    builders.respond(bank["mentor"], bank["version"], bank["questions"], {"about": "=HYPERLINK(\"http://x\")"},
                     status="draft")
    User.update(full_name='=HYPERLINK("http://x","Иванов")').where(User.id == bank["mentor"].id).execute()
    sheet = _sheet(as_coordinator.get("/banks/mentors/export.xlsx"))
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_xlsx_of_selected_people_and_forged_selection(as_coordinator, bank):
    rows = _rows(_sheet(as_coordinator.get(f"/banks/mentors/export.xlsx?user={bank['nocons'].id}")))
    assert [r[0] for r in rows[1:]] == ["Безсогласий Олег Олегович"]
    assert as_coordinator.get(f"/banks/mentors/export.xlsx?user={bank['other_mentee'].id}").status_code == 404
    assert as_coordinator.get("/banks/mentors/export.xlsx?user=abc").status_code == 404
    assert as_coordinator.get(f"/banks/mentors/export.xlsx?user={bank['mentee'].id}").status_code == 404


def _text(response) -> str:
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    document = docx.Document(BytesIO(response.data))
    return "\n".join(p.text for p in document.paragraphs)


def _page_breaks(response) -> int:
    document = docx.Document(BytesIO(response.data))
    return sum(1 for p in document.paragraphs for r in p.runs if 'w:br w:type="page"' in r._r.xml)


def test_consent_forms_for_one_adult(as_coordinator, bank):
    response = as_coordinator.get(f"/consents/people/{bank['nocons'].id}/forms.docx")
    body = _text(response)
    assert "СОГЛАСИЕ" in body and "на обработку персональных данных" in body
    assert "Федерального закона от 27.07.2006 № 152-ФЗ" in body
    assert "Я, Безсогласий Олег Олегович" in body and "даю согласие школе № 1 (далее — Оператор)" in body
    for part in ("Цель обработки", "Перечень персональных данных", "Срок действия согласия", "Порядок отзыва"):
        assert part in body
    assert "на участие в программе наставничества" in body and "в качестве наставника" in body
    assert _page_breaks(response) == 1


def test_consent_forms_for_a_minor_name_the_representative(as_coordinator, bank):
    body = _text(as_coordinator.get(f"/consents/people/{bank['mentee'].id}/forms.docx"))
    assert "несовершеннолетнего Ученикова Петра Ивановича, обучающегося 7 «Б» класса" in body
    assert "Я, Ученикова Мария Петровна" in body and "являясь матерью и законным представителем" in body


def test_consent_forms_for_an_unknown_representative_leave_blanks(as_coordinator, bank, school):
    from tests.factories import make_user
    child = make_user(school["org"], "child", ["mentee"], full_name="Малышев Кирилл Андреевич",
                      category="student", class_name="5А")
    body = _text(as_coordinator.get(f"/consents/people/{child.id}/forms.docx"))
    assert "Я, ______" in body and "несовершеннолетнего Малышева Кирилла Андреевича, обучающегося 5 «А» класса" in body


def test_batch_consent_forms_for_the_filtered_bank(as_coordinator, bank):
    response = as_coordinator.get("/banks/mentors/consent-forms.docx?everyone=1")
    body = _text(response)
    for name in ("Наставникова Анна Сергеевна", "Безсогласий Олег Олегович", "Отозвавшая Ольга Игоревна",
                 "Реверсов Илья Олегович"):
        assert name in body
    assert _page_breaks(response) == 4 * 2 - 1
    assert "в качестве наставника и наставляемого" in body  # Реверсов has both roles


def test_batch_consent_forms_for_a_selection(as_coordinator, bank):
    url = f"/banks/mentees/consent-forms.docx?user={bank['mentee'].id}&user={bank['both'].id}"
    body = _text(as_coordinator.get(url))
    assert "Ученикова Петра Ивановича" in body and "Реверсов Илья Олегович" in body
    assert "Наставникова" not in body


@pytest.mark.parametrize("url", ["/consents/people/{other}/forms.docx", "/consents/people/999999/forms.docx",
                                 "/consents/people/{other}/data.json"])
def test_other_organisation_documents_are_404(as_coordinator, bank, url):
    assert as_coordinator.get(url.format(other=bank["other_mentee"].id)).status_code == 404
