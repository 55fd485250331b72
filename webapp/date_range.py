"""The dates the product knows: school years from 2000 to five years ahead.

A date outside this range (9999-12-31, year 1) is refused at the form, so no stored value can
break a page that counts days from it or prints it in a document.
"""
from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(2000, 1, 1)
YEARS_AHEAD = 5


def latest(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return dt.date(today.year + YEARS_AHEAD, 12, 31)


def within(day: dt.date, today: dt.date | None = None) -> bool:
    return EARLIEST <= day <= latest(today)


RANGE_MESSAGE = "Дата должна быть не раньше %(first)s и не позже %(last)s."


def range_params() -> dict:
    return dict(first=EARLIEST.strftime("%d.%m.%Y"), last=latest().strftime("%d.%m.%Y"))


def range_message() -> str:
    from flask_babel import gettext as _
    return _("Дата должна быть не раньше %(first)s и не позже %(last)s.", **range_params())
