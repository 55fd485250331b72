"""The queue's state in figures (no personal data), for /healthz and the health page."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import peewee as pw

from webapp.models.tasks import FAILED, QUEUED, RUNNING, BackgroundTask, TaskWorker


@dataclass
class QueueState:
    workers: int          # workers that beat within the stale window
    queued: int
    running: int
    failed_last_day: int
    waiting_seconds: int  # how long the oldest queued task has waited

    @property
    def no_worker(self) -> bool:
        """Tasks wait and no worker is alive to take them."""
        return self.queued > 0 and self.workers == 0

    def as_dict(self) -> dict:
        return {**asdict(self), "state": "no_worker" if self.no_worker else "ok"}


def queue_state(config, now: dt.datetime | None = None) -> QueueState:
    now = now or dt.datetime.now()
    alive_after = now - dt.timedelta(seconds=config["TASK_STALE_SECONDS"])
    counts = dict(BackgroundTask.select(BackgroundTask.status, pw.fn.COUNT(BackgroundTask.id))
                  .where(BackgroundTask.status.in_([QUEUED, RUNNING])).group_by(BackgroundTask.status).tuples())
    oldest = (BackgroundTask.select(pw.fn.MIN(BackgroundTask.created_at))
              .where(BackgroundTask.status == QUEUED).scalar())
    return QueueState(
        workers=TaskWorker.select().where(TaskWorker.heartbeat_at >= alive_after).count(),
        queued=counts.get(QUEUED, 0), running=counts.get(RUNNING, 0),
        failed_last_day=BackgroundTask.select().where((BackgroundTask.status == FAILED) & (
            BackgroundTask.finished_at >= now - dt.timedelta(days=1))).count(),
        waiting_seconds=int((now - oldest).total_seconds()) if oldest else 0,
    )
