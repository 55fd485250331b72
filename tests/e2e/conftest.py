"""Browser tests: pytest-playwright driving the system Chromium against a real server.

The browser is Debian's ``chromium-headless-shell`` when it is installed, else ``chromium`` itself:
the same Chromium release (Blink, V8, the same version number), built without the windowed browser
around the page. It is what Playwright itself drives for headless runs, and on this 2-core machine the
25 browser tests took 51 s of CPU with it against 95 s with the full browser, whose browser process
alone spent ~24 s keeping up a window nobody sees. ``--headed`` (a person watching) needs the full one.

The server is the real `flask --app webapp serve` in a subprocess, on a free port, with its own
SQLite file holding the demo school; one server serves the whole session. Skipped, with the reason,
without Chromium or without htmx (set-up fetches it through npm when npm is there).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
ROOT = Path(__file__).resolve().parents[2]

HTMX = ROOT / "static" / "vendor" / "htmx.min.js"

HERE = Path(__file__).resolve().parent


def _why_not() -> str:
    """'' when browser tests can run; else the reason they are skipped."""
    if not os.path.exists(CHROMIUM):
        return f"browser tests need {CHROMIUM} (apt-get install chromium chromium-driver)"
    if not HTMX.exists():
        subprocess.run([str(ROOT / "bin" / "fetch-assets")], cwd=ROOT, check=False)
    if not HTMX.exists():
        return ("browser tests need htmx in static/vendor/ (bin/fetch-assets fetches it through npm, "
                "which is missing or failed)")
    return ""


def pytest_collection_modifyitems(config, items):
    """Skip every browser test, with the reason, when they cannot run (a skip at import time of this
    conftest would stop the whole run when the folder is named on the command line)."""
    mine = [item for item in items if HERE in item.path.parents]
    reason = _why_not() if mine else ""
    for item in mine if reason else []:
        item.add_marker(pytest.mark.skip(reason=reason))


def chromium_for(headed: bool) -> str:
    """The browser to launch: the headless shell for headless runs when it is there."""
    return HEADLESS_SHELL if not headed and os.path.exists(HEADLESS_SHELL) else CHROMIUM


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, pytestconfig):
    return {**browser_type_launch_args, "executable_path": chromium_for(pytestconfig.getoption("headed")),
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_database(tmp_path_factory) -> str:
    """The database URL of the served demo school (a test may set up what it needs in it)."""
    return f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.sqlite3'}"


@pytest.fixture(scope="session")
def server(server_database, demo_template):
    """A served demo school: yields its base URL.

    The database is a copy of the session's demo school (tests/conftest.py ``demo_template``, which the
    other tests of this worker copy too), so the demo is not loaded once more for the server; under
    TEST_DATABASE_URL there is no SQLite demo to copy and ``flask load-demo`` builds it.
    """
    folder = Path(server_database.removeprefix("sqlite:///")).parent
    env = {**os.environ, "DATABASE_URL": server_database, "SECRET_KEY": "e2e-secret"}
    flask = [sys.executable, "-m", "flask", "--app", "webapp"]
    if demo_template is not None:
        shutil.copyfile(demo_template, server_database.removeprefix("sqlite:///"))
    else:
        subprocess.run([*flask, "load-demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    log = open(folder / "server.log", "w+")
    proc = subprocess.Popen([*flask, "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        log.seek(0)
        raise RuntimeError(f"server did not start: {log.read()}")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


@pytest.fixture
def login(page, server):
    def do(login: str, password: str = "demo2026"):
        page.goto(f"{server}/login")
        page.get_by_label("Логин").fill(login)
        page.get_by_label("Пароль").fill(password)
        page.get_by_role("button", name="Войти").click()
        page.wait_for_url(f"{server}/dashboard")
    return do
