"""``flask restore ARCHIVE``: put an installation back exactly as the archive holds it.

Every file is checked against the manifest before anything is touched. A restore replaces the
database, the uploads and the secret key as a whole — it never merges, so two schools' data cannot
end up side by side — and refuses to overwrite a database that holds anything unless forced.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import peewee as pw

from webapp import migrations
from webapp.ops import engines
from webapp.ops.archive import ArchiveError, read_archive
from webapp.ops.backup import SECRET_FILE, UPLOADS, Places


class RestoreRefused(Exception):
    """The restore would destroy data or cannot work here; ``str()`` says why."""


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))


def _swap_uploads(staged: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f"{target.name}.replaced-{os.getpid()}")
        os.replace(target, old)
    if staged.is_dir():
        os.replace(staged, target)
    else:
        target.mkdir(parents=True, exist_ok=True)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def restore_archive(db: pw.Database, places: Places, archive: Path, force: bool = False) -> dict:
    """Returns the archive's manifest. Raises ArchiveError (damaged archive) or RestoreRefused."""
    places.upload_folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=places.upload_folder.parent))
    try:
        manifest = read_archive(archive, extract_to=staging)
        engine = engines.engine_name(db)
        if manifest.get("engine") != engine:
            raise RestoreRefused(f"Архив сделан с базой {manifest.get('engine')}, а эта установка работает на {engine}.")
        if int(manifest.get("schema_version", 0)) > migrations.latest_version():
            raise RestoreRefused(f"Архив сделан более новой версией программы (схема {manifest['schema_version']}, "
                                 f"эта версия знает до {migrations.latest_version()}). Сначала обновите программу.")
        db_file = staging / engines.staged_file(engine)
        if not db_file.is_file():
            raise ArchiveError("В архиве нет копии базы данных.")
        if not force and (engines.has_data(db) or _has_files(places.upload_folder)):
            raise RestoreRefused("В этой установке уже есть данные: восстановление заменит их целиком. "
                                 "Если это и нужно, повторите с --force.")
        engines.replace_with(db, db_file)
        engines.drop_tables_except(db, manifest["tables"])
        _swap_uploads(staging / UPLOADS, places.upload_folder)
        secret = staging / SECRET_FILE
        if secret.is_file():
            places.secret_file.parent.mkdir(parents=True, exist_ok=True)
            os.replace(secret, places.secret_file)
            places.secret_file.chmod(0o600)
        counts = engines.row_counts(db)
        if counts != manifest["tables"]:
            raise RestoreRefused("После восстановления число строк не совпало с описью архива: "
                                 f"{_difference(manifest['tables'], counts)}.")
        return manifest
    except engines.EngineError as error:
        raise RestoreRefused(str(error)) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _difference(expected: dict, actual: dict) -> str:
    names = sorted(set(expected) | set(actual))
    return ", ".join(f"{n}: {expected.get(n)} ≠ {actual.get(n)}" for n in names if expected.get(n) != actual.get(n))
