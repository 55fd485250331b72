"""The worker `flask serve` starts beside the server (``EMBEDDED_WORKER``, on by default), so one
school runs background tasks with nothing else to start; a region turns it off and runs
`flask worker` on the machines it chooses."""
from __future__ import annotations

import subprocess
import sys


def start_worker() -> subprocess.Popen:
    """`flask worker` as a child process with this process's environment and instance folder."""
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "webapp", "worker", "--exit-with-parent"])


def stop_worker(process: subprocess.Popen, timeout: float = 15) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
