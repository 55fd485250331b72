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
}


class Organisation(BaseModel):
    name = pw.CharField(max_length=300)
    short_name = pw.CharField(max_length=120)
    kind = pw.CharField(max_length=20, default="school")
    head_name = pw.CharField(max_length=200, default="")
    school_year_start = pw.CharField(max_length=5, null=True)  # "MM-DD"; "" = 1 September (migration 12)
    created_at = pw.DateTimeField(default=dt.datetime.now)

    @property
    def is_school(self) -> bool:
        return self.kind == "school"

    def __str__(self) -> str:
        return self.short_name
