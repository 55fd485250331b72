"""A matching run on the queue, end to end with real processes: enqueued by one app, taken by a
`flask worker` process, its progress read from a second app server, the worker killed mid-run
(SIGKILL), the run marked failed by the reaper within its window, and a retry that finishes it."""
from __future__ import annotations

import os
import signal
import time

from tests.conftest import text
from tests.factories import PASSWORD, make_school
from tests.pairs.builders import matching_school
from tests.pairs.test_matching_runs import DEFAULTS
from tests.tasks.conftest import WINDOWS
from webapp.models import BackgroundTask, MatchingRun, Suggestion, TaskWorker


def _wait(predicate, timeout: float, step: float = 0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"not within {timeout} s")


def _run(run_id: int) -> MatchingRun:
    return MatchingRun.get_by_id(run_id)


def test_a_run_survives_its_worker_being_killed(queue_app, processes):
    with queue_app.app_context():
        matching_school(make_school())
    coordinator = queue_app.test_client()
    coordinator.post("/login", data={"login": "kurator", "password": PASSWORD})
    key = "a" * 32
    first = coordinator.post("/matching/runs", data={**DEFAULTS, "request_key": key})
    again = coordinator.post("/matching/runs", data={**DEFAULTS, "request_key": key})  # the form sent twice
    assert first.location == again.location
    run_id = int(first.location.rsplit("/", 1)[1])
    other = processes.server()  # a second app server, no worker of its own
    other.login("kurator", PASSWORD)
    with queue_app.app_context():
        assert BackgroundTask.select().count() == 1 and _run(run_id).status == "queued"
        assert "В очереди" in other.get(f"/matching/runs/{run_id}/status")

        worker = processes.worker()
        _wait(lambda: _run(run_id).status == "running", 30)
        os.kill(worker.pid, signal.SIGSTOP)  # frozen mid-run: what the other server shows now
        seen = _run(run_id)
        assert seen.status == "running"
        page = other.get(f"/matching/runs/{run_id}/status")
        assert "Идёт подбор" in page and f"{seen.progress}%" in page
        task = BackgroundTask.get()
        assert task.status == "running" and task.worker.endswith(f":{worker.pid}")
        assert TaskWorker.select().where(TaskWorker.name == task.worker).exists()

        killed_at = time.monotonic()
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        failed = _wait(lambda: "остановился" in (page := other.get(f"/matching/runs/{run_id}/status")) and page,
                       60, step=0.25)
        took = time.monotonic() - killed_at
        assert took < WINDOWS["TASK_STALE_SECONDS"] + 2 * WINDOWS["TASK_HEARTBEAT_SECONDS"] + 5
        assert "Повторить подбор" in failed
        assert _run(run_id).status == "failed" and BackgroundTask.get().status == "failed"
        assert Suggestion.select().where(Suggestion.run == run_id).count() == 0  # nothing half-stored

        assert coordinator.post(f"/matching/runs/{run_id}/retry").status_code == 303
        refused = coordinator.post(f"/matching/runs/{run_id}/retry", follow_redirects=True)
        assert "нельзя повторить" in text(refused)  # pressed twice: one more attempt, not two
        task = BackgroundTask.get()
        assert (task.status, task.attempt) == ("queued", 2)
        queue_app.extensions["task_queue"].execute_task(task.id, 2)  # a duplicated queue message
        processes.worker()
        _wait(lambda: _run(run_id).status == "done", 60, step=0.1)
        run = _run(run_id)
        assert run.n_suggestions > 0
        assert Suggestion.select().where(Suggestion.run == run_id).count() == run.n_suggestions  # stored once
        assert BackgroundTask.get().status == "done"
        assert "Утвердить все предложенные" in other.get(f"/matching/runs/{run_id}")  # the review, on the other server


def test_the_run_page_polls_until_the_worker_is_done(queue_app, processes):
    with queue_app.app_context():
        matching_school(make_school())
    processes.worker()
    client = queue_app.test_client()
    client.post("/login", data={"login": "kurator", "password": PASSWORD})
    run_id = int(client.post("/matching/runs", data=DEFAULTS).location.rsplit("/", 1)[1])
    for _ in range(300):
        fragment = client.get(f"/matching/runs/{run_id}/status", headers={"HX-Request": "true"})
        if "HX-Refresh" in fragment.headers:
            break
        assert 'hx-trigger="every 1s"' in text(fragment)
        time.sleep(0.1)
    with queue_app.app_context():
        assert _run(run_id).status == "done"
    assert "Утвердить все предложенные" in text(client.get(f"/matching/runs/{run_id}"))
