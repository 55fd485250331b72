"""The last backup attempt, kept in BACKUP_FOLDER/status.json for the health page and --if-due."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

FILE_NAME = "status.json"


def _path(folder: Path) -> Path:
    return folder / FILE_NAME


def read(folder: Path) -> dict:
    try:
        return json.loads(_path(folder).read_text())
    except (OSError, ValueError):
        return {}


def _write(folder: Path, data: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = _path(folder).with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2))
    os.replace(tmp, _path(folder))


def record_success(folder: Path, archive: Path, size: int, verified: bool, at: dt.datetime) -> None:
    data = read(folder)
    data["last_success"] = {"file": archive.name, "at": at.isoformat(timespec="seconds"),
                            "size": size, "verified": verified}
    data.pop("last_failure", None)
    _write(folder, data)


def record_failure(folder: Path, reason: str) -> None:
    """Best effort: with the disk full even this small file may not be written."""
    data = read(folder)
    data["last_failure"] = {"at": dt.datetime.now().isoformat(timespec="seconds"), "reason": reason[:500]}
    try:
        _write(folder, data)
    except OSError:
        pass


def parse_time(value: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
