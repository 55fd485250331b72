"""How long loading the demo school takes, in total and per part, on a fresh SQLite file.

The tests load the demo once per session (tests/conftest.py ``demo_template``) and every browser
test run loads it through ``flask load-demo``, so a slow demo slows both. Prints wall and CPU
seconds per part and in total, the medians of ``--runs`` fresh loads.

  .venv/bin/python bench/bench_demo.py [--runs 3]
  BENCH_ROOT=/work/main .venv/bin/python bench/bench_demo.py   # another checkout, for a before/after
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))


def timed_parts() -> dict[str, tuple[float, float]]:
    """Wrap the demo's parts so each records its time; returns the dict they fill."""
    from webapp import consents, demo
    from webapp.consents import demo as consents_demo
    from webapp.monitoring import demo as monitoring_demo
    from webapp.questionnaires import demo_answers
    figures: dict[str, float] = {}
    del consents

    def wrap(module, name):
        original = getattr(module, name)
        if getattr(original, "_timed", False):
            return

        def timed(*args, **kwargs):
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                wall, used = figures.get(name, (0.0, 0.0))
                figures[name] = (wall + time.perf_counter() - start, used + time.process_time() - cpu)
        timed._timed = True
        setattr(module, name, timed)

    wrap(demo_answers, "load_demo_answers")
    wrap(consents_demo, "load_demo_consents")
    wrap(monitoring_demo, "load_programme_life")
    try:  # the active pairs of this school year (absent from older checkouts measured for comparison)
        from webapp.programmes import demo as living
        wrap(living, "load_active_pairs")
    except ImportError:
        pass
    wrap(demo, "load")
    return figures


def one_run(figures: dict) -> dict[str, tuple[float, float]]:
    from webapp import create_app, demo
    from webapp import migrations
    from webapp.db import database, release_all
    figures.clear()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3", "SECRET_KEY": "bench"},
                         instance_path=f"{folder}/instance")
        with app.app_context():
            migrations.upgrade(database.obj)
            demo.load()
        release_all()
    return dict(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    import webapp  # noqa: F401  (imports counted apart from the loads)
    figures = timed_parts()
    print(f"imports: {time.perf_counter() - start:.2f} s")
    runs = [one_run(figures) for _ in range(args.runs)]
    print("(wall time varies with the machine's other load; CPU time of this process is steadier)")
    for name in runs[0]:
        walls = [r.get(name, (0.0, 0.0))[0] for r in runs]
        cpus = [r.get(name, (0.0, 0.0))[1] for r in runs]
        label = "total (demo.load)" if name == "load" else name
        print(f"{label:<24} wall median {statistics.median(walls):5.2f} s   CPU median {statistics.median(cpus):5.2f} s"
              "   wall runs: " + ", ".join(f"{v:.2f}" for v in walls))


if __name__ == "__main__":
    main()
