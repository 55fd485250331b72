"""Page speed (issue 13).

* ``data_version``: one row whose number goes up (and stamp changes) with every committed transaction
  that writes what pages show (webapp/db.py); the page cache keys pages on it, so a write by any
  server, worker or command invalidates every server's cached pages.
* an index for the monitoring fingerprint's look at revoked consents (it read every consent of the
  school on every monitoring page).
"""
import secrets

import peewee as pw

from webapp.migrations.frozen import FrozenModel as _Base

VERSION = 20


class DataVersion(_Base):
    id = pw.IntegerField(primary_key=True)
    version = pw.BigIntegerField(default=0)
    stamp = pw.CharField(max_length=32)

    class Meta:
        table_name = "data_version"


INDEXES = (
    "CREATE INDEX IF NOT EXISTS consent_organisation_id_revoked_at ON consent (organisation_id, revoked_at)",
)


def upgrade(db, migrator):
    with db.bind_ctx([DataVersion]):
        db.create_tables([DataVersion])
        DataVersion.insert(id=1, version=0, stamp=secrets.token_hex(8)).on_conflict_ignore().execute()
    for statement in INDEXES:
        db.execute_sql(statement)
