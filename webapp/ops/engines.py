"""What a backup, restore and the health page need to know about the database engine.

SQLite: an online, consistent copy through the sqlite3 backup API (readers and writers carry on),
``PRAGMA quick_check``, the file's size. PostgreSQL: ``pg_dump``/``pg_restore`` (custom format),
``pg_database_size``, invalid indexes as the integrity check.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import peewee as pw

SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"


class EngineError(Exception):
    """The database tool failed; ``str()`` says why."""


def is_sqlite(db: pw.Database) -> bool:
    return isinstance(db, pw.SqliteDatabase)


def engine_name(db: pw.Database) -> str:
    return "sqlite" if is_sqlite(db) else "postgresql"


def sqlite_path(db: pw.Database) -> Path:
    return Path(db.database)


def table_names(db: pw.Database) -> list[str]:
    return sorted(db.get_tables())


def row_counts(db: pw.Database) -> dict[str, int]:
    return {name: db.execute_sql(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in table_names(db)}


def _pg_url(db: pw.Database) -> str:
    params = db.connect_params
    user, password = params.get("user", ""), params.get("password", "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = params.get("host", "")
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{auth}{host}{port}/{db.database}"


def _run(args: list[str]) -> None:
    tool = shutil.which(args[0])
    if tool is None:
        raise EngineError(f"Не найдена программа {args[0]} (пакет postgresql-client).")
    done = subprocess.run([tool, *args[1:]], capture_output=True, text=True)
    if done.returncode != 0:
        raise EngineError(f"{args[0]} завершился с ошибкой: {done.stderr.strip()[:500]}")


def snapshot(db: pw.Database, folder: Path) -> tuple[Path, dict[str, int]]:
    """A consistent copy of the database in ``folder`` and the row count of every table in it."""
    if is_sqlite(db):
        target = folder / SQLITE_FILE
        source = sqlite3.connect(sqlite_path(db))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            result = copy.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise EngineError(f"Проверка копии базы данных: {result}")
        finally:
            copy.close()
            source.close()
        counted = pw.SqliteDatabase(str(target))
        try:
            return target, row_counts(counted)
        finally:
            counted.close()
    # The counts and pg_dump read one snapshot, so the manifest describes exactly what was dumped.
    target = folder / PG_FILE
    with db.atomic():
        db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot_id = db.execute_sql("SELECT pg_export_snapshot()").fetchone()[0]
        counts = row_counts(db)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot_id}",
              f"--file={target}", _pg_url(db)])
    return target, counts


BOOKKEEPING = {"schema_version", "data_version"}  # rows every migrated database has


def has_data(db: pw.Database) -> bool:
    """A live database: a row in any table but the schema and data versions (an empty, migrated
    database made by ``make db`` is still empty)."""
    for name in table_names(db):
        if name not in BOOKKEEPING and db.execute_sql(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone():
            return True
    return False


def replace_with(db: pw.Database, staged: Path) -> None:
    """Make the database exactly the staged copy: nothing of the old content remains (no merge)."""
    if is_sqlite(db):
        getattr(db, "close_all", db.close)()  # pooled connections too
        source = sqlite3.connect(staged)
        target = sqlite3.connect(sqlite_path(db))
        try:
            source.backup(target)  # page-by-page overwrite, safe with WAL; the old content is gone
        finally:
            target.close()
            source.close()
        return
    # --clean in one transaction: every table of the archive is dropped and recreated, or nothing
    # changes if anything fails. Tables the archive does not know are dropped afterwards.
    getattr(db, "close_all", db.close)()
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", f"--dbname={_pg_url(db)}", str(staged)])


def drop_tables_except(db: pw.Database, keep) -> None:
    """After a restore: a table the archive did not hold must not survive beside it."""
    cascade = "" if is_sqlite(db) else " CASCADE"
    with db.atomic():
        for name in table_names(db):
            if name not in keep:
                db.execute_sql(f'DROP TABLE IF EXISTS "{name}"{cascade}')


def staged_file(engine: str) -> str:
    return SQLITE_FILE if engine == "sqlite" else PG_FILE


def size_bytes(db: pw.Database) -> int:
    if is_sqlite(db):
        path = sqlite_path(db)
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    return db.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0]


def integrity(db: pw.Database) -> str:
    """``ok`` or the engine's first complaint."""
    if is_sqlite(db):
        return db.execute_sql("PRAGMA quick_check").fetchone()[0]
    bad = db.execute_sql("SELECT COUNT(*) FROM pg_index WHERE NOT indisvalid").fetchone()[0]
    return "ok" if bad == 0 else f"{bad} invalid index(es)"


def folder_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total
