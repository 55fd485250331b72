"""Form fields and validators with Russian messages, shared by the areas' WTForms forms.

A refused field keeps what was typed (``_value`` gives the raw text back), so a form shown again
after a refusal loses nothing. Dates stay within the school years the product knows (webapp.date_range).
"""
from __future__ import annotations

import datetime as dt
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import Field, IntegerField, SelectField
from wtforms.validators import Length, StopValidation

from webapp import date_range

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")


def strip(value):
    """A WTForms filter: text without the spaces around it."""
    return value.strip() if isinstance(value, str) else value


def too_long(label, limit: int) -> Length:
    return Length(max=limit, message=_l("Поле «%(field)s» — не длиннее %(limit)s символов.", field=label, limit=limit))


class ParsedField(Field):
    """One value parsed from what was typed or posted: what was typed is shown again, an empty value leaves
    ``data`` None, and ``message`` replaces a subclass's default text for a value that does not parse."""

    def __init__(self, *args, message=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else self.shown(self.data)

    def process_formdata(self, valuelist) -> None:
        text = (valuelist[0] if valuelist else "").strip()
        self.data = None  # stays None when the text does not parse
        if text:
            self.data = self.parse(text)

    def parse(self, text: str):
        raise NotImplementedError

    def shown(self, data) -> str:
        return str(data)


class SchoolDateField(ParsedField):
    """A date typed as ГГГГ-ММ-ДД (what <input type=date> sends) or ДД.ММ.ГГГГ, within the product's years.

    ``message`` replaces the default text for a value that is not a date at all."""

    def shown(self, data) -> str:
        return data.isoformat()

    def parse(self, text: str):
        for fmt in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            if not date_range.within(day):
                raise ValueError(date_range.range_message())
            return day
        raise ValueError(str(self.message) if self.message else
                         _("Дата «%(date)s» не распознана. Используйте формат ДД.ММ.ГГГГ.", date=text[:20]))


class ValueRequired:
    """A field that got no value (a date, an id) is refused with ``message``; a value that did not parse
    keeps its own message."""

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


class RecordIdField(ParsedField):
    """A record's id posted by a form (a hidden field, a select's value). ``data`` is the id, or None when nothing
    was sent; anything that is not an id (words, a number past what the database holds) is refused with
    ``message``. Whether the record exists and is the person's to touch is the view's check (404)."""

    def parse(self, text: str):
        from webapp.ids import parse_id
        found = parse_id(text)
        if found is None:
            raise ValueError(str(self.message or _("Запись не найдена.")))
        return found


class RequestKeyField(Field):
    """The hidden key that makes a twice-submitted form start one background task. A key that is not one
    (forged, over-long) is dropped — the task queue then makes a new key, as for a form without one."""

    def _value(self) -> str:
        return self.data or ""

    def process_formdata(self, valuelist) -> None:
        from webapp.tasks.lifecycle import REQUEST_KEY
        text = valuelist[0] if valuelist else ""
        self.data = text if isinstance(text, str) and REQUEST_KEY.fullmatch(text) else ""


class IdSelectField(SelectField):
    """A select of records, ``(id, label)`` choices: a value that is not an id (or none) is refused with
    ``message``; whether the id is one the person may choose is the service's check."""

    def __init__(self, *args, message, **kwargs):
        super().__init__(*args, coerce=int, validate_choice=False, **kwargs)
        self.message = message

    def process_formdata(self, valuelist) -> None:
        from webapp.ids import parse_id
        self.data = parse_id(valuelist[0] if valuelist else "")
        if self.data is None:
            raise ValueError(str(self.message))

    def pre_validate(self, form) -> None:
        if self.data is None and not self.errors:
            raise StopValidation(str(self.message))
