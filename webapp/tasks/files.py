"""Files a background task makes (an export, a report): kept in the shared storage folder
(``UPLOAD_FOLDER``/exports), so the server that shows the link need not be the worker's machine."""
from __future__ import annotations

import json
import secrets
from pathlib import Path, PurePath

from flask import current_app

FOLDER = "exports"


def _folder() -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def store(task, data: bytes, download_name: str) -> str:
    """Write the task's file; returns what the task keeps as its result."""
    stored = f"{task.id}-{task.attempt}-{secrets.token_hex(8)}{PurePath(download_name).suffix}"
    path = _folder() / stored
    tmp = path.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(path)  # a half-written file never has the final name
    return json.dumps({"file": stored, "name": download_name}, ensure_ascii=False)


def result_file(task) -> tuple[Path, str] | None:
    """(path, download name) of a finished task's file, if it has one and it is still there."""
    try:
        result = json.loads(task.result or "{}")
    except ValueError:
        return None
    stored = PurePath(result.get("file") or "").name  # never a path out of the folder
    path = _folder() / stored if stored else None
    if path is None or not path.is_file():
        return None
    return path, result.get("name") or stored
