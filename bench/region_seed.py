"""Several schools for bench_region_load.py when the build has no region generator: the demo school
loaded N times, each copy's logins suffixed «.sN» (kurator.s1, mentor.s2, …), password demo2026.

  .venv/bin/python bench/region_seed.py --schools 10      (DATABASE_URL from the environment)
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def seed(schools: int) -> None:
    from webapp import create_app, demo, migrations
    from webapp.db import database
    from webapp.models import Organisation, User
    app = create_app()
    with app.app_context():
        migrations.upgrade(database.obj)
        first = Organisation.select().count() + 1  # a second call adds schools after the first ones
        for number in range(first, first + schools):
            started = time.perf_counter()
            demo.load()
            org = Organisation.select().order_by(Organisation.id.desc()).get()
            Organisation.update(short_name=f"МБОУ «СОШ № {number}»").where(Organisation.id == org.id).execute()
            User.update(login=User.login.concat(f".s{number}")).where(User.organisation == org).execute()
            print(f"school {number}: {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--schools", type=int, default=10)
    seed(parser.parse_args().schools)
