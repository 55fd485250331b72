"""Form fields and validators with Russian messages, shared by the areas' WTForms forms.

A refused field keeps what was typed (``_value`` gives the raw text back), so a form shown again
after a refusal loses nothing. Dates stay within the school years the product knows (webapp.date_range).
"""
from __future__ import annotations

import datetime as dt
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import Field, IntegerField
from wtforms.validators import Length, StopValidation

from webapp import date_range

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")


def strip(value):
    """A WTForms filter: text without the spaces around it."""
    return value.strip() if isinstance(value, str) else value


def too_long(label, limit: int) -> Length:
    return Length(max=limit, message=_l("Поле «%(field)s» — не длиннее %(limit)s символов.", field=label, limit=limit))


class SchoolDateField(Field):
    """A date typed as ГГГГ-ММ-ДД (what <input type=date> sends) or ДД.ММ.ГГГГ, within the product's years.

    ``message`` replaces the default text for a value that is not a date at all."""

    def __init__(self, *args, message=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return self.data.isoformat() if self.data else ""

    def process_formdata(self, valuelist) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        self.data = None
        if not text:
            return
        for fmt in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            if not date_range.within(day):
                raise ValueError(date_range.range_message())
            self.data = day
            return
        raise ValueError(str(self.message) if self.message else
                         _("Дата «%(date)s» не распознана. Используйте формат ДД.ММ.ГГГГ.", date=text[:20]))


class DateRequired:
    """An empty date is refused with ``message``; a date that did not parse keeps its own message."""

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field) -> None:
        if field.data is None and not field.errors:
            raise StopValidation(self.message)


class WholeNumberField(IntegerField):
    """A whole number from ``low`` to ``high``; anything else is refused with Russian messages (not WTForms'
    English ones). What was typed stays in the field."""

    def __init__(self, *args, low: int, high: int, message=None, range_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.low, self.high, self.message, self.range_message = low, high, message, range_message

    def process_formdata(self, valuelist) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        self.data = None
        if not WHOLE_NUMBER.fullmatch(text):
            raise ValueError(self.message)
        value = int(text)
        if not self.low <= value <= self.high:
            raise ValueError(self.range_message)
        self.data = value


class TextRequired:
    """Empty (or only spaces) text is refused with ``message``."""

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field) -> None:
        if not (field.data or "").strip():
            raise StopValidation(self.message)


def required(label) -> TextRequired:
    return TextRequired(_l("Заполните поле «%(field)s».", field=label))
