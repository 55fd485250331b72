"""Several app servers: one shared key or none starts, client addresses from the trusted proxies,
uploads in the shared storage folder, and gunicorn servers sharing sessions, database and queue."""
from __future__ import annotations

import json
import subprocess
import time

import pytest

from tests.factories import PASSWORD, make_school
from tests.tasks.conftest import FLASK, ROOT
from webapp import create_app
from webapp.config import SettingError
from webapp.models import LoginFailure

SHARED_KEY = "k" * 64


def test_several_servers_refuse_to_start_without_a_shared_key(tmp_path, db_url):
    for key in (None, "short-key"):
        config = {"TESTING": True, "DATABASE_URL": db_url, "SERVERS": 2, "INSTANCE_PATH": str(tmp_path / "i")}
        if key:
            config["SECRET_KEY"] = key
        with pytest.raises(SettingError, match="SERVERS=2: задайте SECRET_KEY"):
            create_app(config)
    assert not (tmp_path / "i" / "secret_key").exists()  # no key of its own was generated
    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "SERVERS": 2, "SECRET_KEY": SHARED_KEY})
    assert app.config["SECRET_KEY"] == SHARED_KEY


def test_serve_says_why_it_does_not_start(process_env):
    env = {**process_env, "SERVERS": "3"}
    env.pop("SECRET_KEY")
    done = subprocess.run([*FLASK, "serve"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Error: SERVERS=3: задайте SECRET_KEY" in done.stderr and "Traceback" not in done.stderr


def _fail_login(app, forwarded: str):
    app.test_client().post("/login", data={"login": "kurator", "password": "wrong-password"},
                           headers={"X-Forwarded-For": forwarded}, environ_base={"REMOTE_ADDR": "10.0.0.5"})


def test_behind_a_balancer_throttling_counts_the_clients_address(make_app):
    app = make_app(TRUSTED_PROXIES=1)
    with app.app_context():
        make_school()
    _fail_login(app, "203.0.113.9, 198.51.100.4")  # a forged first hop, the balancer's real one
    with app.app_context():
        assert [f.address for f in LoginFailure.select()] == ["198.51.100.4"]
    assert app.config["SESSION_COOKIE_SECURE"] is not True  # plain HTTP inside the region's network


def test_without_trusted_proxies_the_forwarded_address_is_ignored(make_app):
    app = make_app()
    with app.app_context():
        make_school()
    _fail_login(app, "198.51.100.4")
    with app.app_context():
        assert [f.address for f in LoginFailure.select()] == ["10.0.0.5"]


def test_gunicorn_servers_share_sessions_database_and_queue(queue_app, processes, process_env):
    with queue_app.app_context():
        make_school()
    processes.env = {**process_env, "SERVERS": "2", "SECRET_KEY": SHARED_KEY}
    first, second = processes.server(workers=2), processes.server(workers=2)  # gunicorn, 2 processes each
    first.login("kurator", PASSWORD)
    second.opener = first.opener  # the same browser, sent by the balancer to the other server
    for _ in range(6):  # whichever gunicorn process of either server answers, the session holds
        assert "Выйти" in second.get("/matching") and "Выйти" in first.get("/banks/mentees")
    health = json.loads(second.get("/healthz"))
    assert health["status"] == "ok" and health["queue"]["workers"] == 0
    processes.worker()
    for _ in range(100):
        if json.loads(first.get("/healthz"))["queue"]["workers"] == 1:
            break
        time.sleep(0.1)
    assert json.loads(first.get("/healthz"))["queue"]["workers"] == 1


def test_the_marks_import_keeps_its_upload_in_the_shared_folder(tmp_path):
    from webapp.monitoring import marks_import
    token = marks_import.read_upload(1, "marks.csv", "ФИО;Предмет;Оценка\nИванов;математика;4\n".encode(),
                                     str(tmp_path / "shared"))
    assert (tmp_path / "shared" / "imports" / f"{token}.json").is_file()
    assert marks_import.load_rows(1, token, str(tmp_path / "shared"))


def test_serve_keeps_a_worker_beside_itself_and_stops_it(queue_app, processes, process_env):
    """One school: `flask serve` alone runs background tasks, starts its worker again if it dies,
    and takes it down when it stops."""
    import os
    import signal
    from webapp.models import TaskWorker

    def workers() -> set[str]:
        with queue_app.app_context():
            return {w.name for w in TaskWorker.select()}

    def wait_for(predicate):
        for _ in range(600):
            if predicate():
                return
            time.sleep(0.1)
        raise AssertionError("not within 60 s")

    processes.env = {**process_env, "EMBEDDED_WORKER": "on"}
    server = processes.server()
    wait_for(lambda: json.loads(server.get("/healthz"))["queue"]["workers"] == 1)
    [first] = workers()
    os.kill(int(first.rsplit(":", 1)[1]), signal.SIGKILL)
    wait_for(lambda: workers() - {first})  # started again within the watch interval
    [second] = workers() - {first}
    processes.last_server.terminate()
    processes.last_server.wait(30)
    wait_for(lambda: second not in workers())  # the worker signed off: it stopped with the server


def test_a_write_one_server_answered_survives_that_server_being_killed(queue_app, processes, process_env):
    """Behind a balancer: what a server acknowledged (a 303 after a save) is in the shared database, so
    killing that server with SIGKILL loses nothing — the other server shows it."""
    import re
    import urllib.parse
    import urllib.request
    with queue_app.app_context():
        make_school()
    processes.env = {**process_env, "SERVERS": "2", "SECRET_KEY": SHARED_KEY}
    first = processes.server()
    doomed = processes.last_server
    second = processes.server()
    first.login("kurator", PASSWORD)
    token = re.search(r'name="csrf_token" value="([^"]+)"', first.get("/news/new")).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "title": "Встреча наставников 12 декабря",
                                   "body": "Собираемся в 15:00 в кабинете 204.", "roadmap_item_id": ""}).encode()
    with first.opener.open(urllib.request.Request(first.base + "/news/new", data=data), timeout=30) as answer:
        assert answer.status == 200 and "/news" in answer.geturl()  # the save was answered (303, followed)
    doomed.kill()
    doomed.wait(timeout=10)
    second.opener = first.opener  # the balancer sends the same browser to the surviving server
    assert "Встреча наставников 12 декабря" in second.get("/news")
