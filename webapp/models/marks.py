"""Students' term marks in a subject, before and after a school year's mentoring (imported from the
electronic journal's export or entered)."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel
from webapp.models.organisation import Organisation
from webapp.models.user import User

BEFORE, AFTER = "before", "after"
MOMENTS = (BEFORE, AFTER)


class TermMark(BaseModel):
    organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    school_year = pw.IntegerField()  # the calendar year the school year began in
    moment = pw.CharField(max_length=10)  # before | after
    subject = pw.CharField(max_length=64)  # matching.catalogue.SUBJECTS key
    mark = pw.FloatField()
    imported_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("user", "school_year", "moment", "subject"), True),
                   (("organisation", "school_year"), False))
