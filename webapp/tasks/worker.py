"""`flask worker`: the process that runs background tasks.

It runs huey's consumer (``WORKER_THREADS`` threads taking tasks from the queue) and a heartbeat
thread that, every ``TASK_HEARTBEAT_SECONDS``, records that this worker and each task it runs are
alive and reaps the tasks of workers that stopped beating (on any machine). ``--exit-with-parent``
(used by `flask serve`) stops the worker when the server that started it is gone.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import threading

import click
import peewee as pw
from flask import current_app

from webapp.db import database, release_all
from webapp.models.tasks import BackgroundTask, TaskWorker
from webapp.tasks import lifecycle
from webapp.tasks.queue import RUNNING_HERE

SCHEDULER_INTERVAL = 5  # seconds between looks at the queue's delayed retries (a factor of 60)


class Heartbeat(threading.Thread):
    def __init__(self, app, name: str, threads: int, parent_pid: int | None = None):
        super().__init__(name="task-heartbeat", daemon=True)
        self.app, self.worker, self.threads, self.parent_pid = app, name, threads, parent_pid
        self.interval = max(0.2, float(app.config["TASK_HEARTBEAT_SECONDS"]))
        self.stopped = threading.Event()

    def run(self) -> None:
        while True:
            self.beat()
            if self.parent_pid and os.getppid() != self.parent_pid:  # the server that started us is gone
                os.kill(os.getpid(), signal.SIGTERM)
                return
            if self.stopped.wait(self.interval):
                return

    def beat(self) -> None:
        with self.app.app_context():
            database.connect(reuse_if_open=True)
            try:
                now = dt.datetime.now()
                updated = TaskWorker.update(heartbeat_at=now).where(TaskWorker.name == self.worker).execute()
                if not updated:
                    TaskWorker.insert(name=self.worker, threads=self.threads, started_at=now,
                                      heartbeat_at=now).on_conflict_ignore().execute()
                lifecycle.beat(self.worker, set(RUNNING_HERE))
                lifecycle.reap()
                forget_silent_workers(now)
            except pw.DatabaseError:
                current_app.logger.exception("worker heartbeat failed")
            finally:
                if not database.is_closed():
                    database.close()

    def stop(self) -> None:
        self.stopped.set()


def forget_silent_workers(now: dt.datetime) -> None:
    """Worker rows silent for a day are of processes long gone."""
    TaskWorker.delete().where(TaskWorker.heartbeat_at < now - dt.timedelta(days=1)).execute()


def _sign_off(app, name: str) -> None:
    """A worker stopping with tasks still running fails them at once instead of leaving them to the reaper."""
    with app.app_context():
        database.connect(reuse_if_open=True)
        try:
            for task in BackgroundTask.select().where((BackgroundTask.worker == name)
                                                     & BackgroundTask.id.in_(list(RUNNING_HERE) or [0])):
                lifecycle.fail(task, lifecycle.stored_error("worker_lost", worker=name))
            TaskWorker.delete().where(TaskWorker.name == name).execute()
        finally:
            if not database.is_closed():
                database.close()


@click.command("worker")
@click.option("--threads", type=click.IntRange(1, 32), default=None,
              help="tasks run at once (default: the WORKER_THREADS setting)")
@click.option("--exit-with-parent", is_flag=True, help="stop when the process that started the worker ends")
def worker_command(threads, exit_with_parent):
    """Run background tasks (matching runs, exports) from the queue until stopped."""
    app = current_app._get_current_object()
    threads = threads or app.config["WORKER_THREADS"]
    queue = app.extensions["task_queue"]
    name = lifecycle.worker_name()
    release_all()
    consumer = queue.huey.create_consumer(workers=threads, worker_type="thread", periodic=False,
                                          initial_delay=0.1, backoff=1.3,
                                          max_delay=float(app.config["TASK_POLL_SECONDS"]),
                                          scheduler_interval=SCHEDULER_INTERVAL, check_worker_health=True)
    heartbeat = Heartbeat(app, name, threads, os.getppid() if exit_with_parent else None)
    heartbeat.beat()
    heartbeat.start()
    click.echo(f"Обработчик фоновых задач {name} запущен, потоков: {threads}. Остановить: Ctrl+C")
    try:
        consumer.run()
    finally:
        heartbeat.stop()
        _sign_off(app, name)
