"""Importing term marks from an export of the electronic journal (CSV or XLSX), in two steps.

1. ``read_upload`` reads the file into rows through the people import's reader (an XLSX is a zip:
   webapp.archives checks its members and sizes before anything inflates);
   the rows wait in a JSON file under the instance folder, named by a random token.
2. ``check`` maps the coordinator's chosen columns (person, subject, mark) and checks every row:
   unknown person, a name two people share, an empty subject, a mark that is not a number from 1
   to 5, the same person and subject twice. ``apply`` stores only the rows without a problem
   (replacing an earlier mark of the same person, year, moment and subject) in one transaction.
"""
from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from webapp.db import database
from webapp.models import TermMark, User
from webapp.models.marks import MOMENTS
from webapp.user_errors import UserError
from webapp.users.importing import MAX_ROWS, read_table

MAX_FILE = 5 * 1024 * 1024
TOKEN = re.compile(r"^[0-9a-f]{32}$")
ROLES = ("person", "subject", "mark")
PROBLEM_LABELS = {
    "no_person": "не указан ученик",
    "unknown_person": "ученик не найден в школе",
    "ambiguous_person": "несколько человек с таким ФИО: укажите логин",
    "no_subject": "не указан предмет",
    "long_subject": "название предмета длиннее 64 символов",
    "bad_mark": "отметка не число от 1 до 5",
    "duplicate": "тот же ученик и предмет в строке %(row)s",
}


class MarksImportError(UserError):
    """The file or the mapping as a whole cannot be used."""


def _folder(storage: str) -> Path:
    folder = Path(storage) / "imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def read_upload(organisation_id: int, filename: str, raw: bytes, storage: str) -> str:
    """Read the file, keep its rows for the mapping step; returns the token naming them."""
    if len(raw) > MAX_FILE:
        raise MarksImportError("Файл больше %(mb)s МБ.", mb=MAX_FILE // (1024 * 1024))
    rows = [r for r in read_table(filename, raw) if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise MarksImportError("В файле нет строк с отметками: нужна строка заголовков и хотя бы одна строка.")
    if len(rows) > MAX_ROWS + 1:
        raise MarksImportError("Слишком много строк: не более %(limit)s за один раз.", limit=MAX_ROWS)
    token = secrets.token_hex(16)
    (_folder(storage) / f"{token}.json").write_text(
        json.dumps({"organisation": organisation_id, "rows": rows}, ensure_ascii=False), encoding="utf-8")
    return token


def load_rows(organisation_id: int, token: str, storage: str) -> list[list[str]]:
    path = _folder(storage) / f"{token}.json" if TOKEN.match(token or "") else None
    if path is None or not path.exists():
        raise MarksImportError("Загруженный файл не найден: загрузите его ещё раз.")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("organisation") != organisation_id:
        raise MarksImportError("Загруженный файл не найден: загрузите его ещё раз.")
    return data["rows"]


def forget(token: str, storage: str) -> None:
    if TOKEN.match(token or ""):
        (_folder(storage) / f"{token}.json").unlink(missing_ok=True)


def guess(header: list[str]) -> dict[str, int]:
    """A first guess of the mapping from the header's words."""
    words = {"person": ("фио", "ученик", "обучающийся", "логин", "фамилия"), "subject": ("предмет",),
             "mark": ("отметка", "оценка", "балл", "итог")}
    result = {}
    for role, hints in words.items():
        for index, title in enumerate(header):
            if any(h in title.lower() for h in hints) and index not in result.values():
                result[role] = index
                break
    return result


@dataclass
class Row:
    number: int  # row number in the file (header = 1)
    user: object = None
    subject: str = ""
    mark: float | None = None
    problems: list[tuple[str, dict]] = field(default_factory=list)  # (code, parameters)


@dataclass
class Checked:
    rows: list[Row]

    @property
    def good(self) -> list[Row]:
        return [r for r in self.rows if not r.problems]

    @property
    def bad(self) -> list[Row]:
        return [r for r in self.rows if r.problems]


def _fold(text: str) -> str:
    return " ".join((text or "").casefold().replace("ё", "е").split())


def _mark(text: str) -> float | None:
    text = (text or "").strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 1 <= value <= 5 else None


def check(organisation, rows: list[list[str]], mapping: dict[str, int]) -> Checked:
    header = rows[0]
    if set(mapping) != set(ROLES) or any(not 0 <= i < len(header) for i in mapping.values()):
        raise MarksImportError("Укажите столбцы с учеником, предметом и отметкой.")
    if len(set(mapping.values())) != len(ROLES):
        raise MarksImportError("Ученик, предмет и отметка должны быть в разных столбцах.")
    people = list(User.select(User.id, User.login, User.full_name, User.category)
                  .where(User.organisation == organisation))
    by_login = {p.login.casefold(): p for p in people}
    by_name: dict[str, list] = {}
    for p in people:
        by_name.setdefault(_fold(p.full_name), []).append(p)
    result, seen = [], {}
    for number, raw in enumerate(rows[1:], start=2):
        cell = lambda role: raw[mapping[role]].strip() if mapping[role] < len(raw) else ""  # noqa: E731
        row = Row(number)
        who = cell("person")
        person = by_login.get(who.casefold())
        matches = [person] if person else by_name.get(_fold(who), [])
        if not who:
            row.problems.append(("no_person", {}))
        elif not matches:
            row.problems.append(("unknown_person", {}))
        elif len(matches) > 1:
            row.problems.append(("ambiguous_person", {}))
        else:
            row.user = matches[0]
        row.subject = _fold(cell("subject"))
        if not row.subject:
            row.problems.append(("no_subject", {}))
        elif len(row.subject) > 64:
            row.problems.append(("long_subject", {}))
        row.mark = _mark(cell("mark"))
        if row.mark is None:
            row.problems.append(("bad_mark", {}))
        if row.user is not None and row.subject:
            key = (row.user.id, row.subject)
            if key in seen:
                row.problems.append(("duplicate", {"row": seen[key].number}))
                if not any(code == "duplicate" for code, _p in seen[key].problems):
                    seen[key].problems.append(("duplicate", {"row": number}))
            else:
                seen[key] = row
        result.append(row)
    return Checked(result)


def apply(organisation, checked: Checked, school_year: int, moment: str) -> int:
    """Store the rows without problems; returns how many marks were stored."""
    if moment not in MOMENTS:
        raise MarksImportError("Выберите, к какому моменту относятся отметки: до или после программы.")
    good = checked.good
    with database.atomic():
        for row in good:
            TermMark.delete().where((TermMark.user == row.user.id) & (TermMark.school_year == school_year)
                                    & (TermMark.moment == moment) & (TermMark.subject == row.subject)).execute()
            TermMark.create(organisation=organisation, user=row.user.id, school_year=school_year, moment=moment,
                            subject=row.subject, mark=row.mark)
    return len(good)
