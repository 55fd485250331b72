"""Form fields with Russian messages, shared by the programme-life areas."""
from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from wtforms import DateField


class RuDateField(DateField):
    """A date (YYYY-MM-DD from <input type=date>, or ДД.ММ.ГГГГ) with a Russian error."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", ["%Y-%m-%d", "%d.%m.%Y"])
        kwargs.setdefault("render_kw", {"type": "date"})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not (valuelist[0] or "").strip():
            self.data = None
            return
        raw = valuelist[0].strip()
        for fmt in self.format:
            try:
                self.data = dt.datetime.strptime(raw, fmt).date()
                if not 1900 <= self.data.year <= 2100:
                    break
                return
            except ValueError:
                continue
        self.data = None
        raise ValueError(_l("Введите дату в формате ДД.ММ.ГГГГ."))
