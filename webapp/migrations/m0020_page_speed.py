"""Page speed (issue 13): an index for the monitoring fingerprint's look at revoked consents (it read
every consent of the school on every monitoring page)."""

VERSION = 20

INDEXES = (
    "CREATE INDEX IF NOT EXISTS consent_organisation_id_revoked_at ON consent (organisation_id, revoked_at)",
)


def upgrade(db, migrator):
    for statement in INDEXES:
        db.execute_sql(statement)
