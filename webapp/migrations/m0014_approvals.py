"""Approvals of suggested pairs: one row per «Утвердить» (a single pair or all proposed pairs of a run), and
the suggestions it approved, so an approval can be undone as a whole until the order fixing the pairs."""
import datetime as dt

import peewee as pw
from playhouse.migrate import migrate

from webapp.migrations.frozen import FrozenModel as _Base, User

VERSION = 14


class MatchingRun(_Base):
    class Meta:
        table_name = "matching_run"


class Approval(_Base):
    run = pw.ForeignKeyField(MatchingRun, backref="+", on_delete="CASCADE")
    actor = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    bulk = pw.BooleanField(default=False)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    undone_at = pw.DateTimeField(null=True)
    undone_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


def upgrade(db, migrator):
    with db.bind_ctx([Approval, MatchingRun, User]):
        db.create_tables([Approval])
    migrate(migrator.add_column("suggestion", "approval_id", pw.ForeignKeyField(
        Approval, field=Approval.id, null=True, on_delete="SET NULL")))
