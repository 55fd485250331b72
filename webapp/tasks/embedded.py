"""The worker `flask serve` keeps beside the server (``EMBEDDED_WORKER``, on by default), so one
school runs background tasks with nothing else to start: started with the server, started again
if it dies (its task, if any, is then failed by the new worker's reaper and can be retried),
stopped with the server. A region turns it off and runs `flask worker` where it chooses."""
from __future__ import annotations

import subprocess
import sys
import threading

CHECK_EVERY = 5.0  # seconds between looks at the worker


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


class EmbeddedWorker:
    def __init__(self, check_every: float = CHECK_EVERY):
        self.process = start_worker()
        self.restarts = 0
        self.check_every = check_every
        self.stopped = threading.Event()
        threading.Thread(target=self._watch, name="embedded-worker-watch", daemon=True).start()

    def _watch(self) -> None:
        while not self.stopped.wait(self.check_every):
            if self.process.poll() is not None and not self.stopped.is_set():
                self.process = start_worker()
                self.restarts += 1

    def stop(self) -> None:
        self.stopped.set()
        stop_worker(self.process)
