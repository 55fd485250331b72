"""Size and server time of the matching review of the demo school: prints figures, asserts nothing.

Builds the demo school in a temporary SQLite file, logs in as its coordinator, starts a matching run
with the default parameters (inline), then requests the run's review pages through the WSGI app (no
network) R times each, printing the HTML size (KB) and the median and slowest server time per page,
next to the log-in page as a baseline measured in the same run.

    .venv/bin/python bench/bench_review.py [--repeat R] [--root CHECKOUT]

``--root`` measures another checkout of the project (e.g. /work/main, to compare with the branch).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path


def timed(client, url: str, repeat: int) -> tuple[int, int, list[float]]:
    times, size, status = [], 0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        size, status = len(response.data), response.status_code
    return status, size, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    sys.path.insert(0, args.root)

    from webapp import create_app, demo, migrations
    from webapp.db import database
    from webapp.models import MatchingRun, Suggestion

    folder = tempfile.mkdtemp()
    app = create_app({"DATABASE_URL": f"sqlite:///{folder}/review.sqlite3", "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "MATCHING_SYNC": True}, instance_path=folder)
    with app.app_context():
        migrations.upgrade(database.obj)
        demo.load()
    client = app.test_client()
    client.post("/login", data={"login": "kurator", "password": "demo2026"})
    start = time.perf_counter()
    client.post("/matching/runs", data={"kind": "traditional", "top_k": "5", "min_score": "0"})
    print(f"checkout {args.root}")
    print(f"matching run: {time.perf_counter() - start:.2f} s")
    with app.app_context():
        run = MatchingRun.select().order_by(MatchingRun.id.desc()).get()
        total = Suggestion.select().where(Suggestion.run == run).count()
        mentees = Suggestion.select(Suggestion.mentee).where(Suggestion.run == run).distinct().count()
        mentee = Suggestion.select().where(Suggestion.run == run).order_by(Suggestion.id).first().mentee_id
    print(f"run {run.id}: {total} suggestions for {mentees} mentees")
    base_status, _size, base_times = timed(app.test_client(), "/login", args.repeat)  # signed out: the form
    baseline = statistics.median(base_times)
    base = f"/matching/runs/{run.id}"
    # the review's first pages (default view, then every suggestion / waiting mentees), a mentee's
    # alternatives loaded on demand (branch only) and the mentee's detailed page
    pages = [base, f"{base}?page=2", f"{base}?show=all", f"{base}?show=all&page=2", f"{base}?show=waiting",
             f"{base}/mentees/{mentee}/alternatives", f"{base}/mentees/{mentee}"]
    print(f"{'page':<55} {'status':>6} {'KB':>7} {'median ms':>10} {'max ms':>8} {'x login':>8}")
    print(f"{'/login (baseline)':<55} {base_status:>6} {'':>7} {baseline:>10.1f}")
    for url in pages:
        status, size, times = timed(client, url, args.repeat)
        median = statistics.median(times)
        print(f"{url:<55} {status:>6} {size / 1024:>7.1f} {median:>10.1f} {max(times):>8.1f} "
              f"{median / baseline:>8.1f}")


if __name__ == "__main__":
    main()
