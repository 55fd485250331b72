"""Page speed on a big school: median response times of the coordinator's busiest pages.

Builds the demo school in a temporary SQLite file, adds N more students with consents (default
2,000), and times each page through the WSGI app (no network), printing the median and the
slowest of R requests, next to a baseline measured in the same run: the log-in page, which
touches the database once. Usage: .venv/bin/python bench/bench_pages.py [--extra N] [--repeat R]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGES = ["/dashboard", "/users", "/users?q=иван", "/banks/mentees", "/banks/mentees?problem=low_results",
         "/banks/mentors", "/pairs", "/monitoring/influence", "/practices", "/roadmap"]


def build(extra: int, path: Path | None = None):
    """The demo school plus ``extra`` students with consents, in a SQLite file (a new one by default)."""
    from werkzeug.security import generate_password_hash

    from webapp import create_app, demo, migrations
    from webapp.db import database, release_all
    from webapp.models import Consent, Organisation, User, UserRole
    path = path or Path(tempfile.mkdtemp()) / "bench.sqlite3"
    app = create_app({"DATABASE_URL": f"sqlite:///{path}", "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "MATCHING_SYNC": True})
    with app.app_context():
        migrations.upgrade(database.obj)
        demo.load()
        org = Organisation.get()
        password = generate_password_hash("bench-password", method="scrypt")
        with database.atomic():
            for i in range(extra):
                user = User.create(organisation=org, login=f"bench{i:05d}", full_name=f"Учеников{i:05d} Иван Петрович",
                                   category="student", class_name=f"{5 + i % 6}{'АБВ'[i % 3]}", password_hash=password)
                UserRole.create(user=user, role="mentee")
                for kind in ("personal_data", "participation"):
                    Consent.create(organisation=org, user=user, kind=kind, given_by="representative",
                                   representative_name="Ученикова Анна", representative_relation="мать",
                                   received_at="2026-09-01 10:00:00")
    release_all()
    return app


def timed(client, url: str, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    started = time.perf_counter()
    app = build(args.extra)
    print(f"school: demo + {args.extra} students, built in {time.perf_counter() - started:.1f} s")
    with app.app_context():
        client = app.test_client()
        base, _ = timed(client, "/login", args.repeat)
        client.post("/login", data={"login": "kurator", "password": "demo2026"})
        print(f"{'page':<40} {'median ms':>10} {'max ms':>8} {'x login':>8}")
        print(f"{'/login (baseline)':<40} {base:>10.1f}")
        for url in PAGES:
            median, worst = timed(client, url, args.repeat)
            print(f"{url:<40} {median:>10.1f} {worst:>8.1f} {median / base:>8.1f}")
        start = time.perf_counter()
        response = client.post("/matching/runs", data={"kind": "traditional", "top_k": "3", "min_score": "0"})
        print(f"{'matching run on the demo banks (POST)':<40} {(time.perf_counter() - start) * 1000:>10.1f}"
              f"   status {response.status_code}")


if __name__ == "__main__":
    main()
