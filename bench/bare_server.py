"""The reference for bench_load.py: a bare Flask route served exactly as `flask serve` serves the app."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bare_app():
    from flask import Flask
    app = Flask("bare")

    @app.route("/")
    def index():
        return "ok"
    return app


if __name__ == "__main__":
    from webapp import serving
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    serving.serve(bare_app, host="127.0.0.1", port=args.port, workers=args.workers)
