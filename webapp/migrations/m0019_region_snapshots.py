"""The regional table of a school year kept in the database (JSON) with the fingerprint of the data it
was built from, so every app server shows the same last build and a worker rebuilds it."""
import datetime as dt

import peewee as pw

from webapp.migrations.frozen import FrozenModel as _Base

VERSION = 19


class Region(_Base):
    class Meta:
        table_name = "region"


class RegionSnapshot(_Base):
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    start_year = pw.IntegerField()
    fingerprint = pw.TextField()
    data = pw.TextField()
    built_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("region", "start_year"), True),)


def upgrade(db, migrator):
    with db.bind_ctx([RegionSnapshot, Region]):
        db.create_tables([RegionSnapshot])
