"""A region on one machine under load: two app servers (gunicorn), one worker, PostgreSQL.

Fills a PostgreSQL database with several schools (the demo school N times, bench/region_seed.py;
or keeps the database as it is with --keep-data, e.g. after `flask generate-region`), starts two
app servers (`flask serve`, gunicorn with --server-workers processes each, SERVERS=2 and a shared
SECRET_KEY, no embedded worker), one `flask worker`, and a bare Flask route served the same way;
then runs locust (bench/locustfile.py) headless: --users concurrent users spread over the schools
and the two servers for --seconds. While the load runs, one school's coordinator starts a matching
run through the second server; the run's duration is reported. Prints p50/p95 per page, the ratio
to the bare route measured in the same run, errors, and the regional dashboard's time when the
build has that route and a regional user.

  BENCH_DATABASE_URL=postgresql://nastavnik:nastavnik@127.0.0.1:5432/nastavnik_bench \\
  .venv/bin/python bench/bench_region_load.py [--users 100] [--seconds 60] [--schools 10]
      [--server-workers 2] [--spawn-rate 10] [--keep-data] [--password demo2026]

The database is wiped first unless --keep-data. Needs the bench extra (locust).
"""
from __future__ import annotations

import argparse
import csv
import http.cookiejar
import json
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from bench_load import free_port, wait_for  # noqa: E402

FLASK = [sys.executable, "-m", "flask", "--app", "webapp"]
MATCHING_FORM = {"preset": "custom", "w_problems": "0.4", "w_text": "0.3", "w_subjects": "0.15", "w_availability": "0.1",
                 "w_format": "0.05", "min_score": "0", "top_k": "3", "objective": "total", "spread": "0",
                 "kind": "traditional"}


def wipe(url: str) -> None:
    from playhouse.db_url import connect
    db = connect(url)
    db.execute_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    db.close()


def accounts(env: dict, limit: int = 3000) -> tuple[list[dict], str]:
    """Active coordinators and participants of every school, and a regional login (or '')."""
    code = """
import json
from webapp import create_app
from webapp.models import User, UserRole
app = create_app()
with app.app_context():
    rows = (UserRole.select(UserRole.role, User.login).join(User)
            .where(User.is_active == True).tuples())
    out = {}
    for role, login in rows:
        out.setdefault(login, set()).add(role)
    print(json.dumps({login: sorted(roles) for login, roles in out.items()}))
"""
    found = json.loads(subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                                      capture_output=True, text=True).stdout.strip().splitlines()[-1])
    people, regional = [], ""
    for login, roles in sorted(found.items()):
        if any("region" in r for r in roles):
            regional = regional or login
        elif "coordinator" in roles:
            people.append({"login": login, "role": "coordinator"})
        elif {"mentor", "mentee"} & set(roles):
            people.append({"login": login, "role": "participant"})
    random.Random(5).shuffle(people)
    return people[:limit], regional


def regional_path(env: dict) -> str:
    """The regional dashboard's URL if this build has one."""
    routes = subprocess.run([*FLASK, "routes"], cwd=ROOT, env=env, capture_output=True, text=True).stdout
    for line in routes.splitlines():
        parts = line.split()
        if len(parts) >= 3 and "region" in parts[0] and "GET" in parts[1] and "<" not in parts[-1]:
            if "dashboard" in parts[0] or parts[0].endswith(".index"):
                return parts[-1]
    return ""


class Browser:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> str:
        token = re.search(r'name="csrf_token" value="([^"]+)"', self.get("/login" if path == "/login" else "/matching"))
        body = urllib.parse.urlencode({**data, "csrf_token": token.group(1)}).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=body), timeout=60) as response:
            return response.geturl()


def matching_during_load(base: str, login: str, password: str, delay: float, result: dict) -> None:
    """One school's coordinator starts a matching run while the load runs; its duration is kept."""
    time.sleep(delay)
    try:
        browser = Browser(base)
        browser.post("/login", {"login": login, "password": password})
        started = time.perf_counter()
        url = browser.post("/matching/runs", {**MATCHING_FORM, "request_key": secrets.token_hex(16)})
        run_path = urllib.parse.urlsplit(url).path
        while time.perf_counter() - started < 600:
            page = browser.get(run_path)  # the run's page: the cards when done, the failure when not
            if "Подбор завершён" in page or "Утвердить все предложенные" in page or "Подбор не выполнен" in page:
                result.update(seconds=time.perf_counter() - started, run=run_path,
                              ok="Подбор не выполнен" not in page)
                return
            time.sleep(0.5)
        result.update(seconds=None, run=run_path, ok=False)
    except Exception as exc:  # noqa: BLE001 — reported, the load goes on
        result.update(error=repr(exc))


