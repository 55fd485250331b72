"""Term marks import: a column-mapping step, a per-row report, nothing wrong imported, safe archives."""
from __future__ import annotations

import io
import zipfile

import openpyxl

from tests.conftest import text
from tests.factories import make_user
from webapp.models import TermMark
from webapp.users.importing import XLSX_LIMITS

CSV = ("Ученик;Класс;Дисциплина;Итог\n"
       "Петров Пётр;7А;Математика;4\n"
       "Петров Пётр;7А;Русский язык;3,5\n"
       "ivanova;7А;математика;5\n"
       "Нет Такого;7А;математика;4\n"
       "Петров Пётр;7А;Физика;отлично\n"
       "ivanova;7А;Математика;3\n"
       "Петров Пётр;7А;;4\n")


def _upload(client, name, data: bytes, year=2025):
    return client.post(f"/monitoring/marks/import?year={year}", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def _token(page: str) -> str:
    return page.split('name="token" type="hidden" value="')[1].split('"')[0] if 'name="token" type="hidden"' in page \
        else page.split('id="token" name="token" type="hidden" value="')[1].split('"')[0]


def test_csv_import_maps_columns_reports_rows_and_imports_only_good_ones(school, as_coordinator):
    org = school["org"]
    make_user(org, "petrov", ["mentee"], full_name="Петров Пётр", category="student")
    ivanova = make_user(org, "ivanova", ["mentee"], full_name="Иванова Анна", category="student")
    page = text(_upload(as_coordinator, "journal.csv", CSV.encode("cp1251")))
    assert "Шаг 2" in page and "Дисциплина" in page
    token = _token(page)
    mapping = {"token": token, "person": "0", "subject": "2", "mark": "3", "moment": "before"}
    page = text(as_coordinator.post("/monitoring/marks/import?year=2025", data=mapping))
    assert "Без ошибок: 2, с ошибками: 5." in page
    for message in ("ученик не найден в школе", "отметка не число от 1 до 5", "тот же ученик и предмет в строке 4",
                    "тот же ученик и предмет в строке 7", "не указан предмет"):
        assert message in page
    assert TermMark.select().count() == 0  # checking stores nothing
    page = text(as_coordinator.post("/monitoring/marks/import?year=2025", data={**mapping, "confirm": "1"}))
    assert "Загружено отметок: 2." in page and "Строк с ошибками не загружено: 5." in page
    stored = {(m.user.login, m.subject, m.mark, m.moment, m.school_year) for m in TermMark.select()}
    assert stored == {("petrov", "математика", 4.0, "before", 2025), ("petrov", "русский язык", 3.5, "before", 2025)}
    assert not TermMark.select().where(TermMark.user == ivanova).exists()  # duplicate rows: neither imported
    # the token is used up; a forged or foreign token is refused with a message
    response = as_coordinator.post("/monitoring/marks/import?year=2025", data={**mapping, "confirm": "1"})
    assert response.status_code == 400 and "загрузите его ещё раз" in text(response)
    response = as_coordinator.post("/monitoring/marks/import", data={**mapping, "token": "../../etc/passwd"})
    assert response.status_code == 400


def test_round_trip_of_an_xlsx_export(school, as_coordinator):
    org = school["org"]
    make_user(org, "petrov", ["mentee"], full_name="Петров Пётр", category="student")
    book = openpyxl.Workbook()
    book.active.append(["ФИО", "Предмет", "Отметка"])
    book.active.append(["Петров Пётр", "Химия", 4.5])
    book.active.append(["petrov", "Биология", 3])
    buffer = io.BytesIO()
    book.save(buffer)
    page = text(_upload(as_coordinator, "marks.xlsx", buffer.getvalue()))
    token = _token(page)
    assert '<option selected value="0">ФИО' in page and '<option selected value="2">Отметка' in page  # guessed
    data = {"token": token, "person": "0", "subject": "1", "mark": "2", "moment": "after", "confirm": "1"}
    as_coordinator.post("/monitoring/marks/import?year=2025", data=data)
    assert {(m.subject, m.mark, m.moment) for m in TermMark.select()} == {("химия", 4.5, "after"),
                                                                          ("биология", 3.0, "after")}


def test_bad_files_and_mappings(school, as_coordinator, app):
    assert _upload(as_coordinator, "x.csv", b"").status_code == 400
    assert _upload(as_coordinator, "x.pdf", b"%PDF").status_code == 400
    assert "нет строк" in text(_upload(as_coordinator, "x.csv", "ФИО;Предмет;Отметка\n".encode()))
    assert _upload(as_coordinator, "x.xlsx", b"not a zip").status_code == 400
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"0" * (XLSX_LIMITS.max_member_size + 1))
    response = _upload(as_coordinator, "bomb.xlsx", bomb.getvalue())
    assert response.status_code == 400 and "слишком большой" in text(response)
    page = text(_upload(as_coordinator, "j.csv", CSV.encode()))
    token = _token(page)
    same = {"token": token, "person": "0", "subject": "0", "mark": "3", "moment": "before"}
    assert "в разных столбцах" in text(as_coordinator.post("/monitoring/marks/import", data=same))
    wrong = {"token": token, "person": "0", "subject": "2", "mark": "99", "moment": "before"}
    assert as_coordinator.post("/monitoring/marks/import", data=wrong).status_code == 400
    bad_moment = {"token": token, "person": "0", "subject": "2", "mark": "3", "moment": "later"}
    assert as_coordinator.post("/monitoring/marks/import", data=bad_moment).status_code == 400
    assert TermMark.select().count() == 0


