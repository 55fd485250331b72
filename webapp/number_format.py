"""Numbers on a page in the reader's language: «7,44» and «20,8 %» in Russian, «7.44» and «20.8%» in
English (Babel's CLDR data for the current locale). Documents, which are always Russian, use
webapp.russian.numbers.decimal instead.
"""
from __future__ import annotations

from babel.numbers import format_decimal
from flask_babel import get_locale


def _locale():
    return get_locale() or "ru"


def decimal(value, places: int = 1, signed: bool = False) -> str:
    """``value`` with exactly ``places`` decimals in the reader's notation; a dash for no value."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * places if places else "")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return format_decimal(value, format=pattern, locale=_locale())


def number(value) -> str:
    """A number as it was given, in the reader's notation (3,5 in Russian, 3.5 in English)."""
    return format_decimal(value, locale=_locale())


def percent(value, places: int = 1) -> str:
    """A percentage already multiplied by 100: «20,8 %» / «20.8%»; a dash for no value."""
    if value is None:
        return "—"
    number = decimal(value, places)
    return f"{number}\u00a0%" if str(_locale()).startswith("ru") else f"{number}%"


def init_app(app) -> None:
    app.jinja_env.filters["decimal"] = decimal
    app.jinja_env.filters["percent"] = percent
    app.jinja_env.filters["number"] = number
