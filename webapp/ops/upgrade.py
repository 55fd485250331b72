"""``flask upgrade``: a backup first, then every pending migration in one transaction.

If any migration fails, the transaction is rolled back (SQLite and PostgreSQL both roll back
schema changes), the database stays at the version it had, and the message names the migration,
the error and the backup taken just before.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from webapp import migrations
from webapp.migrations import SchemaVersion, migrator_for
from webapp.ops import engines
from webapp.ops.backup import BackupError, Places, create_backup


class UpgradeError(Exception):
    """The upgrade did not happen; ``str()`` says why and what state the database is in."""


@dataclass
class UpgradeResult:
    before: int
    after: int
    applied: list
    backup: Path | None


def apply_pending(db: pw.Database) -> list[int]:
    """All migrations above the current version, in one transaction: all of them or none."""
    start = migrations.current_version(db)
    pending = [m for m in migrations.available() if m.VERSION > start]
    if not pending:
        return []
    running = None
    try:
        with SchemaVersion.bind_ctx(db), db.atomic():
            db.create_tables([SchemaVersion], safe=True)
            for mod in pending:
                running = mod.VERSION
                mod.upgrade(db, migrator_for(db))
                SchemaVersion.create(version=mod.VERSION)
    except Exception as error:  # noqa: BLE001 — any failure of a migration rolls everything back
        raise UpgradeError(f"Миграция {running} не применилась ({type(error).__name__}: {error}). "
                           f"Все изменения отменены, база данных осталась в версии {start}.") from error
    return [m.VERSION for m in pending]


def upgrade(db: pw.Database, places: Places, keep_daily: int, keep_weekly: int) -> UpgradeResult:
    before = migrations.current_version(db)
    if before >= migrations.latest_version():
        return UpgradeResult(before, before, [], None)
    backup = None
    if engines.has_data(db):
        try:
            backup = create_backup(db, places, keep_daily, keep_weekly).path
        except BackupError as error:
            raise UpgradeError(f"Резервная копия перед обновлением не сделана: {error}. "
                               "Обновление не начиналось, база данных не изменена.") from error
    try:
        applied = apply_pending(db)
    except UpgradeError as error:
        if backup is not None:
            raise UpgradeError(f"{error} Резервная копия перед обновлением: {backup}") from error
        raise
    return UpgradeResult(before, migrations.current_version(db), applied, backup)
