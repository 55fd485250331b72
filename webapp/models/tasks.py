"""Background tasks (a matching run, a large export, a regional report) and the worker processes
that run them. The queue itself (huey) only carries «run task N, attempt A»; what a page shows and
what survives a killed worker is kept here: state, progress, the worker's heartbeat, the attempt."""
from __future__ import annotations

import datetime as dt
import json

import peewee as pw

from webapp.db import BaseModel
from webapp.models.organisation import Organisation
from webapp.models.user import User

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
TASK_STATES = (QUEUED, RUNNING, DONE, FAILED)


class BackgroundTask(BaseModel):
    kind = pw.CharField(max_length=40)                 # a key of webapp.tasks.kinds
    organisation = pw.ForeignKeyField(Organisation, null=True, backref="+", on_delete="CASCADE")
    author = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    request_key = pw.CharField(max_length=64, unique=True)  # one request, one task (a form's hidden key)
    target_id = pw.IntegerField(null=True)             # the record the task works on (a MatchingRun's id)
    params_json = pw.TextField(default="{}")
    status = pw.CharField(max_length=20, default=QUEUED)
    progress = pw.IntegerField(default=0)              # 0..100
    step = pw.CharField(max_length=40, default="")     # a step code
    error = pw.TextField(default="")                   # {"code": …, "params": …}
    result = pw.CharField(max_length=255, default="")  # e.g. the stored file of an export
    attempt = pw.IntegerField(default=1)
    worker = pw.CharField(max_length=120, default="")  # host:pid of the worker running it
    heartbeat_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    started_at = pw.DateTimeField(null=True)
    finished_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "background_task"
        indexes = ((("kind", "target_id"), False), (("status", "heartbeat_at"), False))

    @property
    def params(self) -> dict:
        return json.loads(self.params_json or "{}")

    @property
    def finished(self) -> bool:
        return self.status in (DONE, FAILED)


class TaskWorker(BaseModel):
    """A running `flask worker` (or the one `serve` starts): it beats while alive."""
    name = pw.CharField(max_length=120, unique=True)   # host:pid
    threads = pw.IntegerField(default=1)
    started_at = pw.DateTimeField(default=dt.datetime.now)
    heartbeat_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        table_name = "task_worker"
