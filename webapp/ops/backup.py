"""``flask backup``: the database, uploads and secret key in one verified, dated archive.

The archive is written as ``<name>.partial`` beside the others, read back and checked against its
manifest, and only then renamed; a failure (a full disk, say) removes the partial file, leaves the
earlier archives untouched and is recorded for the health page. Old archives are rotated after a
success only.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import peewee as pw

from webapp import migrations
from webapp.ops import engines, rotation, status
from webapp.ops.archive import (FORMAT, ArchiveError, ArchiveWriter, archive_name, archive_time, checksum_path,
                                list_archives, read_archive, sha256_file)

SECRET_FILE = "secret_key"
UPLOADS = "uploads"


class BackupError(Exception):
    """The backup failed; ``str()`` is the reason. Earlier archives are intact."""


@dataclass
class Places:
    """Where an installation keeps what a backup holds."""
    backup_folder: Path
    upload_folder: Path
    secret_file: Path

    @classmethod
    def of(cls, app) -> "Places":
        return cls(Path(app.config["BACKUP_FOLDER"]), Path(app.config["UPLOAD_FOLDER"]),
                   Path(app.instance_path) / SECRET_FILE)


@dataclass
class BackupResult:
    path: Path
    size: int
    manifest: dict
    removed: list


def app_version() -> str:
    try:
        return metadata.version("nastavnik")
    except metadata.PackageNotFoundError:
        return "unknown"


def _upload_files(folder: Path):
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, f"{UPLOADS}/{path.relative_to(folder).as_posix()}"


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def create_backup(db: pw.Database, places: Places, keep_daily: int, keep_weekly: int,
                  now: dt.datetime | None = None) -> BackupResult:
    now = now or dt.datetime.now()
    folder = places.backup_folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
    except OSError as error:
        raise BackupError(f"Папка резервных копий {folder} недоступна: {error}") from error
    final = folder / archive_name(now)
    sequence = 1
    while final.exists() or final.with_name(final.name + ".partial").exists():
        sequence += 1
        final = folder / archive_name(now, sequence)
    partial = final.with_name(final.name + ".partial")
    staging = None
    writer = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder))
        db_file, counts = engines.snapshot(db, staging)
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(timespec="seconds"),
            "app_version": app_version(),
            "schema_version": migrations.current_version(db),
            "engine": engines.engine_name(db),
            "tables": counts,
        }
        writer = ArchiveWriter(partial, manifest)
        writer.add_file(db_file, db_file.name)
        if places.secret_file.is_file():
            writer.add_file(places.secret_file, SECRET_FILE)
        for path, name in _upload_files(places.upload_folder):
            writer.add_file(path, name)
        writer.close()
        writer = None
        _fsync(partial)
        if read_archive(partial)["files"] != manifest["files"]:
            raise BackupError("Записанный архив не совпадает с описью.")
        digest = sha256_file(partial)
        sidecar = checksum_path(final)
        sidecar.write_text(f"{digest}  {final.name}\n")
        os.replace(partial, final)
    except (OSError, sqlite3.Error, engines.EngineError, ArchiveError, BackupError, pw.DatabaseError) as error:
        if writer is not None:
            writer.abort()
        partial.unlink(missing_ok=True)
        if not final.exists():
            checksum_path(final).unlink(missing_ok=True)
        reason = str(error) if isinstance(error, BackupError) else f"{type(error).__name__}: {error}"
        status.record_failure(folder, reason)
        raise BackupError(reason) from error
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    size = final.stat().st_size
    status.record_success(folder, final, size, verified=True, at=now)
    removed = rotation.rotate(folder, keep_daily, keep_weekly)
    return BackupResult(final, size, manifest, removed)


def last_backup_time(folder: Path) -> dt.datetime | None:
    archives = list_archives(folder)
    return archive_time(archives[0]) if archives else None


def is_due(folder: Path, interval_hours: int, now: dt.datetime | None = None) -> bool:
    """No archive yet, or the newest is older than the interval (less five minutes' slack, so a
    timer firing at the same hour every day is never one tick late)."""
    last = last_backup_time(folder)
    now = now or dt.datetime.now()
    return last is None or now - last >= dt.timedelta(hours=interval_hours) - dt.timedelta(minutes=5)
