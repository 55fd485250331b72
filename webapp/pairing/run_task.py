"""A matching run as a background task: the worker runs it, the run's row shows its progress, and
a worker lost under it leaves the run «failed» with a retry that runs it again."""
from __future__ import annotations

import datetime as dt

from webapp.models import MatchingRun
from webapp.models.pairing import FAILED, QUEUED, RUNNING
from webapp.tasks import lifecycle
from webapp.tasks.kinds import TaskKind

KIND_NAME = "matching_run"


def run(task, progress) -> str:
    from webapp.pairing import runs
    runs.execute(task.target_id, progress=progress)
    finished = MatchingRun.get_by_id(task.target_id)
    if finished.status == FAILED:
        raise lifecycle.TaskFailed(finished.error)
    return ""


def on_failed(task) -> None:
    """The task failed outside the run's own code (its worker died): the run says so."""
    MatchingRun.update(status=FAILED, error=task.error, step="failed", finished_at=dt.datetime.now()).where(
        (MatchingRun.id == task.target_id) & MatchingRun.status.in_([QUEUED, RUNNING])).execute()


def on_retry(task) -> None:
    MatchingRun.update(status=QUEUED, progress=0, step="queued", error="", finished_at=None).where(
        (MatchingRun.id == task.target_id) & (MatchingRun.status == FAILED)).execute()


KIND = TaskKind(run=run, on_failed=on_failed, on_retry=on_retry)
