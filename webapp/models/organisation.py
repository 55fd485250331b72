"""An educational organisation (ОО). Every record of the system belongs to one."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel

KIND_LABELS = {
    "school": "Общеобразовательная организация",
    "college": "Профессиональная образовательная организация",
    "university": "Образовательная организация высшего образования",
    "other": "Иная организация",
    "regional_centre": "Региональный наставнический центр",
}


class Organisation(BaseModel):
    name = pw.CharField(max_length=300)
    short_name = pw.CharField(max_length=120)
    kind = pw.CharField(max_length=20, default="school")
    head_name = pw.CharField(max_length=200, default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)
    # requisites and document settings (migration 7)
    address = pw.CharField(max_length=300, default="")
    head_position = pw.CharField(max_length=200, default="Директор")
    inn = pw.CharField(max_length=12, default="")
    ogrn = pw.CharField(max_length=15, default="")
    year_start_month = pw.IntegerField(default=9)
    year_start_day = pw.IntegerField(default=1)
    year_end_month = pw.IntegerField(default=5)  # the last day of classes (programmes end by it)
    year_end_day = pw.IntegerField(default=31)
    order_number_pattern = pw.CharField(max_length=40, default="{n}-о")
    minor_own_consent_age = pw.IntegerField(default=0)  # 14: students from 14 sign their own consent too; 0: never
    curator = pw.DeferredForeignKey("User", null=True, on_delete="SET NULL", backref="+")
    # the region above the school and its municipality (migration 15); None/"" for a lone school
    region = pw.DeferredForeignKey("Region", null=True, on_delete="SET NULL", backref="+")
    municipality = pw.CharField(max_length=200, default="", null=True)

    @property
    def is_regional_centre(self) -> bool:
        return self.kind == "regional_centre"

    @property
    def is_school(self) -> bool:
        return self.kind == "school"

    def school_year_of(self, day: dt.date) -> int:
        """The first calendar year of the school year ``day`` falls in (2026 for 2026/2027)."""
        start = (self.year_start_month or 9, self.year_start_day or 1)
        return day.year if (day.month, day.day) >= start else day.year - 1

    def school_year_bounds(self, year: int) -> tuple[dt.date, dt.date]:
        """The first day of the school year starting in ``year`` and its last day of classes."""
        first = dt.date(year, self.year_start_month or 9, self.year_start_day or 1)
        month, day = self.year_end_month or 5, self.year_end_day or 31
        end_year = year + 1 if (month, day) < (first.month, first.day) else year
        return first, dt.date(end_year, month, day)

    def school_year_end(self, day: dt.date) -> dt.date:
        """The last day of classes of the school year ``day`` falls in (a date in summer: the next one)."""
        year = self.school_year_of(day)
        end = self.school_year_bounds(year)[1]
        return end if end >= day else self.school_year_bounds(year + 1)[1]

    def __str__(self) -> str:
        return self.short_name
