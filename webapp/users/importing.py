"""Importing accounts from a CSV (UTF-8 or Windows-1251) or XLSX file.

Every row is checked first; then, in one transaction, either all valid rows go in (the report lists
the rows left out and why) or, when the coordinator asked for it, nothing goes in unless the whole
file is clean. A failure half-way rolls the whole import back.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

from flask_babel import gettext as _

from webapp import archives
from webapp.db import database
from webapp.input_text import clean
from webapp.labels import CATEGORY_ALIASES
from webapp.users.accounts import AccountData, create_account, login_taken, normalise_class, validate
from webapp.user_errors import UserError

MAX_ROWS = 5000

COLUMN_ALIASES = {
    "full_name": {"фио", "ф.и.о.", "ф. и. о.", "фамилия имя отчество", "full name", "name"},
    "category": {"категория", "категория участника", "category"},
    "class_or_position": {"класс/должность", "класс / должность", "класс", "должность", "class/position"},
    "subjects": {"предметы", "предмет", "subjects"},
    "email": {"e-mail", "email", "эл. почта", "электронная почта", "почта"},
    "login": {"логин", "login"},
    "roles": {"роль", "роли", "roles", "role"},
}
REQUIRED_COLUMNS = ("full_name", "category")
EXPECTED_HEADER = "ФИО; категория; класс/должность; предметы; e-mail; логин; роль"

ROLE_ALIASES = {
    "наставник": "mentor", "mentor": "mentor",
    "наставляемый": "mentee", "mentee": "mentee",
    "куратор": "coordinator", "coordinator": "coordinator",
    "администратор": "admin", "admin": "admin",
}
DEFAULT_ROLES = {"student": ["mentee"], "teacher": ["mentor"], "university_student": ["mentor"], "employer": ["mentor"]}


class ImportFileError(UserError):
    """The file as a whole cannot be read; the message is for the coordinator."""


@dataclass
class RowProblem:
    row: int
    messages: list[str]


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    skipped_empty: int = 0
    committed: bool = False


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError("Не удалось прочитать файл: сохраните его в кодировке UTF-8 или Windows-1251.")


def _read_csv(raw: bytes) -> list[list[str]]:
    text = _decode(raw)
    if "\x00" in text:
        raise ImportFileError("Файл не похож на CSV-таблицу.")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        class dialect(csv.excel):
            delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


# A people list of MAX_ROWS rows is a few megabytes once unpacked.
XLSX_LIMITS = archives.ArchiveLimits(max_members=500, max_member_size=16 * archives.MB,
                                     max_total_size=48 * archives.MB)


def _read_xlsx(raw: bytes) -> list[list[str]]:
    from openpyxl import load_workbook
    try:
        archives.open_checked(raw, XLSX_LIMITS).close()
    except archives.ArchiveRejected as exc:
        if exc.code == "not_zip":
            raise ImportFileError("Файл не похож на таблицу Excel (.xlsx).") from exc
        raise ImportFileError("Файл .xlsx распаковывается в слишком большой объём: сохраните таблицу заново "
                              "или разделите её на несколько файлов.") from exc
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError("Файл не похож на таблицу Excel (.xlsx).") from exc
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(["" if v is None else clean(str(v)).strip() for v in row])
        if len(rows) > MAX_ROWS + 1:
            break
    book.close()
    return rows


def read_table(filename: str, raw: bytes) -> list[list[str]]:
    name = (filename or "").lower()
    if not raw:
        raise ImportFileError("Файл пуст.")
    if name.endswith(".xlsx"):
        return _read_xlsx(raw)
    if name.endswith(".csv") or name.endswith(".txt"):
        return _read_csv(raw)
    raise ImportFileError("Поддерживаются файлы .csv и .xlsx.")


def map_header(header: list[str]) -> dict[str, int]:
    mapping = {}
    for index, title in enumerate(header):
        key = " ".join(str(title).strip().lower().replace("ё", "е").split())
        for column, aliases in COLUMN_ALIASES.items():
            if key in aliases and column not in mapping:
                mapping[column] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in mapping]
    if missing:
        raise ImportFileError("В первой строке файла не найдены нужные столбцы (обязательны «ФИО» и «категория»). "
              "Ожидаемые заголовки: %(header)s.", header=EXPECTED_HEADER)
    return mapping


def _cell(row: list[str], mapping: dict[str, int], column: str) -> str:
    index = mapping.get(column)
    if index is None or index >= len(row):
        return ""
    return clean(str(row[index])).strip()


def row_to_account(row: list[str], mapping: dict[str, int],
                   allowed_roles: frozenset[str] | None = None) -> tuple[AccountData, list[str]]:
    errors = []
    category_text = _cell(row, mapping, "category").lower().replace("ё", "е")
    category = CATEGORY_ALIASES.get(category_text, "")
    if not category:
        errors.append(_("Неизвестная категория «%(category)s»: допустимы педагог, обучающийся, "
                        "студент, представитель работодателя.", category=category_text[:40]))
    class_or_position = _cell(row, mapping, "class_or_position")
    roles_text = _cell(row, mapping, "roles").lower()
    roles = []
    for word in roles_text.replace(",", ";").split(";"):
        word = word.strip()
        if not word:
            continue
        if word not in ROLE_ALIASES:
            errors.append(_("Неизвестная роль «%(role)s»: допустимы наставник, наставляемый.", role=word[:40]))
        elif allowed_roles is not None and ROLE_ALIASES[word] not in allowed_roles:
            # the same rule as the «Добавить» form: a coordinator cannot make coordinators or administrators
            errors.append(_("Роль «%(role)s» вы назначить не можете.", role=word[:40]))
        else:
            roles.append(ROLE_ALIASES[word])
    if not roles_text:
        roles = list(DEFAULT_ROLES.get(category, ["mentee"]))
    data = AccountData(
        full_name=_cell(row, mapping, "full_name"),
        category=category or "unknown",
        class_name=class_or_position if category == "student" else "",
        position="" if category == "student" else class_or_position,
        subjects=[s for s in _cell(row, mapping, "subjects").replace(",", ";").split(";") if s.strip()],
        email=_cell(row, mapping, "email"),
        login=_cell(row, mapping, "login").lower(),
        roles=roles,
    )
    if category:
        errors.extend(validate(data))
    return data, errors


def import_accounts(organisation, filename: str, raw: bytes, *, actor=None, strict: bool = False,
                    allowed_roles=None) -> ImportReport:
    """``allowed_roles``: the roles the importing person may hand out (None: any)."""
    allowed_roles = frozenset(allowed_roles) if allowed_roles is not None else None
    rows = read_table(filename, raw)
    if not rows:
        raise ImportFileError("Файл пуст.")
    mapping = map_header(rows[0])
    body = rows[1:]
    if len(body) > MAX_ROWS:
        raise ImportFileError("Слишком много строк: не более %(limit)s за один раз.", limit=MAX_ROWS)
    report = ImportReport()
    valid: list[AccountData] = []
    seen_people: dict[tuple, int] = {}
    seen_logins: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    for number, row in enumerate(body, start=2):
        if not any(str(cell).strip() for cell in row):
            report.skipped_empty += 1
            continue
        data, errors = row_to_account(row, mapping, allowed_roles)
        person = (data.full_name.lower(), data.category, normalise_class(data.class_name))
        if person in seen_people:
            errors.append(_("Повтор строки %(row)s: тот же человек уже есть в файле.", row=seen_people[person]))
        if data.login:
            if data.login in seen_logins:
                errors.append(_("Логин «%(login)s» уже указан в строке %(row)s.", login=data.login,
                                row=seen_logins[data.login]))
            elif login_taken(data.login):
                errors.append(_("Логин «%(login)s» уже занят.", login=data.login))
        if data.email:
            if data.email.lower() in seen_emails:
                errors.append(_("E-mail уже указан в строке %(row)s.", row=seen_emails[data.email.lower()]))
        if errors:
            report.problems.append(RowProblem(number, errors))
            continue
        seen_people[person] = number
        if data.login:
            seen_logins[data.login] = number
        if data.email:
            seen_emails[data.email.lower()] = number
        valid.append(data)
    if strict and report.problems:
        return report
    taken = set(seen_logins)
    with database.atomic():
        for data in valid:
            user = create_account(organisation, data, actor=actor, taken=taken)
            taken.add(user.login)
            report.created.append(user)
    report.committed = True
    return report
