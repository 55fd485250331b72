"""Hardening: a per-user session version (every session of a person can be ended at once), and
control characters removed from text already stored (they broke the XLSX/DOCX exports)."""
import re

import peewee as pw
from playhouse.migrate import migrate

VERSION = 6

# C0 controls except tab, newline and carriage return; DEL; lone surrogates
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
TEXT_TYPES = ("char", "varchar", "text", "character varying", "clob")


def upgrade(db, migrator):
    migrate(migrator.add_column("account", "session_version", pw.IntegerField(default=0)))
    clean_stored_text(db)


def clean_stored_text(db) -> int:
    """Rewrite every text value holding a control character; returns how many values changed."""
    changed = 0
    for table in db.get_tables():
        if table == "schema_version":
            continue
        columns = [c for c in db.get_columns(table)
                   if any(c.data_type.lower().startswith(t) for t in TEXT_TYPES)]
        keys = db.get_primary_keys(table)
        if not columns or len(keys) != 1:
            continue
        key = keys[0]
        names = ", ".join(f'"{c.name}"' for c in columns)
        rows = db.execute_sql(f'SELECT "{key}", {names} FROM "{table}"').fetchall()
        for row in rows:
            for column, value in zip(columns, row[1:]):
                if isinstance(value, str) and CONTROL_RE.search(value):
                    db.execute_sql(f'UPDATE "{table}" SET "{column.name}" = %s WHERE "{key}" = %s'
                                   .replace("%s", db.param), (CONTROL_RE.sub("", value), row[0]))
                    changed += 1
    return changed
