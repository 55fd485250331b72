"""Concurrent writes against a real server: errors and lost writes (both must be 0).

Builds the demo school in a fresh database, serves it with waitress in a child process (the
`serve` command, CSRF on), and runs W participants at once (default 50), each signing in,
opening their questionnaire and autosaving one text answer A times (default 20), values
numbered so the last acknowledged one is known. Then the same again while two coordinators keep
starting matching runs, which store their suggestions in the server's background threads.
Prints, per scenario: requests, errors (any answer other than the expected one), lost writes
(people whose stored answer is not their last acknowledged value), the median and slowest
autosave. Baseline in the same run: the same autosaves by one writer alone.

Usage: .venv/bin/python bench/bench_concurrency.py [--writers 50] [--saves 20] [--database sqlite|postgresql]
  PostgreSQL: BENCH_DATABASE_URL=postgresql://user:pass@host/db (the database is wiped).
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "demo2026"
TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(url: str, writers: int) -> list[tuple[str, int, int]]:
    """Load the demo school; return (login, questionnaire id, text question id) for ``writers`` mentees.

    Their requests are reopened as drafts (autosave needs a draft); every other mentee and mentor
    keeps a submitted questionnaire, so the matching runs have people to match.
    """
    from webapp import create_app, demo, migrations
    from webapp.db import database
    from webapp.models import Response, User, UserRole
    from webapp.questionnaires import responses
    from webapp.questionnaires.assigning import questionnaires_for
    if url.startswith("postgresql"):
        from playhouse.db_url import connect
        db = connect(url)
        db.execute_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        db.close()
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
    people = []
    with app.app_context():
        migrations.upgrade(database.obj)
        demo.load()
        participants = (User.select().join(UserRole).where(UserRole.role == "mentee")
                        .distinct().order_by(User.id))
        for user in participants:
            if len(people) >= writers:
                break
            for due in questionnaires_for(user):
                response = responses.start(user, due.questionnaire)
                texts = [q for q in responses.visible_questions(response.version, user, None)
                         if q.qtype in ("short_text", "long_text")]
                if texts:
                    Response.update(status="draft").where(Response.id == response.id).execute()
                    people.append((user.login, due.questionnaire.id, texts[0].id))
                    break
    database.close()
    return people


def stored_answers(url: str, people) -> dict[str, object]:
    from webapp import create_app
    from webapp.db import database
    from webapp.models import Answer, Response, User
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
    found = {}
    with app.app_context():
        for login, _questionnaire, question in people:
            answer = (Answer.select().join(Response).join(User, on=(Response.user == User.id))
                      .where((User.login == login) & (Answer.question == question)).first())
            found[login] = answer.value if answer else None
    database.close()
    return found


class Browser:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = ""

    def request(self, path: str, data: dict | None = None, headers: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(req, timeout=120) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, path, error.read().decode(errors="replace")

    def fetch_token(self, path: str) -> None:
        status, _url, page = self.request(path)
        match = TOKEN_RE.search(page)
        self.token = match.group(1) if match else self.token

    def login(self, login: str) -> bool:
        self.fetch_token("/login")
        status, url, _page = self.request("/login", {"login": login, "password": PASSWORD, "csrf_token": self.token})
        self.fetch_token("/dashboard")
        return status == 200 and "/login" not in url


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = self.errors = 0
        self.times: list[float] = []
        self.samples: list[str] = []
        self.acknowledged: dict[str, str] = {}

    def error(self, what: str) -> None:
        with self.lock:
            self.errors += 1
            if len(self.samples) < 5:
                self.samples.append(what)


def participant(base: str, person, saves: int, tally: Tally, barrier: threading.Barrier | None) -> None:
    try:
        _participant(base, person, saves, tally, barrier)
    except Exception as exc:  # a timeout or a dropped connection is an error the user would see
        tally.error(f"{person[0]}: {type(exc).__name__} {exc}")
        if barrier is not None:
            barrier.abort()


def _participant(base: str, person, saves: int, tally: Tally, barrier: threading.Barrier | None) -> None:
    login, questionnaire, question = person
    browser = Browser(base)
    if not browser.login(login):
        tally.error(f"{login}: log-in failed")
        return
    status, url, _page = browser.request(f"/questionnaires/{questionnaire}/start", {"csrf_token": browser.token})
    match = re.search(r"/responses/(\d+)", url)
    if status != 200 or not match:
        tally.error(f"{login}: start answered {status}")
        return
    response_id = match.group(1)
    if barrier is not None:
        try:
            barrier.wait(300)
        except threading.BrokenBarrierError:
            pass
    for number in range(saves):
        value = f"{login} ответ {number}"
        started = time.perf_counter()
        try:
            status, _url, page = browser.request(
                f"/questionnaires/responses/{response_id}/answers/{question}",
                {f"q{question}": value},
                headers={"HX-Request": "true", "X-CSRFToken": browser.token})
        except OSError as exc:
            status, page = 0, f"{type(exc).__name__}"
        elapsed = (time.perf_counter() - started) * 1000
        with tally.lock:
            tally.requests += 1
            tally.times.append(elapsed)
        if status != 200 or "Сохранено" not in page:
            tally.error(f"{login}: autosave answered {status}")
        else:
            with tally.lock:
                tally.acknowledged[login] = value


def coordinator(base: str, login: str, stop: threading.Event, tally: Tally, runs: list) -> None:
    try:
        _coordinator(base, login, stop, tally, runs)
    except Exception as exc:
        tally.error(f"{login}: {type(exc).__name__} {exc}")


def _coordinator(base: str, login: str, stop: threading.Event, tally: Tally, runs: list) -> None:
    browser = Browser(base)
    if not browser.login(login):
        tally.error(f"{login}: log-in failed")
        return
    while not stop.is_set():
        browser.fetch_token("/matching")
        status, url, _page = browser.request("/matching/runs", {"csrf_token": browser.token})
        with tally.lock:
            tally.requests += 1
        if status != 200 or "/matching/runs/" not in url:
            tally.error(f"{login}: matching run answered {status}")
            time.sleep(0.5)
            continue
        run_id = url.rstrip("/").split("/")[-1]
        runs.append(run_id)
        for _ in range(300):  # wait for this run to be stored before starting the next
            status, _url, page = browser.request(f"/matching/runs/{run_id}/status", headers={"HX-Request": "true"})
            if stop.is_set() or "hx-trigger" not in page.lower() or "every" not in page.lower():
                break
            time.sleep(0.2)


def scenario(base: str, people, saves: int, with_matching: bool, url: str) -> dict:
    tally = Tally()
    barrier = threading.Barrier(len(people))
    threads = [threading.Thread(target=participant, args=(base, p, saves, tally, barrier)) for p in people]
    stop, runs = threading.Event(), []
    helpers = [threading.Thread(target=coordinator, args=(base, login, stop, tally, runs))
               for login in (("kurator", "admin") if with_matching else ())]
    for thread in helpers + threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    for thread in helpers:
        thread.join()
    stored = stored_answers(url, people)
    lost = sum(1 for login, value in tally.acknowledged.items() if stored.get(login) != value)
    times = sorted(tally.times) or [0.0]
    return dict(requests=tally.requests, errors=tally.errors, lost=lost, runs=len(runs), median=statistics.median(times),
                slowest=times[-1], samples=tally.samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    if args.database == "postgresql":
        url = os.environ.get("BENCH_DATABASE_URL", "postgresql://nastavnik:nastavnik@127.0.0.1:5432/nastavnik_bench")
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    people = prepare(url, args.writers)
    if len(people) < args.writers:
        sys.exit(f"only {len(people)} participants have a questionnaire with a text question")
    port = free_port()
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY="bench")
    log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
    server = subprocess.Popen([sys.executable, "-m", "flask", "--app", "webapp", "serve", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        print(f"database: {args.database}; {args.writers} writers × {args.saves} autosaves; waitress, 8 threads")
        rows = [("baseline: 1 writer", scenario(base, people[:1], args.saves, False, url)),
                (f"{args.writers} writers", scenario(base, people[:args.writers], args.saves, False, url)),
                (f"{args.writers} writers + 2 matching runs", scenario(base, people[:args.writers], args.saves, True, url))]
        print(f"{'scenario':<34}{'requests':>9}{'errors':>8}{'lost':>6}{'runs':>6}{'median ms':>11}{'slowest ms':>12}")
        for name, r in rows:
            print(f"{name:<34}{r['requests']:>9}{r['errors']:>8}{r['lost']:>6}{r['runs']:>6}"
                  f"{r['median']:>11.0f}{r['slowest']:>12.0f}")
            for sample in r["samples"]:
                print(f"    e.g. {sample}")
    finally:
        server.terminate()
        server.wait(10)
        log.seek(0)
        errors = log.read()
        print(f"server log: {errors.count('Traceback')} tracebacks ({log.name})")


if __name__ == "__main__":
    main()
