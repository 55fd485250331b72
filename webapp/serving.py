"""Serving the application: gunicorn worker processes on Linux and macOS, waitress threads on Windows.

Each gunicorn worker builds its own application after the fork (no database connection is shared
between processes). ``WORKERS`` sets the number of processes; each has ``THREADS`` threads.
"""
from __future__ import annotations

import os
from typing import Callable

THREADS = 4


def gunicorn_available() -> bool:
    if os.name != "posix":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def serve(factory: Callable, *, host: str, port: int, workers: int) -> None:
    """Serve the WSGI app that ``factory()`` builds, until interrupted."""
    if gunicorn_available():
        _gunicorn(factory, host, port, max(1, workers))
    else:
        from waitress import serve as waitress_serve
        waitress_serve(factory(), host=host, port=port, threads=max(1, workers) * THREADS, _quiet=True)


def _gunicorn(factory, host, port, workers) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"{host}:{port}", "workers": workers, "worker_class": "gthread",
                               "threads": THREADS, "timeout": 120, "graceful_timeout": 20,
                               "keepalive": 5, "accesslog": None, "errorlog": "-",
                               "loglevel": "warning"}.items():
                self.cfg.set(key, value)

        def load(self):
            return factory()

    Server().run()
