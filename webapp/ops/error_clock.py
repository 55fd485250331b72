"""Remembers when the application last logged an error (the time only, never the message).

The administrator's health page shows the time since then; the message itself may hold personal
data and stays in the journal.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

FILE_NAME = "last_error"


class ErrorClock(logging.Handler):
    def __init__(self, path: Path):
        super().__init__(level=logging.ERROR)
        self.path = path

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.path.write_text(dt.datetime.fromtimestamp(record.created).isoformat(timespec="seconds"))
        except OSError:
            pass  # a full disk must not turn an error into a second one


def path_for(app) -> Path:
    return Path(app.instance_path) / FILE_NAME


def last_error_at(app) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(path_for(app).read_text().strip())
    except (OSError, ValueError):
        return None


def init_app(app) -> None:
    for handler in [h for h in app.logger.handlers if isinstance(h, ErrorClock)]:
        app.logger.removeHandler(handler)  # the logger is shared by every app made in one process
    app.logger.addHandler(ErrorClock(path_for(app)))
