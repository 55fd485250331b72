"""The region: regions above organisations (a school's region and municipality), the regional pool of
remote mentors with both sides' consents, remote pairs, the regional collection of best practices and
its contests."""
import datetime as dt

import peewee as pw
from playhouse.migrate import migrate

from webapp.migrations.frozen import FrozenModel as _Base, MentoringGroup, Organisation, User

VERSION = 15


class Practice(_Base):
    class Meta:
        table_name = "practice"


class Region(_Base):
    name = pw.CharField(max_length=200, unique=True)
    created_at = pw.DateTimeField(default=dt.datetime.now)


class PoolMember(_Base):
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    joined_at = pw.DateTimeField(default=dt.datetime.now)
    left_at = pw.DateTimeField(null=True)


class RemoteConsent(_Base):
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    consented_at = pw.DateTimeField(default=dt.datetime.now)
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    withdrawn_at = pw.DateTimeField(null=True)


class RemotePair(_Base):
    group = pw.ForeignKeyField(MentoringGroup, backref="+", on_delete="CASCADE", unique=True)
    mentor = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    mentee = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    mentee_organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    mentor_organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    confirmed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    confirmed_at = pw.DateTimeField(default=dt.datetime.now)


class RegionalPractice(_Base):
    practice = pw.ForeignKeyField(Practice, backref="+", on_delete="CASCADE", unique=True)
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    description = pw.TextField(default="")
    form = pw.CharField(max_length=40, default="")
    tags = pw.CharField(max_length=300, default="")
    status = pw.CharField(max_length=20, default="submitted")
    review_note = pw.CharField(max_length=500, default="")
    submitted_at = pw.DateTimeField(default=dt.datetime.now)
    reviewed_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("region", "status"), False),)


class Contest(_Base):
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    status = pw.CharField(max_length=20, default="open")
    created_at = pw.DateTimeField(default=dt.datetime.now)


class Nomination(_Base):
    contest = pw.ForeignKeyField(Contest, backref="+", on_delete="CASCADE")
    title = pw.CharField(max_length=200)


class ContestEntry(_Base):
    nomination = pw.ForeignKeyField(Nomination, backref="+", on_delete="CASCADE")
    practice = pw.ForeignKeyField(RegionalPractice, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("nomination", "practice"), True),)


class ContestScore(_Base):
    entry = pw.ForeignKeyField(ContestEntry, backref="+", on_delete="CASCADE")
    expert = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    score = pw.IntegerField()
    scored_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("entry", "expert"), True),)


MODELS = [Region, PoolMember, RemoteConsent, RemotePair, RegionalPractice, Contest, Nomination, ContestEntry,
          ContestScore]


def upgrade(db, migrator):
    with db.bind_ctx(MODELS + [Organisation, User, MentoringGroup, Practice]):
        db.create_tables(MODELS)
    # nullable with a default, as in migration 7: SQLite adds them without rebuilding the table
    migrate(
        migrator.add_column("organisation", "region_id", pw.ForeignKeyField(
            Region, field=Region.id, null=True, on_delete="SET NULL")),
        migrator.add_column("organisation", "municipality", pw.CharField(max_length=200, default="", null=True)),
        migrator.add_index("organisation", ("region_id", "municipality"), False),
    )
