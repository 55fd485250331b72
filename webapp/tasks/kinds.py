"""What each kind of background task does: its handler and what happens to its record when a
worker dies under it or the task is retried. One line per kind below; a new kind adds one."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


def _nothing(task) -> None:
    return None


@dataclass(frozen=True)
class TaskKind:
    run: Callable              # run(task, progress) -> result text ('' or a stored file's name)
    on_failed: Callable = field(default=_nothing)   # the task failed for good (worker lost, error)
    on_retry: Callable = field(default=_nothing)    # the task is queued again


def registry() -> dict[str, TaskKind]:
    from webapp.banks import export_task
    from webapp.pairing import run_task, text_vectors
    from webapp.region import cache as region_tables
    from webapp.tasks import regional_report
    return {
        region_tables.REBUILD_KIND: TaskKind(run=region_tables.run_rebuild),
        run_task.KIND_NAME: run_task.KIND,
        export_task.KIND_NAME: export_task.KIND,
        regional_report.KIND_NAME: regional_report.KIND,
        text_vectors.KIND_NAME: text_vectors.KIND,
    }


def get(kind: str) -> TaskKind:
    return registry()[kind]
