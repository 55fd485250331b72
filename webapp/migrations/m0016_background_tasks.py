"""Background tasks on a real queue: the task records (state, progress, heartbeat, attempt), the
workers' heartbeats, and the tables of the queue itself (huey's SQL storage, prefixed «huey_»)."""
import datetime as dt

import peewee as pw

from webapp.migrations.frozen import FrozenModel as _Base, Organisation, User

VERSION = 16


class BackgroundTask(_Base):
    kind = pw.CharField(max_length=40)
    organisation = pw.ForeignKeyField(Organisation, null=True, backref="+", on_delete="CASCADE")
    author = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    request_key = pw.CharField(max_length=64, unique=True)
    target_id = pw.IntegerField(null=True)
    params_json = pw.TextField(default="{}")
    status = pw.CharField(max_length=20, default="queued")
    progress = pw.IntegerField(default=0)
    step = pw.CharField(max_length=40, default="")
    error = pw.TextField(default="")
    result = pw.CharField(max_length=255, default="")
    attempt = pw.IntegerField(default=1)
    worker = pw.CharField(max_length=120, default="")
    heartbeat_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    started_at = pw.DateTimeField(null=True)
    finished_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "background_task"
        indexes = ((("kind", "target_id"), False), (("status", "heartbeat_at"), False))


class TaskWorker(_Base):
    name = pw.CharField(max_length=120, unique=True)
    threads = pw.IntegerField(default=1)
    started_at = pw.DateTimeField(default=dt.datetime.now)
    heartbeat_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        table_name = "task_worker"


# huey's SQL storage (huey.contrib.sql_huey) as of huey 3.5, under our «huey_» table names
class HueyKv(_Base):
    queue = pw.CharField()
    key = pw.CharField()
    value = pw.BlobField()

    class Meta:
        table_name = "huey_kv"
        primary_key = pw.CompositeKey("queue", "key")


class HueySchedule(_Base):
    queue = pw.CharField()
    data = pw.BlobField()
    timestamp = pw.BigIntegerField()

    class Meta:
        table_name = "huey_schedule"
        indexes = ((("queue", "timestamp"), False),)


class HueyTask(_Base):
    queue = pw.CharField()
    data = pw.BlobField()
    priority = pw.FloatField(default=0.0)

    class Meta:
        table_name = "huey_task"


HueyTask.add_index(HueyTask.priority.desc(), HueyTask.id)


class HueyCounter(_Base):
    queue = pw.CharField()
    key = pw.CharField()
    value = pw.IntegerField()

    class Meta:
        table_name = "huey_counter"
        primary_key = pw.CompositeKey("queue", "key")


def upgrade(db, migrator):
    models = [BackgroundTask, TaskWorker, HueyKv, HueySchedule, HueyTask, HueyCounter]
    with db.bind_ctx(models + [Organisation, User]):
        db.create_tables(models)