def test_another_schools_upload_is_not_found(school, client, auth):
    auth.login("kurator")
    page = text(_upload(client, "j.csv", CSV.encode()))
    token = _token(page)
    auth.logout()
    auth.login("other.kurator")
    response = client.post("/monitoring/marks/import", data={"token": token, "person": "0", "subject": "2",
                                                              "mark": "3", "moment": "before"})
    assert response.status_code == 400 and "загрузите его ещё раз" in text(response)


def test_a_mark_entered_by_hand(school, as_coordinator):
    from tests.programme_life.conftest import make_pair
    org = school["org"]
    student = make_user(org, "petrov", ["mentee"], full_name="Петров Пётр", category="student")
    make_pair(org, school["mentor"], [student], form="student_student")  # 2025/2026
    teacher = make_user(org, "t.teacher", ["mentee"], category="teacher")
    make_pair(org, school["mentor"], [teacher])
    page = text(as_coordinator.get("/monitoring/marks/import?year=2025"))
    assert "Петров Пётр" in page and "T.teacher" not in page  # only students of the year's pairs
    good = {"student": str(student.id), "subject": " Алгебра ", "mark": "4,5", "moment": "after"}
    assert as_coordinator.post("/monitoring/marks/entry?year=2025", data=good).status_code == 303
    assert [(m.subject, m.mark, m.moment, m.school_year) for m in TermMark.select()] == [("алгебра", 4.5, "after", 2025)]
    cases = [({**good, "mark": "6"}, "число от 1 до 5"), ({**good, "mark": "пять"}, "число от 1 до 5"),
             ({**good, "mark": ""}, "Укажите отметку"), ({**good, "subject": ""}, "Укажите предмет"),
             ({**good, "subject": "х" * 65}, "Не длиннее 64"), ({**good, "moment": "later"}, "до или после программы"),
             ({**good, "student": str(teacher.id)}, "Выберите ученика"), ({**good, "student": "abc"}, "Выберите ученика"),
             ({**good, "student": str(school["other_mentee"].id)}, "Выберите ученика"),
             ({**good, "student": "999999"}, "Выберите ученика")]
    for data, message in cases:
        response = as_coordinator.post("/monitoring/marks/entry?year=2025", data=data, follow_redirects=True)
        assert response.status_code == 200 and message in text(response), (data, message)
    assert TermMark.select().count() == 1 and TermMark.get().mark == 4.5  # nothing lost
    # what was typed comes back in the form to be corrected, not erased
    refused = as_coordinator.post("/monitoring/marks/entry?year=2025",
                                  data={**good, "subject": "Геометрия", "mark": "7"}, follow_redirects=True)
    page = text(refused)
    assert 'value="Геометрия"' in page and 'value="7"' in page
