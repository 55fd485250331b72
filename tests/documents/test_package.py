"""The normative package: every document generated from the school's data and read back, its status
and scan on the «Документы» page by school year."""
from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.conftest import text
from tests.documents.helpers import assert_official_layout, make_pair, paragraphs, table_rows
from webapp.documents.registry import PACKAGE
from webapp.models import Award, NormativeDocument, Organisation, RoadmapItem

YEAR = 2026


@pytest.fixture
def admin(school, auth):
    org = school["org"]
    Organisation.update(name="Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»").where(
        Organisation.id == org.id).execute()
    make_pair(org, school["mentor"], school["mentee"], started_on=dt.date(2026, 9, 20))
    RoadmapItem.create(organisation=org, step=1, title="Утверждение Положения", due_on=dt.date(2026, 9, 1),
                       responsible="И.П. Кураторова", result_document="Приказ")
    Award.create(organisation=org, user=school["mentor"], kind="thanks", title="за адаптацию молодого педагога",
                 awarded_on=dt.date(2027, 5, 20))
    school["mentor"].position = "учитель математики"
    school["mentor"].save()
    auth.login("admin")
    return auth.client


@pytest.mark.parametrize("code", list(PACKAGE))
def test_every_package_document_is_made_in_the_official_layout(admin, code):
    response = admin.get(f"/documents/package/{YEAR}/{code}.docx")
    assert response.status_code == 200, code
    assert_official_layout(response.data)
    body = paragraphs(response.data) + str(table_rows(response.data))
    assert "{{" not in body and "{%" not in body


def test_the_polozhenie_follows_section_one_of_the_source(admin):
    body = paragraphs(admin.get(f"/documents/package/{YEAR}/polozhenie.docx").data)
    assert "ПОЛОЖЕНИЕ\nо программе наставничества\nмуниципального бюджетного общеобразовательного учреждения " \
           "«Школа № 1»" in body
    for part in ("1. Общие положения", "на основании Федерального закона от 29.12.2012 № 273-ФЗ", "1.2. Цель",
                 "1.3. Задачи", "1.4. Принципы", "1.5. Структура", "1.6. Термины", "1.7. Сроки внедрения",
                 "в 2026/2027 учебном году (с 01.09.2026 по 31.05.2027)", "5. Права и обязанности наставника",
                 "8. Поощрение наставников"):
        assert part in body, part
    rows = table_rows(admin.get(f"/documents/package/{YEAR}/polozhenie.docx").data)
    assert rows[0][1].startswith("УТВЕРЖДЕНО\nприказом Школа 1\nот «___» ________ 20___ г. № ____")


def test_the_approval_order_number_reaches_the_polozhenie_once_signed(admin):
    response = admin.post(f"/documents/package/{YEAR}/polozhenie_order",
                          data={"status": "signed", "number": "12-о", "signed_on": "2026-09-01"})
    assert response.status_code == 303
    rows = table_rows(admin.get(f"/documents/package/{YEAR}/polozhenie.docx").data)
    assert "от 01.09.2026 № 12-о" in rows[0][1]
    order = paragraphs(admin.get(f"/documents/package/{YEAR}/polozhenie_order.docx").data)
    assert "1 сентября 2026 г.\t№ 12-о" in order
    assert "подписан: № 12-о от 01.09.2026" in text(admin.get(f"/documents?year={YEAR}"))


def test_the_act_names_the_curator_and_the_people_documents_decline(admin):
    act = paragraphs(admin.get(f"/documents/package/{YEAR}/act.docx").data)
    assert "2. Назначить куратором программы наставничества Кураторову Ирину Петровну." in act
    agreement = paragraphs(admin.get(f"/documents/package/{YEAR}/agreement.docx").data)
    assert "в лице директора Директоровой Людмилы Николаевны, действующей на основании устава, и " \
           "Наставникова Анна Сергеевна, учитель математики" in agreement
    pay = table_rows(admin.get(f"/documents/package/{YEAR}/extra_pay_order.docx").data)
    assert pay[1][1:] == ["Наставникова Анна Сергеевна", "учитель математики", "Учеников Пётр Иванович",
                          "1 пара или группа"]
    incentives = paragraphs(admin.get(f"/documents/package/{YEAR}/incentives_order.docx").data)
    assert "1. Объявить благодарность учителю математики Наставниковой Анне Сергеевне (за адаптацию молодого " \
           "педагога)." in incentives
    petition = paragraphs(admin.get(f"/documents/package/{YEAR}/petition.docx").data)
    assert "о награждении учителя математики Наставниковой Анны Сергеевны" in petition
    assert "ведёт как наставник 1 пару или группу" in petition
    protocol = paragraphs(admin.get(f"/documents/package/{YEAR}/session_protocol.docx").data)
    assert "Присутствовали: наставники (1 наставник):" in protocol and "О формировании наставнических пар " \
           "(групп): 1 пара или группа." in protocol
    roadmap = table_rows(admin.get(f"/documents/package/{YEAR}/roadmap_order.docx").data)
    assert roadmap[1] == ["1", "Утверждение Положения", "01.09.2026", "И.П. Кураторова", "Приказ"]


