"""A background task's life, each change one conditional UPDATE so two processes never both win:

queued → running (a worker claims attempt A) → done | failed; running → failed (the reaper: the
worker stopped beating); failed → queued (retry: attempt A+1). A worker writes progress and its
result only while the task is still its own (same attempt, still running), so a task is never
finished twice, and a request's key gives back the task it already made instead of a second one.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import socket
import os
from dataclasses import dataclass

import peewee as pw
from flask import current_app, g, has_request_context

from webapp.db import database
from webapp.models.tasks import DONE, FAILED, QUEUED, RUNNING, BackgroundTask
from webapp.tasks import kinds

REQUEST_KEY = re.compile(r"^[0-9a-f]{32}$")


def new_request_key() -> str:
    """The hidden key a form carries, so that submitting it twice makes one task. Keys made for a page
    are noted in ``g`` so the page cache can give every served copy fresh ones (webapp/page_cache.py)."""
    key = secrets.token_hex(16)
    if has_request_context():
        g.setdefault("request_keys_made", []).append(key)
    return key


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def stored_error(code: str, **params) -> str:
    return json.dumps({"code": code, "params": params}, ensure_ascii=False)


def _enqueue(task_id: int, attempt: int) -> None:
    current_app.extensions["task_queue"].execute_task(task_id, attempt)


def submit(kind: str, *, request_key: str = "", organisation=None, author=None, target_id=None,
           params: dict | None = None, before_enqueue=None) -> tuple[BackgroundTask, bool]:
    """The task for this request: made and queued now, or the one an earlier submit of the same key
    made (then ``False``). A key that is malformed or another school's is replaced by a new one.

    ``before_enqueue(task)`` runs in the same transaction (e.g. making the record the task works on).
    """
    if REQUEST_KEY.match(request_key or ""):
        existing = BackgroundTask.get_or_none(BackgroundTask.request_key == request_key)
        if existing is not None:
            if existing.kind == kind and existing.organisation_id == getattr(organisation, "id", organisation):
                return existing, False
            request_key = new_request_key()
    else:
        request_key = new_request_key()
    try:
        with database.atomic():
            task = BackgroundTask.create(kind=kind, organisation=organisation, author=author, target_id=target_id,
                                         request_key=request_key,
                                         params_json=json.dumps(params or {}, ensure_ascii=False))
            if before_enqueue is not None:
                before_enqueue(task)
            _enqueue(task.id, task.attempt)  # the queue's row commits with the task's
    except pw.IntegrityError:  # the same key submitted twice at once: the other request made it
        existing = BackgroundTask.get_or_none(BackgroundTask.request_key == request_key)
        if existing is None:
            raise
        return existing, False
    return task, True


def _mine(task_id: int, attempt: int, worker: str):
    return ((BackgroundTask.id == task_id) & (BackgroundTask.attempt == attempt)
            & (BackgroundTask.status == RUNNING) & (BackgroundTask.worker == worker))


def claim(task_id: int, attempt: int, worker: str) -> BackgroundTask | None:
    """Take a queued task for this worker; None when it is not queued at this attempt any more
    (another worker took it, it was done, or a newer attempt replaced it)."""
    now = dt.datetime.now()
    taken = (BackgroundTask.update(status=RUNNING, worker=worker, heartbeat_at=now, started_at=now, progress=0,
                                   step="", error="")
             .where((BackgroundTask.id == task_id) & (BackgroundTask.attempt == attempt)
                    & (BackgroundTask.status == QUEUED)).execute())
    return BackgroundTask.get_by_id(task_id) if taken else None


@dataclass
class Progress:
    """Handed to a kind's handler: report steps, and ask whether the task is still ours."""
    task: BackgroundTask

    def __call__(self, progress: int, step: str) -> None:
        BackgroundTask.update(progress=progress, step=step, heartbeat_at=dt.datetime.now()).where(
            _mine(self.task.id, self.task.attempt, self.task.worker)).execute()

    def still_ours(self) -> bool:
        return BackgroundTask.select().where(_mine(self.task.id, self.task.attempt, self.task.worker)).exists()


