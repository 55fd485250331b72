"""Puts one row into every empty table of a database, whatever its schema version, reading the
columns and foreign keys from the database itself (SQLite and PostgreSQL alike)."""
from __future__ import annotations

import datetime as dt
import itertools

import peewee as pw

_counter = itertools.count(1)


def _value(table: str, column) -> object:
    kind = (column.data_type or "").lower()
    n = next(_counter)
    if "bool" in kind:
        return True
    if "int" in kind:
        return n
    if any(k in kind for k in ("real", "float", "double", "numeric", "decimal")):
        return n + 0.5
    if "timestamp" in kind or "datetime" in kind:
        return dt.datetime(2025, 1, 1, 10, 0, 0) + dt.timedelta(minutes=n)
    if kind == "date":
        return dt.date(2025, 1, 1) + dt.timedelta(days=n)
    if kind == "time":
        return dt.time(10, 0)
    if "blob" in kind or "bytea" in kind:
        return b"x"
    return f"s{n}"  # short enough for any varchar, unique for unique columns


def _order(db: pw.Database, tables: list[str]) -> list[str]:
    """Tables in an order that fills every NOT NULL foreign key (a nullable one, such as the
    organisation's curator pointing back at an account, may stay empty: that breaks the cycle)."""
    def required(table):
        nullable = {c.name for c in db.get_columns(table) if c.null}
        return {fk.dest_table for fk in db.get_foreign_keys(table) if fk.column not in nullable}
    deps = {t: required(t) - {t} for t in tables}
    ordered: list[str] = []
    while deps:
        ready = sorted(t for t, d in deps.items() if not (d - set(ordered)))
        if not ready:
            raise AssertionError(f"foreign-key cycle among {sorted(deps)}")
        ordered += ready
        for t in ready:
            del deps[t]
    return ordered


def fill_every_table(db: pw.Database, skip=("schema_version",)) -> None:
    for table in _order(db, [t for t in db.get_tables() if t not in skip]):
        if db.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]:
            continue
        fks = {fk.column: fk for fk in db.get_foreign_keys(table)}
        names, values = [], []
        for column in db.get_columns(table):
            if column.primary_key and "int" in (column.data_type or "").lower():
                continue
            if column.name in fks:
                fk = fks[column.name]
                value = db.execute_sql(f'SELECT MIN("{fk.dest_column}") FROM "{fk.dest_table}"').fetchone()[0]
            else:
                value = _value(table, column)
            names.append(f'"{column.name}"')
            values.append(value)
        marks = ", ".join([db.param] * len(values))
        db.execute_sql(f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({marks})', values)


def snapshot_rows(db: pw.Database) -> dict[str, list]:
    """Every row of every table, in a stable order (to compare before and after)."""
    rows = {}
    for table in sorted(db.get_tables()):
        data = db.execute_sql(f'SELECT * FROM "{table}"').fetchall()
        rows[table] = sorted(data, key=repr)
    return rows
