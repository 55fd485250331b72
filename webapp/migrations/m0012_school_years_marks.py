"""School years and term marks: the organisation's first day of the school year ("MM-DD", empty =
1 September) and term marks of students in a subject before and after a school year's mentoring."""
import datetime as dt

import peewee as pw
from playhouse.migrate import migrate

from webapp.migrations.frozen import FrozenModel as _Base, Organisation, User

VERSION = 12


class TermMark(_Base):
    organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    school_year = pw.IntegerField()  # the calendar year the school year began in
    moment = pw.CharField(max_length=10)  # before | after
    subject = pw.CharField(max_length=64)
    mark = pw.FloatField()
    imported_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("user", "school_year", "moment", "subject"), True),
                   (("organisation", "school_year"), False))


def upgrade(db, migrator):
    # the school year's first day is the organisation's requisite (year_start_month/day, migration 7)
    with db.bind_ctx([TermMark, Organisation, User]):
        db.create_tables([TermMark])