class TaskLost(RuntimeError):
    """The task stopped being this worker's (reaped as dead, or retried): its work is thrown away."""


def finish(task: BackgroundTask, result: str = "") -> bool:
    return bool(BackgroundTask.update(status=DONE, progress=100, step="done", result=result,
                                      finished_at=dt.datetime.now())
                .where(_mine(task.id, task.attempt, task.worker)).execute())


class TaskFailed(RuntimeError):
    """Raised by a handler whose work could not be done, with the stored error to show."""

    def __init__(self, error: str):
        super().__init__(error)
        self.error = error


def fail(task: BackgroundTask, error: str) -> bool:
    """Mark the task failed (``error`` as :func:`stored_error` makes it) and tell its kind."""
    with database.atomic():
        failed = BackgroundTask.update(status=FAILED, step="failed", error=error,
                                       finished_at=dt.datetime.now()).where(
            _mine(task.id, task.attempt, task.worker)).execute()
        if failed:
            kinds.get(task.kind).on_failed(BackgroundTask.get_by_id(task.id))
    return bool(failed)


def give_back(task: BackgroundTask) -> bool:
    """A passing fault (the database went away): the task is queued again for the queue's retry."""
    return bool(BackgroundTask.update(status=QUEUED, worker="", step="").where(
        _mine(task.id, task.attempt, task.worker)).execute())


def beat(worker: str, task_ids) -> None:
    if task_ids:
        BackgroundTask.update(heartbeat_at=dt.datetime.now()).where(
            BackgroundTask.id.in_(list(task_ids)) & (BackgroundTask.status == RUNNING)
            & (BackgroundTask.worker == worker)).execute()


def reap(stale_after: dt.timedelta | None = None, now: dt.datetime | None = None) -> list[int]:
    """Mark failed every running task whose worker has not beaten for ``stale_after``."""
    now = now or dt.datetime.now()
    stale_after = stale_after or dt.timedelta(seconds=current_app.config["TASK_STALE_SECONDS"])
    cutoff = now - stale_after
    dead = list(BackgroundTask.select().where((BackgroundTask.status == RUNNING)
                                              & (BackgroundTask.heartbeat_at < cutoff)))
    reaped = []
    for task in dead:
        with database.atomic():
            marked = BackgroundTask.update(status=FAILED, step="failed", finished_at=now,
                                           error=stored_error("worker_lost", worker=task.worker)).where(
                (BackgroundTask.id == task.id) & (BackgroundTask.attempt == task.attempt)
                & (BackgroundTask.status == RUNNING) & (BackgroundTask.heartbeat_at < cutoff)).execute()
            if marked:
                kinds.get(task.kind).on_failed(BackgroundTask.get_by_id(task.id))
                reaped.append(task.id)
    if reaped:
        current_app.logger.warning("background tasks %s: their worker stopped; marked failed", reaped)
    return reaped


def retry(task: BackgroundTask) -> bool:
    """Queue a failed task again (next attempt); False when it is not failed (already retried)."""
    with database.atomic():
        again = BackgroundTask.update(status=QUEUED, attempt=BackgroundTask.attempt + 1, progress=0, step="",
                                      error="", worker="", heartbeat_at=None, finished_at=None, result="").where(
            (BackgroundTask.id == task.id) & (BackgroundTask.status == FAILED)
            & (BackgroundTask.attempt == task.attempt)).execute()
        if not again:
            return False
        fresh = BackgroundTask.get_by_id(task.id)
        kinds.get(fresh.kind).on_retry(fresh)
        _enqueue(fresh.id, fresh.attempt)
    return True


def task_of(kind: str, target_id: int) -> BackgroundTask | None:
    return (BackgroundTask.select().where((BackgroundTask.kind == kind) & (BackgroundTask.target_id == target_id))
            .order_by(BackgroundTask.id.desc()).first())