def read_stats(prefix: str) -> list[dict]:
    with open(f"{prefix}_stats.csv", newline="") as f:
        return list(csv.DictReader(f))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--schools", type=int, default=10)
    parser.add_argument("--server-workers", type=int, default=2)
    parser.add_argument("--keep-data", action="store_true", help="use the database as it is (not wiped, not seeded)")
    parser.add_argument("--password", default="demo2026", help="the accounts' password")
    parser.add_argument("--matching-school", default="",
                        help="the coordinator whose school runs matching during the load (default: the demo "
                             "school's «kurator» when loaded — generated schools have no questionnaires to match)")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", "postgresql://nastavnik:nastavnik@127.0.0.1:5432/nastavnik_bench")
    folder = Path(tempfile.mkdtemp(prefix="region-load-"))
    env = {**os.environ, "DATABASE_URL": url, "SERVERS": "2", "SECRET_KEY": secrets.token_hex(32),
           "EMBEDDED_WORKER": "off", "INSTANCE_PATH": str(folder / "instance"),
           "UPLOAD_FOLDER": str(folder / "shared-uploads"), "LOGIN_MAX_FAILURES_PER_ADDRESS": "100000"}
    if not args.keep_data:
        wipe(url)
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "bench" / "region_seed.py"), "--schools", str(args.schools)],
                       cwd=ROOT, env=env, check=True)
        print(f"seeded {args.schools} schools in {time.perf_counter() - started:.0f} s")
    people, regional_login = accounts(env)
    path = regional_path(env)
    coordinators = [p["login"] for p in people if p["role"] == "coordinator"]
    print(f"accounts: {len(coordinators)} coordinators, {len(people) - len(coordinators)} participants; "
          f"regional dashboard: {path or 'no such route in this build'}")
    accounts_file = folder / "accounts.json"
    accounts_file.write_text(json.dumps(people))

    processes, logs = [], []

    def start(cmd, name):
        log = open(folder / f"{name}.log", "w+")
        logs.append(log)
        processes.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))

    ports = [free_port(), free_port()]
    bare_port = free_port()
    for n, port in enumerate(ports, 1):
        start([*FLASK, "serve", "--port", str(port), "--workers", str(args.server_workers)], f"server{n}")
    start([sys.executable, str(ROOT / "bench" / "bare_server.py"), "--port", str(bare_port),
           "--workers", str(args.server_workers)], "bare")
    start([*FLASK, "worker"], "worker")
    servers = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        t0 = time.perf_counter()
        for base in servers + [f"http://127.0.0.1:{bare_port}"]:
            wait_for(base + ("/healthz" if base != f"http://127.0.0.1:{bare_port}" else "/"), t0)
        print(f"two app servers × {args.server_workers} gunicorn workers, one worker, bare route: up in "
              f"{time.perf_counter() - t0:.1f} s")
        run_result: dict = {}
        school_login = args.matching_school or ("kurator" if "kurator" in coordinators else
                                                (sorted(coordinators)[0] if coordinators else "kurator"))
        runner = threading.Thread(target=matching_during_load, daemon=True,
                                  args=(servers[1], school_login, args.password, args.seconds * 0.2, run_result))
        runner.start()
        prefix = str(folder / "locust")
        locust_env = {**env, "BENCH_SERVERS": ",".join(servers), "BENCH_BARE": f"http://127.0.0.1:{bare_port}",
                      "BENCH_ACCOUNTS": str(accounts_file), "BENCH_PASSWORD": args.password}
        if path and regional_login:
            locust_env["BENCH_REGIONAL"] = f"{path}|{regional_login}"
        locust = [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
                  "--headless", "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.seconds}s",
                  "--csv", prefix, "--only-summary", "--stop-timeout", "5", "--loglevel", "WARNING"]
        print("locust:", " ".join(locust[1:]))
        subprocess.run(locust, cwd=ROOT, env=locust_env, stdout=open(folder / "locust.log", "w"),
                       stderr=subprocess.STDOUT)
        runner.join(timeout=120)
        report(read_stats(prefix), run_result, school_login, args)
        health = json.loads(urllib.request.urlopen(servers[0] + "/healthz", timeout=10).read())
        print(f"/healthz after the run: {health}")
    finally:
        for proc in processes:
            proc.terminate()
        for proc in processes:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in logs:
            log.close()
        print(f"logs: {folder}")


def report(rows: list[dict], run: dict, school_login: str, args) -> None:
    bare = next((r for r in rows if r["Name"] == "bare route"), None)
    bare50 = float(bare["50%"]) if bare else 0
    bare95 = float(bare["95%"]) if bare else 0
    print(f"\n{args.users} users, {args.seconds} s, two app servers × {args.server_workers} workers, PostgreSQL")
    print(f"{'page':<44}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p50/bare':>10}{'p95/bare':>10}")
    for row in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        p50, p95 = float(row["50%"]), float(row["95%"])
        ratio50 = f"{p50 / bare50:.1f}" if bare50 else "—"
        ratio95 = f"{p95 / bare95:.1f}" if bare95 else "—"
        name = row["Name"] if row["Name"] != "Aggregated" else "all requests"
        print(f"{name:<44}{row['Request Count']:>9}{row['Failure Count']:>8}{p50:>9.0f}{p95:>9.0f}"
              f"{ratio50:>10}{ratio95:>10}")
    total = next((r for r in rows if r["Name"] == "Aggregated"), None)
    if total:
        print(f"throughput: {float(total['Requests/s']):.1f} requests/s; errors: {total['Failure Count']}")
    if "error" in run:
        print(f"matching run during the load ({school_login}): failed to start: {run['error']}")
    elif run.get("seconds") is not None:
        state = "done" if run.get("ok") else "FAILED"
        print(f"matching run during the load ({school_login}, {run['run']}): {state} in {run['seconds']:.1f} s "
              f"(submit to results, through server 2, run by the worker)")
    else:
        print(f"matching run during the load: not finished ({run})")


if __name__ == "__main__":
    main()
