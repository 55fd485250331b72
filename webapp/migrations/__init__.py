"""Versioned schema migrations.

Each module ``mNNNN_<name>.py`` holds ``VERSION = NNNN`` and ``upgrade(db, migrator)``. A
migration describes the schema as it was at that version (frozen model copies), never the live
models, so an old database can always be walked forward to the newest schema without losing rows.
The applied version is kept in the ``schema_version`` table.
"""
from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

import peewee as pw
from playhouse.migrate import PostgresqlMigrator, SqliteMigrator


class SchemaVersion(pw.Model):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        table_name = "schema_version"


def available() -> list:
    """All migration modules, oldest first."""
    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            mods.append(importlib.import_module(f"{__name__}.{info.name}"))
    mods.sort(key=lambda m: m.VERSION)
    return mods


def latest_version() -> int:
    return available()[-1].VERSION


def current_version(db: pw.Database) -> int:
    with SchemaVersion.bind_ctx(db):
        if not db.table_exists("schema_version"):
            return 0
        row = SchemaVersion.select(pw.fn.MAX(SchemaVersion.version)).scalar()
        return row or 0


#: Stamps an early development build wrote before migrations were renumbered without gaps:
#: pairs and programmes were 6 (now 4), programme life was 7 (now 5). Nothing was deployed with them,
#: but a database stamped so would otherwise skip the real migrations 6 and 7.
LEGACY_STAMPS = {6: 4, 7: 5}


def restamp_legacy(db: pw.Database) -> bool:
    """Rewrite the old stamps to today's numbers; True when the database carried them.

    A database carries the old stamps when it has a row 6 or 7 but none for 4 or 5: every database
    made since the renumbering reaches 6 only through 4 and 5.
    """
    with SchemaVersion.bind_ctx(db):
        if not db.table_exists("schema_version"):
            return False
        stamped = {row.version for row in SchemaVersion.select(SchemaVersion.version)}
        if not stamped & set(LEGACY_STAMPS) or stamped & set(LEGACY_STAMPS.values()):
            return False
        with db.atomic():
            for old, new in LEGACY_STAMPS.items():
                SchemaVersion.update(version=new).where(SchemaVersion.version == old).execute()
        return True


def migrator_for(db: pw.Database):
    if isinstance(db, pw.PostgresqlDatabase):
        return PostgresqlMigrator(db)
    return SqliteMigrator(db)


def upgrade(db: pw.Database, target: int | None = None) -> list[int]:
    """Apply every migration not applied yet (up to ``target``), oldest first. Returns versions applied.

    Not only those above the current version: migrations written side by side on branches are merged
    with numbers below the newest one a database may already carry (6 arriving after 10 and 11).
    """
    applied = []
    with SchemaVersion.bind_ctx(db):
        db.create_tables([SchemaVersion], safe=True)
        restamp_legacy(db)
        stamped = {row.version for row in SchemaVersion.select(SchemaVersion.version)}
        for mod in available():
            if mod.VERSION in stamped or (target is not None and mod.VERSION > target):
                continue
            with db.atomic():
                mod.upgrade(db, migrator_for(db))
                SchemaVersion.create(version=mod.VERSION)
            applied.append(mod.VERSION)
    return applied