@pytest.mark.parametrize("data,message", [
    ({"status": "signed", "number": "", "signed_on": "2026-09-01"}, "укажите номер и дату"),
    ({"status": "signed", "number": "1", "signed_on": ""}, "укажите номер и дату"),
    ({"status": "archived", "number": "1", "signed_on": "2026-09-01"}, "Выберите статус из списка."),
    ({"status": "signed", "number": "1", "signed_on": "32.13.2026"}, "Дата в виде ДД.ММ.ГГГГ."),
    ({"status": "signed", "number": "1", "signed_on": "1999-01-01"}, "не раньше 2000 года"),
    ({"status": "signed", "number": "1" * 41, "signed_on": "2026-09-01"}, "Не длиннее 40 символов."),
])
def test_status_bad_input(admin, data, message):
    admin.post(f"/documents/package/{YEAR}/act", data={"status": "signed", "number": "5", "signed_on": "2026-09-01"})
    response = admin.post(f"/documents/package/{YEAR}/act", data=data)
    assert response.status_code == 400 and message in text(response)
    row = NormativeDocument.get()
    assert (row.status, row.number) == ("signed", "5")


def test_scans(admin):
    pdf = b"%PDF-1.4\n" + b"0" * 100
    response = admin.post(f"/documents/package/{YEAR}/act/scan", data={"file": (io.BytesIO(pdf), "akt.pdf")},
                          content_type="multipart/form-data")
    assert response.status_code == 303
    page = text(admin.get(f"/documents?year={YEAR}"))
    assert "akt.pdf" in page
    scan = admin.get(f"/documents/package/{YEAR}/act/scan")
    assert scan.data == pdf and scan.mimetype == "application/pdf"
    for data, message in ((b"hello", "PDF, JPEG или PNG"), (b"", "Выберите файл скана"),
                          (b"%PDF" + b"0" * (4 * 1024 * 1024), "больше 4 МБ")):
        response = admin.post(f"/documents/package/{YEAR}/act/scan", data={"file": (io.BytesIO(data), "x.pdf")},
                              content_type="multipart/form-data")
        assert response.status_code == 400 and message in text(response)
    assert admin.get(f"/documents/package/{YEAR}/act/scan").data == pdf  # nothing lost
    assert admin.get(f"/documents/package/{YEAR}/polozhenie/scan").status_code == 404


def test_package_permissions_and_unknown_codes(school, auth):
    auth.login("kurator")
    assert auth.client.get(f"/documents/package/{YEAR}/act.docx").status_code == 200
    assert auth.client.post(f"/documents/package/{YEAR}/act", data={"status": "draft"}).status_code == 403
    assert auth.client.get(f"/documents/package/{YEAR}/nope.docx").status_code == 404
    assert auth.client.get(f"/documents/package/99999/act.docx").status_code == 404
    auth.logout()
    auth.login("mentor")
    assert auth.client.get(f"/documents/package/{YEAR}/act.docx").status_code == 403
    assert auth.client.get("/documents").status_code == 403


def test_the_package_without_a_curator_says_what_to_fill_in(admin, school):
    Organisation.update(curator=None).where(Organisation.id == school["org"].id).execute()
    response = admin.get(f"/documents/package/{YEAR}/act.docx")
    assert response.status_code == 303
    assert "заполните куратор программы наставничества" in text(admin.get(response.location))


def test_another_schools_package_records_stay_apart(admin, school):
    NormativeDocument.create(organisation=school["other_org"], code="act", school_year=YEAR, status="signed",
                             number="99", signed_on=dt.date(2026, 9, 1), scan=b"%PDF", scan_name="chuzhoy.pdf")
    page = text(admin.get(f"/documents?year={YEAR}"))
    assert "chuzhoy.pdf" not in page and "№ 99" not in page
    assert admin.get(f"/documents/package/{YEAR}/act/scan").status_code == 404
