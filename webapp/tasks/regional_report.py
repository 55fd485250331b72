"""The regional report (XLSX/DOCX by school year) as a background task: the hook the regional
dashboard plugs its builder into.

The region's code sets ``app.extensions["regional_report_builder"]`` to
``build(params: dict, progress) -> (bytes, download name)``; until it does, such a task fails with
a clear code instead of hanging in the queue.
"""
from __future__ import annotations

from flask import current_app

from webapp.tasks import files, lifecycle
from webapp.tasks.kinds import TaskKind

KIND_NAME = "regional_report"


def run(task, progress) -> str:
    build = current_app.extensions.get("regional_report_builder")
    if build is None:
        raise lifecycle.TaskFailed(lifecycle.stored_error("not_available"))
    data, name = build(task.params, progress)
    progress(95, "saving")
    return files.store(task, data, name)


KIND = TaskKind(run=run)
