"""A stored sort key of each person's name (case-folded, «ё» as «е»), indexed per organisation, so the
user list and the banks of a big school sort on an index instead of a function call per row."""
import peewee as pw
from playhouse.migrate import migrate

VERSION = 11


def _sort_key(name: str) -> str:  # the rule of webapp.models.user.sort_key, frozen here
    return (name or "").casefold().replace("ё", "е")[:200]


def upgrade(db, migrator):
    # nullable in the table: making a column NOT NULL makes SQLite's migrator rebuild the table, and
    # dropping the old "account" would cascade to every row that refers to it
    migrate(migrator.add_column("account", "name_key", pw.CharField(max_length=200, null=True)))
    rows = db.execute_sql("SELECT id, full_name FROM account").fetchall()
    for user_id, full_name in rows:
        db.execute_sql("UPDATE account SET name_key = %s WHERE id = %s" % (db.param, db.param),
                       (_sort_key(full_name), user_id))
    db.execute_sql("CREATE INDEX IF NOT EXISTS account_organisation_id_name_key ON account (organisation_id, name_key)")
