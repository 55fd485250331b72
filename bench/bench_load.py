"""Pages under load, as ratios to a bare route served the same way in the same run.

Builds the demo school plus N students (default 2,000) in a SQLite file, starts the real server
(`flask --app webapp serve`, gunicorn with --workers processes) and a bare Flask route served by the
same code (bench/bare_server.py), then for 1, 10 and 50 concurrent clients sends requests for a
bounded time and prints p50/p95/p99 per page, throughput, the ratios to the bare route, the time
from start to the first answer and the workers' memory. Clients are threads in this process, each
signed in as the coordinator with its own session.

  .venv/bin/python bench/bench_load.py [--extra 2000] [--seconds 8] [--workers 2] [--clients 1,10,50]
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
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


def load(base: str, pages: list[str], clients: int, seconds: float, sign_in: bool):
    """Each client loops over the pages in its own random order until time is up."""
    times = {p: [] for p in pages}
    errors = [0]
    openers = [signed_in_opener(base) if sign_in else urllib.request.build_opener() for _ in range(clients)]
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def client(opener, seed):
        order = pages[:]
        random.Random(seed).shuffle(order)
        i = 0
        while time.perf_counter() < stop:
            page = order[i % len(order)]
            i += 1
            start = time.perf_counter()
            try:
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


def start_server(command: list[str], env: dict, log: Path):
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", default="1,10,50")
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
            print(f"{'page':<24}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'p50 ×bare':>11}{'p95 ×bare':>11}")
            for page in PAGES:
                v = times[page]
                print(f"{page:<24}{len(v):>6}{pct(v, 50):>9.1f}{pct(v, 95):>9.1f}{pct(v, 99):>9.1f}"
                      f"{pct(v, 50) / b50:>11.1f}{pct(v, 95) / b95:>11.1f}")
        print(f"\nmemory after load (MB per worker): app {rss_mb(app.pid)}, bare {rss_mb(bare.pid)}")
    finally:
        for proc in (app, bare):
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
