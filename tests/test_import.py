"""Importing accounts from CSV (UTF-8, Windows-1251) and XLSX: all valid rows or nothing."""
from __future__ import annotations

import io

from openpyxl import Workbook

from tests.conftest import text
from webapp.models import User

HEADER = "ФИО;категория;класс/должность;предметы;e-mail;логин;роль"
ROWS = [
    "Гусева Мария Петровна;обучающийся;8А;математика;;;наставляемый",
    "Орлов Денис Андреевич;педагог;учитель физики;физика; орлов@школа.рф;orlov.da;наставник, наставляемый",
    "Ким Алина Сергеевна;студент;педагогический университет;английский язык;kim@example.ru;;",
]


def _post(client, filename, payload, strict=False):
    data = {"file": (io.BytesIO(payload), filename)}
    if strict:
        data["strict"] = "y"
    return client.post("/users/import", data=data, content_type="multipart/form-data")


def _csv(rows, encoding="utf-8"):
    return ("\n".join([HEADER, *rows]) + "\n").encode(encoding)


def _names(org):
    return {u.full_name for u in User.select().where(User.organisation == org)}


def test_utf8_csv_imports_every_valid_row(as_coordinator, school):
    response = _post(as_coordinator, "people.csv", _csv(ROWS))
    body = text(response)
    assert response.status_code == 200 and "Добавлено участников: 3." in body
    maria = User.get(User.full_name == "Гусева Мария Петровна")
    assert (maria.category, maria.class_name, maria.role_set) == ("student", "8А", frozenset({"mentee"}))
    denis = User.get(User.login == "orlov.da")
    assert denis.role_set == {"mentor", "mentee"} and denis.position == "учитель физики"
    assert User.get(User.full_name == "Ким Алина Сергеевна").role_set == {"mentor"}  # default for students of universities
    assert body.count("/invite/") == 3


def test_windows_1251_csv_is_read(as_coordinator, school):
    response = _post(as_coordinator, "people.csv", _csv(ROWS[:1], "cp1251"))
    assert "Добавлено участников: 1." in text(response)
    assert "Гусева Мария Петровна" in _names(school["org"])


def test_xlsx_is_read(as_coordinator, school):
    book = Workbook()
    sheet = book.active
    sheet.append(["ФИО", "Категория", "Класс/должность", "Предметы"])
    sheet.append(["Лебедева Софья Олеговна", "обучающийся", "6Б", "биология; химия"])
    sheet.append([None, None, None, None])
    sheet.append(["Яковлев Глеб Юрьевич", "учитель", "учитель истории", "история"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = _post(as_coordinator, "people.xlsx", buffer.getvalue())
    body = text(response)
    assert "Добавлено участников: 2." in body and "Пустых строк пропущено: 1." in body
    assert User.get(User.full_name == "Лебедева Софья Олеговна").subject_list == ["биология", "химия"]


def test_bad_rows_are_reported_and_valid_rows_go_in(as_coordinator, school):
    rows = ROWS[:1] + [
        ";педагог;;;;;",                                      # no name
        "Петров Пётр;космонавт;;;;;",                         # unknown category
        "Сидоров Иван;обучающийся;;;;;",                      # student without class
        "Гусева Мария Петровна;обучающийся;8А;математика;;;", # duplicate of row 2
        "Новый Учитель;педагог;;;;mentor;",                   # login taken
        ";;;;;;",                                             # empty
        "Фролов Фрол;педагог;;;bad-email;;",                  # bad e-mail
        "Фролова Фрида;педагог;;;;;директор",                 # unknown role
    ]
    response = _post(as_coordinator, "people.csv", _csv(rows))
    body = text(response)
    assert "Добавлено участников: 1." in body
    for message in ["Не указаны ФИО.", "Неизвестная категория «космонавт»", "укажите класс",
                    "Повтор строки 2", "Логин «mentor» уже занят.", "электронной почты указан неверно",
                    "Неизвестная роль «директор»", "Пустых строк пропущено: 1."]:
        assert message in body, message
    assert "Строки с ошибками (не импортированы): 7" in body


def test_strict_mode_imports_nothing_when_any_row_is_bad(as_coordinator, school):
    before = _names(school["org"])
    response = _post(as_coordinator, "people.csv", _csv(ROWS + ["Без Категории;;;;;;"]), strict=True)
    assert "Ничего не импортировано" in text(response)
    assert _names(school["org"]) == before


def test_failure_half_way_rolls_everything_back(app, as_coordinator, school, monkeypatch):
    from webapp.users import importing
    app.config["TEST_ERROR_PAGES"] = True  # the user sees the 500 page, not a traceback
    real = importing.create_account
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "create_account", failing)
    before = _names(school["org"])
    response = _post(as_coordinator, "people.csv", _csv(ROWS))
    assert response.status_code == 500
    assert _names(school["org"]) == before


def test_whole_file_problems(as_coordinator, school):
    cases = [
        ("people.csv", b"name;email\nx;y\n", "не найдены нужные столбцы"),
        ("people.csv", b"", "Файл пуст."),
        ("people.pdf", b"%PDF-1.4", "Поддерживаются файлы .csv и .xlsx."),
        ("people.xlsx", b"this is not a zip", "не похож на таблицу Excel"),
        ("people.csv", "ФИО;категория\n".encode("utf-16"), "Файл не похож на CSV-таблицу."),
    ]
    for filename, payload, message in cases:
        response = _post(as_coordinator, filename, payload)
        assert response.status_code == 400, filename
        assert message in text(response), (filename, text(response)[-800:])
    assert _post(as_coordinator, "", b"").status_code == 400


def test_ten_megabyte_file_is_refused_clearly(as_coordinator, school):
    before = _names(school["org"])
    response = _post(as_coordinator, "big.csv", _csv(ROWS) + b"x" * (10 * 1024 * 1024))
    assert response.status_code == 413
    assert "Файл слишком большой" in text(response)
    assert _names(school["org"]) == before


def test_import_goes_into_the_coordinators_organisation_only(as_coordinator, school):
    _post(as_coordinator, "people.csv", _csv(ROWS[:1]))
    assert User.get(User.full_name == "Гусева Мария Петровна").organisation_id == school["org"].id
