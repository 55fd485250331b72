"""Each change of a task's state is won by one process only: claim, reap, retry, the request key."""
from __future__ import annotations

import datetime as dt

from tests.conftest import text
from tests.factories import PASSWORD
from webapp.models import BackgroundTask, TaskWorker
from webapp.tasks import lifecycle
from webapp.tasks.status import queue_state
from webapp.tasks.storage import QUEUE_NAME


def _queued_messages(app) -> int:
    return app.extensions["task_queue"].huey.pending_count()


def test_one_request_key_one_task_and_a_foreign_key_is_not_reused(app, school):
    with app.app_context():
        key = "c" * 32
        first, made = lifecycle.submit("bank_export", request_key=key, organisation=school["org"],
                                       params={"role": "mentee"})
        again, made_again = lifecycle.submit("bank_export", request_key=key, organisation=school["org"])
        assert made and not made_again and again.id == first.id
        foreign, made_foreign = lifecycle.submit("bank_export", request_key=key, organisation=school["other_org"])
        assert made_foreign and foreign.id != first.id and foreign.request_key != key
        odd, _ = lifecycle.submit("bank_export", request_key="<script>", organisation=school["org"])
        assert lifecycle.REQUEST_KEY.match(odd.request_key)
        assert _queued_messages(app) == 3  # one message per task, in the queue's table on our database
        assert app.extensions["task_queue"].huey.storage.Task._meta.table_name == "huey_task"
        assert QUEUE_NAME == "nastavnik"


def test_a_task_is_claimed_once_and_written_only_by_its_worker(app, school):
    with app.app_context():
        task, _ = lifecycle.submit("bank_export", organisation=school["org"], params={"role": "mentee"})
        mine = lifecycle.claim(task.id, 1, "host:1")
        assert mine is not None and lifecycle.claim(task.id, 1, "host:2") is None
        assert lifecycle.claim(task.id, 2, "host:2") is None  # a message for an attempt that does not exist
        intruder = BackgroundTask.get_by_id(task.id)
        intruder.worker = "host:2"
        assert not lifecycle.finish(intruder) and lifecycle.finish(mine)
        assert lifecycle.claim(task.id, 1, "host:3") is None  # done: a late duplicate message does nothing


def test_the_reaper_fails_a_silent_task_and_a_retry_queues_the_next_attempt(app, school):
    with app.app_context():
        task, _ = lifecycle.submit("bank_export", organisation=school["org"], params={"role": "mentee"})
        mine = lifecycle.claim(task.id, 1, "host:1")
        now = dt.datetime.now()
        assert lifecycle.reap(dt.timedelta(seconds=45), now) == []
        later = now + dt.timedelta(seconds=46)
        assert lifecycle.reap(dt.timedelta(seconds=45), later) == [task.id]
        assert lifecycle.reap(dt.timedelta(seconds=45), later) == []
        failed = BackgroundTask.get_by_id(task.id)
        assert failed.status == "failed" and "worker_lost" in failed.error
        assert not lifecycle.finish(mine)  # the worker woke up too late: its result is not taken
        assert lifecycle.retry(failed) and not lifecycle.retry(failed)
        again = BackgroundTask.get_by_id(task.id)
        assert (again.status, again.attempt) == ("queued", 2)


def test_health_says_when_tasks_wait_and_no_worker_runs(app, school):
    with app.app_context():
        lifecycle.submit("bank_export", organisation=school["org"], params={"role": "mentee"})
        state = queue_state(app.config)
        assert (state.queued, state.workers, state.no_worker) == (1, 0, True)
    client = app.test_client()
    assert client.get("/healthz").get_json()["queue"]["state"] == "no_worker"
    client.post("/login", data={"login": "admin", "password": PASSWORD})
    page = text(client.get("/admin/health"))
    assert 'data-warning="no_worker"' in page and "обработчиков работает: 0; в очереди: 1" in page
    with app.app_context():
        TaskWorker.create(name="host:7")
        assert queue_state(app.config).no_worker is False
    assert client.get("/healthz").get_json()["queue"]["workers"] == 1
