"""Hardening: a per-user session version (every session of a person can be ended at once), and
control characters removed from text already stored (they broke the XLSX/DOCX exports)."""
import json
import re

import peewee as pw
from playhouse.migrate import migrate

VERSION = 6

# C0 controls except tab, newline and carriage return; DEL; lone surrogates
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
TEXT_TYPES = ("char", "varchar", "text", "character varying", "clob")


def upgrade(db, migrator):
    # nullable: on SQLite a NOT NULL column means rebuilding the table, and dropping the old
    # account table would cascade to every row that refers to it
    migrate(migrator.add_column("account", "session_version", pw.IntegerField(null=True)))
    db.execute_sql("UPDATE account SET session_version = 0")
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
                cleaned = _cleaned(column.name, value)
                if cleaned is not None:
                    db.execute_sql(f'UPDATE "{table}" SET "{column.name}" = %s WHERE "{key}" = %s'
                                   .replace("%s", db.param), (cleaned, row[0]))
                    changed += 1
    return changed


def _cleaned(column: str, value):
    """The cleaned value, or None when nothing changes. JSON columns hold escaped characters (\\u000b)."""
    if not isinstance(value, str):
        return None
    if column.endswith("_json") and "\\u" in value:
        try:
            data = json.loads(value)
        except ValueError:
            data = None
        if data is not None:
            fixed = _clean_json(data)
            return json.dumps(fixed, ensure_ascii=False) if fixed != data else None
    return CONTROL_RE.sub("", value) if CONTROL_RE.search(value) else None


def _clean_json(data):
    if isinstance(data, str):
        return CONTROL_RE.sub("", data)
    if isinstance(data, list):
        return [_clean_json(item) for item in data]
    if isinstance(data, dict):
        return {_clean_json(k): _clean_json(v) for k, v in data.items()}
    return data
