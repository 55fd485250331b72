"""Regional pages on a generated region: prints the time of each page, and of a bare page in the same run.

    .venv/bin/python bench/bench_region.py --schools 100 --people 60000           # generates into a temp SQLite
    .venv/bin/python bench/bench_region.py --url postgresql://…/db --no-generate   # an already generated region
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(client, url: str) -> tuple[int, float]:
    began = time.perf_counter()
    response = client.get(url)
    return response.status_code, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="")
    parser.add_argument("--schools", type=int, default=10)
    parser.add_argument("--people", type=int, default=6000)
    parser.add_argument("--no-generate", action="store_true")
    args = parser.parse_args()
    from webapp import create_app, migrations
    from webapp.db import database
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/region.sqlite3"
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False, "TESTING": True})
    if not args.no_generate:
        from webapp.region import generate
        with app.app_context():
            migrations.upgrade(database.obj)
            began = time.perf_counter()
            summary = generate.generate(schools=args.schools, people=args.people, region_name=f"Бенчмарк {time.time():.0f}")
            print(f"generate-region: {summary.schools} schools, {summary.people} people, {summary.pairs} pairs, "
                  f"{summary.responses} responses in {time.perf_counter() - began:.1f} s")
    clients = {}
    for login in ("region.method", "region.admin", "kurator.s001"):
        client = app.test_client()
        assert client.post("/login", data={"login": login, "password": "demo2026"}).status_code == 302, login
        clients[login] = client
    today = time.localtime()
    year = today.tm_year if today.tm_mon >= 9 else today.tm_year - 1
    # the first regional page of a year builds the table (cold); the next ones read it kept (warm)
    pages = [("kurator.s001", "/dashboard"), ("region.method", f"/region?year={year - 1}"),
             ("region.method", f"/region?year={year - 1}"),
             ("region.method", f"/region?year={year}"), ("region.method", f"/region/report.xlsx?year={year - 1}"),
             ("region.method", f"/region/report.docx?year={year - 1}"), ("region.admin", "/region/schools"),
             ("kurator.s001", "/banks/mentees"), ("kurator.s001", "/pairs"), ("kurator.s001", "/monitoring"),
             ("kurator.s001", "/pool")]
    base = min(timed(clients["kurator.s001"], "/dashboard")[1] for _ in range(3))
    print(f"{'page':45} {'status':>6} {'seconds':>8} {'× /dashboard':>13}")
    for login, page in pages:
        code, seconds = timed(clients[login], page)
        print(f"{login + ' ' + page:45} {code:>6} {seconds:8.3f} {seconds / base:13.1f}")


if __name__ == "__main__":
    main()
