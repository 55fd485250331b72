"""School years: the organisation's year boundaries (1 September – 31 August unless the school sets
another first day), which year a date falls in, and the years a school has monitoring data for.

A school year is named by the calendar year it begins in (2025 → «2025/2026»); a pair belongs to
the year its work started in.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from webapp.user_errors import UserError

DEFAULT_START = (9, 1)


class SchoolYearError(UserError):
    """A first day of the school year that is not a real day of the year."""


@dataclass(frozen=True)
class SchoolYear:
    start_year: int
    month: int = DEFAULT_START[0]
    day: int = DEFAULT_START[1]

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start_year, self.month, self.day)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.start_year + 1, self.month, self.day) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.start_year}/{self.start_year + 1}"

    def contains(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day

    def previous(self) -> "SchoolYear":
        return SchoolYear(self.start_year - 1, self.month, self.day)


def parse_start(text: str) -> tuple[int, int]:
    """"MM-DD" → (month, day); "" → 1 September. 29 February is refused (not every year has it)."""
    text = (text or "").strip()
    if not text:
        return DEFAULT_START
    try:
        month, day = (int(part) for part in text.split("-"))
        dt.date(2023, month, day)
    except (ValueError, TypeError):
        raise SchoolYearError("Первый день учебного года задаётся как ММ-ДД, например 09-01.") from None
    return month, day


def start_of(organisation) -> tuple[int, int]:
    """The school's first day of the year: the organisation's requisite (set here or with the
    requisites of the documents area), 1 September when unset or impossible."""
    month = getattr(organisation, "year_start_month", None) or DEFAULT_START[0]
    day = getattr(organisation, "year_start_day", None) or DEFAULT_START[1]
    try:
        dt.date(2023, month, day)
    except (ValueError, TypeError):
        return DEFAULT_START
    return month, day


def start_text(organisation) -> str:
    month, day = start_of(organisation)
    return f"{month:02d}-{day:02d}"


def year_of(organisation, day: dt.date) -> SchoolYear:
    month, first = start_of(organisation)
    start_year = day.year if (day.month, day.day) >= (month, first) else day.year - 1
    return SchoolYear(start_year, month, first)


def current(organisation, today: dt.date | None = None) -> SchoolYear:
    return year_of(organisation, today or dt.date.today())


def of_start_year(organisation, start_year: int) -> SchoolYear:
    month, day = start_of(organisation)
    return SchoolYear(start_year, month, day)


def pair_years(organisation) -> set[int]:
    """The first calendar years of the school years a pair of the school started in."""
    return _pair_years(organisation)


def _pair_years(organisation) -> set[int]:
    from webapp.models import MentoringGroup
    days = [row[0] for row in MentoringGroup.select(MentoringGroup.started_on)
            .where(MentoringGroup.organisation == organisation).distinct().tuples()]
    return {year_of(organisation, d).start_year for d in days if d}


def years_with_pairs(organisation) -> list[SchoolYear]:
    """Every school year a pair of the school started in, the current one and the one before it
    (marks of last year can be loaded before any pair); newest first."""
    now = current(organisation).start_year
    years = _pair_years(organisation) | {now, now - 1}
    return [of_start_year(organisation, y) for y in sorted(years, reverse=True)]


def chosen(organisation, raw: str | None) -> SchoolYear:
    """The year asked for in ``?year=`` if the school has it; else the current year when it has
    pairs, else the latest year with pairs, else the current year."""
    years = years_with_pairs(organisation)
    if raw and raw.strip().isdigit():
        wanted = int(raw)
        for year in years:
            if year.start_year == wanted:
                return year
    with_pairs = _pair_years(organisation)
    now = current(organisation)
    if now.start_year in with_pairs or not with_pairs:
        return now
    return of_start_year(organisation, max(with_pairs))


def set_start(organisation, text: str) -> tuple[int, int]:
    """Store the school's first day of the year ("MM-DD"; empty = 1 September)."""
    from webapp.db import database
    from webapp.models import Organisation
    text = (text or "").strip()
    if len(text) > 5:
        raise SchoolYearError("Первый день учебного года задаётся как ММ-ДД, например 09-01.")
    month, day = parse_start(text)
    with database.atomic():
        Organisation.update(year_start_month=month, year_start_day=day).where(
            Organisation.id == organisation.id).execute()
    organisation.year_start_month, organisation.year_start_day = month, day
    return month, day
