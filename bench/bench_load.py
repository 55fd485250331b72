"""Pages under load, as ratios to a bare route served the same way in the same run.

Builds the demo school plus N students (default 2,000) in a SQLite file, starts the real server
(`flask --app webapp serve`, gunicorn with --workers processes) and a bare Flask route served by the
same code (bench/bare_server.py), then for 1, 10 and 50 concurrent clients sends requests for a
bounded time and prints p50/p95/p99 per page, throughput, the ratios to the bare route, the time
from start to the first answer and the workers' memory. Clients are threads in this process, each
signed in as the coordinator with its own session.

After each read-only run comes a mixed one, the same but with writers: a share of the clients
(``--writers``, at least one) also records a meeting in a pair's journal every ``--write-every``-th
request (a real POST with its CSRF token, followed by its redirect), so the cost of the page cache's
invalidation shows beside the read-only figures: every such write changes the data version and every
cached page of every worker is rendered again. The mixed table adds the writes' own row and counts
the writes and the data version's moves (read from the database file).

  .venv/bin/python bench/bench_load.py [--extra 2000] [--seconds 8] [--workers 2] [--clients 1,10,50]
                                       [--writers 0.2] [--write-every 10] [--start-only]

``--start-only`` stops after the start: it prints the time to the first answer and the memory of
both servers, then exits without any load.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import sqlite3
import statistics
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

PAGES = ["/dashboard", "/users", "/banks/mentees", "/banks/mentors", "/pairs", "/monitoring",
         "/monitoring/influence", "/monitoring/process", "/practices", "/roadmap"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, started: float, timeout: float = 60) -> float:
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer in {timeout} s")


def rss_mb(master_pid: int) -> list[float]:
    """Resident memory of the master's worker processes, MB."""
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", status, re.M):
            kb = int(re.search(r"^VmRSS:\s+(\d+)", status, re.M).group(1))
            sizes.append(kb / 1024)
    return sorted(sizes)


def signed_in_opener(base: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "login": "kurator", "password": "demo2026"}).encode()
    opener.open(f"{base}/login", data=data).read()
    return opener


WRITE = "POST a meeting note"


class MeetingWriter:
    """Records a meeting in the journal of one of the school's pairs, as a coordinator does by hand."""

    def __init__(self, base: str, opener):
        self.base, self.opener = base, opener
        pairs = opener.open(f"{base}/pairs").read().decode()
        self.groups = sorted(set(re.findall(r'href="/pairs/(\d+)"', pairs)))
        page = opener.open(f"{base}/pairs/{self.groups[0]}").read().decode()
        self.token = re.search(r'name="csrf_token"[^>]*?value="([^"]+)"', page).group(1)
        self.count = 0

    def write(self) -> bool:
        self.count += 1
        group = self.groups[self.count % len(self.groups)]
        data = urllib.parse.urlencode({
            "csrf_token": self.token, "met_on": time.strftime("%Y-%m-%d"), "format": "in_person",
            "duration_minutes": "45", "topic": f"Встреча под нагрузкой {self.count}", "outcome": ""}).encode()
        with self.opener.open(f"{self.base}/pairs/{group}/meetings", data=data, timeout=60) as response:
            return response.status == 200 and f"/pairs/{group}" in response.url and \
                "Встреча под нагрузкой" in response.read().decode()


def load(base: str, pages: list[str], clients: int, seconds: float, sign_in: bool,
         writers: int = 0, write_every: int = 0):
    """Each client loops over the pages in its own random order until time is up; the first ``writers``
    clients also write every ``write_every``-th request (its time under WRITE)."""
    times = {p: [] for p in pages}
    if writers:
        times[WRITE] = []
    errors = [0]
    openers = [signed_in_opener(base) if sign_in else urllib.request.build_opener() for _ in range(clients)]
    writing = [MeetingWriter(base, opener) if n < writers else None for n, opener in enumerate(openers)]
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def client(opener, seed):
        order = pages[:]
        random.Random(seed).shuffle(order)
        writer = writing[seed]
        i = sent = 0
        while time.perf_counter() < stop:
            sent += 1
            if writer is not None and (sent + seed) % write_every == 0:  # writers staggered: some write early
                page = WRITE  # besides the pages, not instead of one: a writer still reads every page
            else:
                page = order[i % len(order)]
                i += 1
            start = time.perf_counter()
            try:
                if page == WRITE:
                    ok = writer.write()
                else:
                    with opener.open(base + page, timeout=60) as response:
                        response.read()
                        ok = response.status == 200 and (not sign_in or "/login" not in response.url)
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if ok:
                    times[page].append(elapsed)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client, args=(o, n)) for n, o in enumerate(openers)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0], time.perf_counter() - began


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def table(times: dict, b50: float, b95: float) -> None:
    print(f"{'page':<24}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'p50 ×bare':>11}{'p95 ×bare':>11}")
    for page, v in times.items():
        print(f"{page:<24}{len(v):>6}{pct(v, 50):>9.1f}{pct(v, 95):>9.1f}{pct(v, 99):>9.1f}"
              f"{pct(v, 50) / b50:>11.1f}{pct(v, 95) / b95:>11.1f}")


