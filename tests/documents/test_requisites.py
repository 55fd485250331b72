"""The organisation's requisites: the administrator's form, its bad input, and what documents do
when something is missing."""
from __future__ import annotations

import pytest

from tests.conftest import text
from tests.documents.helpers import assert_official_layout, make_pair, paragraphs
from webapp.models import Organisation

GOOD = {"name": "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 5»",
        "short_name": "МБОУ «Гимназия № 5»", "address": "426000, г. Ижевск, ул. Пушкинская, д. 5",
        "head_position": "Директор", "head_name": "Кравцова  Людмила Николаевна", "inn": "1831000007",
        "ogrn": "1021801000007", "year_start": "01.09", "year_end": "25.05", "order_number_pattern": "{n}-о",
        "minor_own_consent_age": "14"}


@pytest.fixture
def admin(school, auth):
    auth.login("admin")
    return auth.client


def test_the_administrator_fills_in_the_requisites(admin, school):
    response = admin.post("/documents/requisites", data={**GOOD, "curator_id": str(school["kurator"].id)})
    assert response.status_code == 303
    org = Organisation.get_by_id(school["org"].id)
    assert org.short_name == "МБОУ «Гимназия № 5»" and org.head_name == "Кравцова Людмила Николаевна"
    assert (org.year_end_day, org.year_end_month, org.minor_own_consent_age) == (25, 5, 14)
    assert org.curator_id == school["kurator"].id
    page = text(admin.get("/documents/requisites"))
    assert 'value="25.05"' in page and "Гимназия № 5" in page


@pytest.mark.parametrize("field,value,message", [
    ("name", "", "Укажите полное наименование организации."),
    ("name", "Школа ____", "без подчёркиваний"),
    ("short_name", "x" * 121, "Не длиннее 120 символов."),
    ("address", "", "Укажите адрес организации"),
    ("head_name", "", "Укажите ФИО руководителя."),
    ("inn", "12345", "ИНН — 10 или 12 цифр."),
    ("inn", "12345678901x", "ИНН — 10 или 12 цифр."),
    ("ogrn", "1" * 14, "ОГРН — 13 цифр"),
    ("year_start", "31.02", "Такой даты нет"),
    ("year_end", "май", "Дата в виде ДД.ММ"),
    ("order_number_pattern", "45-о", "нужен {n}"),
    ("order_number_pattern", "{n}-{x}", "только {n}, {yy} и {yyyy}"),
    ("minor_own_consent_age", "abc", "Укажите целое число."),
    ("minor_own_consent_age", "18", "Возраст — от 0 до 17 лет."),
    ("curator_id", "99999999999999999999", "Выберите куратора из списка"),
])
def test_bad_input_is_answered_and_nothing_is_lost(admin, school, field, value, message):
    before = Organisation.get_by_id(school["org"].id)
    response = admin.post("/documents/requisites", data={**GOOD, field: value})
    assert response.status_code == 400 and message in text(response)
    after = Organisation.get_by_id(school["org"].id)
    assert (after.name, after.address, after.curator_id) == (before.name, before.address, before.curator_id)


def test_another_schools_coordinator_cannot_be_the_curator(admin, school):
    response = admin.post("/documents/requisites", data={**GOOD, "curator_id": str(school["other_kurator"].id)})
    assert response.status_code == 400 and "Выберите куратора из списка" in text(response)


def test_the_documents_page_names_what_is_missing(admin, school):
    Organisation.update(address="", curator=None).where(Organisation.id == school["org"].id).execute()
    page = text(admin.get("/documents"))
    assert "Документы не сформируются, пока не заполнено: адрес организации, куратор программы наставничества." in page


def test_a_programme_without_a_curator_is_not_made_with_blanks(admin, school):
    group = make_pair(school["org"], school["mentor"], school["both"])
    Organisation.update(curator=None).where(Organisation.id == school["org"].id).execute()
    response = admin.get(f"/pairs/{group.id}/programme.docx")
    assert response.status_code == 303
    assert "заполните куратор программы наставничества" in text(admin.get(response.location))


def test_the_programme_document(admin, school):
    group = make_pair(school["org"], school["mentor"], school["both"])
    admin.post(f"/pairs/{group.id}/programme", data={"request": "Освоить цифровые инструменты",
                                                     "problems": "Освоение информационных технологий", "goals": "Цель 1\nЦель 2",
                                                     "tasks": "Задача", "expected_results": "Результат"})
    admin.post(f"/pairs/{group.id}/plan", data={"name": "Установочная встреча", "deadline": "2026-10-10",
                                                "responsible": "А.С. Наставникова", "result_doc": "План"})
    data = admin.get(f"/pairs/{group.id}/programme.docx").data
    assert_official_layout(data)
    body = paragraphs(data)
    assert "Куратор: Кураторова Ирина Петровна" in body
    assert "1. Запрос наставляемого\nОсвоить цифровые инструменты" in body
    assert "2. Проблемы, на решение которых направлена программа\nОсвоение информационных технологий" in body
    assert "3. Цели программы\nЦель 1\nЦель 2" in body
    assert "по 31.05.2027" in body  # the end of the school year's classes, not the summer holidays
    assert "Текущий этап" not in body
    assert "Наставник\t____________\tА.С. Наставникова" in body and "Куратор\t____________\tИ.П. Кураторова" in body
    from tests.documents.helpers import table_rows
    rows = table_rows(data)
    assert rows[0][1].startswith("УТВЕРЖДАЮ\nДиректор Школа 1\n____________ Л.Н. Директорова")
    assert rows[1][:2] == ["№ п/п", "Наименование мероприятия"] and rows[2][0] == "1"
    ours = [r for r in rows if r[1] == "Установочная встреча"]
    assert len(ours) == 1 and ours[0][2:] == ["10.10.2026", "А.С. Наставникова", "План"]
