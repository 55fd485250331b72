"""Real worker processes (`flask worker`) and a second app server (`flask serve`) on the test's
database, with short heartbeat windows so a killed worker is noticed within seconds."""
from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLASK = [sys.executable, "-m", "flask", "--app", "webapp"]
WINDOWS = {"TASK_HEARTBEAT_SECONDS": 1, "TASK_STALE_SECONDS": 3, "TASK_POLL_SECONDS": 1}


@pytest.fixture
def process_env(db_url, tmp_path) -> dict:
    """What every process of this test reads: the same database, key, uploads and windows."""
    return {**os.environ, "DATABASE_URL": db_url, "SECRET_KEY": "test-secret",
            "INSTANCE_PATH": str(tmp_path / "instance"), "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "EMBEDDED_WORKER": "off", **{k: str(v) for k, v in WINDOWS.items()}}


@pytest.fixture
def queue_app(make_app):
    return make_app(MATCHING_SYNC=False, **WINDOWS)


class Processes:
    def __init__(self, env, folder):
        self.env, self.folder, self.started = env, folder, []

    def _start(self, args, name):
        log = open(self.folder / f"{name}.log", "w+")
        proc = subprocess.Popen([*FLASK, *args], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        proc.log = log
        self.started.append(proc)
        return proc

    def worker(self):
        return self._start(["worker"], f"worker{len(self.started)}")

    def server(self, workers: int = 1) -> "Server":
        port = _free_port()
        proc = self._start(["serve", "--port", str(port), "--workers", str(workers)], f"server{len(self.started)}")
        self.last_server = proc
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return Server(f"http://127.0.0.1:{port}")
            except OSError:
                time.sleep(0.1)
        proc.log.seek(0)
        raise RuntimeError(f"server did not start: {proc.log.read()}")

    def stop_all(self):
        for proc in self.started:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            proc.log.close()


@pytest.fixture
def processes(process_env, tmp_path):
    started = Processes(process_env, tmp_path)
    yield started
    started.stop_all()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A browser-like client of a served app: keeps cookies, sends the form's CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str, **headers) -> str:
        with self.opener.open(urllib.request.Request(self.base + path, headers=headers), timeout=30) as response:
            return response.read().decode()

    def login(self, login: str, password: str) -> None:
        token = re.search(r'name="csrf_token" value="([^"]+)"', self.get("/login")).group(1)
        data = urllib.parse.urlencode({"login": login, "password": password, "csrf_token": token}).encode()
        self.opener.open(urllib.request.Request(self.base + "/login", data=data), timeout=30).read()
