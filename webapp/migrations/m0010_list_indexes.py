"""Indexes for the lists of a big school: role membership and valid consents (the banks' filters)."""

VERSION = 10

INDEXES = (
    "CREATE INDEX IF NOT EXISTS user_role_role_user_id ON user_role (role, user_id)",
    "CREATE INDEX IF NOT EXISTS consent_valid_kind_user_id ON consent (kind, user_id) "
    "WHERE received_at IS NOT NULL AND revoked_at IS NULL",
)


def upgrade(db, migrator):
    for statement in INDEXES:
        db.execute_sql(statement)
