"""The application's task queue: one huey instance per app on its database, and the one queued
function, «run background task N at attempt A», that a worker executes."""
from __future__ import annotations

import peewee as pw

from webapp.db import database
from webapp.tasks import kinds, lifecycle
from webapp.tasks.storage import make_queue

# faults that pass (the database restarted, a connection dropped): the queue retries the task
PASSING_FAULTS = (pw.OperationalError, pw.InterfaceError)
QUEUE_RETRIES, QUEUE_RETRY_DELAY = 3, 2

#: ids of the tasks this process is running now; the worker's heartbeat beats for them
RUNNING_HERE: set[int] = set()


class TaskQueue:
    def __init__(self, app):
        self.app = app
        self.huey = make_queue(database.obj)
        self._execute = self.huey.task(retries=QUEUE_RETRIES, retry_delay=QUEUE_RETRY_DELAY, context=True,
                                       name="nastavnik.run_background_task")(self._run)

    def execute_task(self, task_id: int, attempt: int) -> None:
        """Put «run task_id at attempt» on the queue (in the caller's transaction)."""
        self._execute(task_id, attempt)

    def _run(self, task_id: int, attempt: int, task=None) -> None:
        with self.app.app_context():
            database.connect(reuse_if_open=True)
            try:
                run_claimed(task_id, attempt, retries_left=getattr(task, "retries", 0))
            finally:
                if not database.is_closed():
                    database.close()


def run_claimed(task_id: int, attempt: int, retries_left: int = 0) -> None:
    task = lifecycle.claim(task_id, attempt, lifecycle.worker_name())
    if task is None:  # not queued at this attempt any more: never run twice
        return
    from flask import current_app
    RUNNING_HERE.add(task.id)
    try:
        result = kinds.get(task.kind).run(task, lifecycle.Progress(task))
    except lifecycle.TaskLost:
        current_app.logger.warning("background task %s was taken from this worker; its work is dropped", task.id)
    except lifecycle.TaskFailed as failure:
        lifecycle.fail(task, failure.error)
    except PASSING_FAULTS:
        if retries_left > 0 and lifecycle.give_back(task):
            raise  # the queue runs it again after QUEUE_RETRY_DELAY
        current_app.logger.exception("background task %s failed", task.id)
        lifecycle.fail(task, lifecycle.stored_error("internal"))
    except Exception:
        current_app.logger.exception("background task %s failed", task.id)
        lifecycle.fail(task, lifecycle.stored_error("internal"))
    else:
        lifecycle.finish(task, result or "")
    finally:
        RUNNING_HERE.discard(task.id)


def init_app(app) -> None:
    app.extensions["task_queue"] = TaskQueue(app)
    app.jinja_env.globals["new_request_key"] = lifecycle.new_request_key
