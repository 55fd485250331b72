"""Numbers with nouns (three Russian forms by the CLDR plural rules Babel carries), dates, classes
and decimals as official Russian writes them."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale

MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                   "октября", "ноября", "декабря")
_RUSSIAN = Locale.parse("ru")


def plural_category(number: int) -> str:
    """CLDR category of ``number`` in Russian: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 111)."""
    return _RUSSIAN.plural_form(abs(int(number)))


def agree(number: int, one: str, few: str, many: str) -> str:
    """The noun form agreeing with ``number``: agree(21, "пара", "пары", "пар") → «пара»."""
    return {"one": one, "few": few}.get(plural_category(number), many)


def count(number: int, one: str, few: str, many: str) -> str:
    """«21 пара», «42 пары», «111 наставников»."""
    return f"{number} {agree(number, one, few, many)}"


def short_date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def long_date(value: dt.date | None) -> str:
    """«1 октября 2026 г.»"""
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year} г." if value else ""


def quoted_date(value: dt.date | None) -> str:
    """«01» октября 2026 г. (approval stamps)."""
    return f"«{value.day:02d}» {MONTHS_GENITIVE[value.month - 1]} {value.year} г." if value else ""


def class_parts(class_name: str) -> tuple[str, str]:
    """"6Б", "6 б", "6-Б", "10 «А»" → ("6", "Б")."""
    text = (class_name or "").replace("«", "").replace("»", "").replace("-", "").replace(" ", "")
    digits = "".join(ch for ch in text if ch.isdigit())
    letter = text[len(digits):].upper() if text.startswith(digits) else ""
    return digits, letter


def class_label(class_name: str) -> str:
    """«6 «Б» класс»."""
    digits, letter = class_parts(class_name)
    if not digits:
        return class_name
    return f"{digits} «{letter}» класс" if letter else f"{digits} класс"


def class_genitive(class_name: str) -> str:
    """«6 «Б» класса» (обучающийся 6 «Б» класса)."""
    label = class_label(class_name)
    return label[:-len("класс")] + "класса" if label.endswith("класс") else label


def decimal(value, places: int = 1) -> str:
    """3.5 → «3,5»; a decimal comma, no thousands separator clutter."""
    quantum = Decimal(1).scaleb(-places)
    return str(Decimal(str(value)).quantize(quantum)).replace(".", ",")