def data_version(database: Path) -> int:
    """How many committed writes the pages' data has seen (webapp/data_version.py); 0 before migration 20."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as con:
        try:
            return con.execute("SELECT version FROM data_version WHERE id = 1").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def start_server(command: list[str], env: dict, log: Path):
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", default="1,10,50")
    parser.add_argument("--writers", type=float, default=0.2, help="share of clients that also write (0: no mixed run)")
    parser.add_argument("--write-every", type=int, default=10, help="a writer's every N-th request is a write")
    parser.add_argument("--start-only", action="store_true", help="print start times and memory, then exit")
    args = parser.parse_args()
    levels = [int(c) for c in args.clients.split(",")]

    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    database = folder / "bench.sqlite3"
    started = time.perf_counter()
    import bench_pages
    bench_pages.build(args.extra, database)
    print(f"school: demo + {args.extra} students in {database} (built in {time.perf_counter() - started:.1f} s)")

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "bench-secret",
           "WORKERS": str(args.workers)}
    app_port, bare_port = free_port(), free_port()
    began = time.perf_counter()
    app = start_server([sys.executable, "-m", "flask", "--app", "webapp", "serve", "--port", str(app_port)],
                       env, folder / "app.log")
    first = wait_for(f"http://127.0.0.1:{app_port}/login", began)
    began = time.perf_counter()
    bare = start_server([sys.executable, str(ROOT / "bench" / "bare_server.py"), "--port", str(bare_port),
                         "--workers", str(args.workers)], env, folder / "bare.log")
    bare_first = wait_for(f"http://127.0.0.1:{bare_port}/", began)
    app_base, bare_base = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{bare_port}"
    print(f"start to first answer: app {first:.2f} s, bare route {bare_first:.2f} s "
          f"({args.workers} gunicorn workers each)")
    print(f"memory after start (MB per worker): app {rss_mb(app.pid)}, bare {rss_mb(bare.pid)}")
    try:
        if args.start_only:
            return
        for clients in levels:
            base_times, base_errors, base_wall = load(bare_base, ["/"], clients, args.seconds, sign_in=False)
            times, errors, wall = load(app_base, PAGES, clients, args.seconds, sign_in=True)
            b = base_times["/"]
            b50, b95, b99 = pct(b, 50), pct(b, 95), pct(b, 99)
            done = sum(len(v) for v in times.values())
            print(f"\n== {clients} client(s), {args.seconds:.0f} s each ==")
            print(f"bare route: {len(b) / base_wall:7.1f} req/s  p50 {b50:6.1f}  p95 {b95:6.1f}  p99 {b99:6.1f} ms"
                  f"  errors {base_errors}")
            print(f"app pages : {done / wall:7.1f} req/s  errors {errors}")
            table(times, b50, b95)
            if args.writers > 0:
                writers = max(1, round(clients * args.writers))
                version = data_version(database)
                times, errors, wall = load(app_base, PAGES, clients, args.seconds, sign_in=True,
                                           writers=writers, write_every=args.write_every)
                moved = data_version(database) - version
                done = sum(len(v) for v in times.values())
                print(f"\n== {clients} client(s), mixed: {writers} of them also write every "
                      f"{args.write_every}th request, {args.seconds:.0f} s ==")
                print(f"app pages : {done / wall:7.1f} req/s  errors {errors}  writes {len(times[WRITE])} "
                      f"({len(times[WRITE]) / wall:.1f}/s), data version moved {moved} times "
                      f"(each throws away every worker's cached pages)")
                table(times, b50, b95)
        print(f"\nmemory after load (MB per worker): app {rss_mb(app.pid)}, bare {rss_mb(bare.pid)}")
    finally:
        for proc in (app, bare):
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
