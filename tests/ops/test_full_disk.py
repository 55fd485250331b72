"""A backup that runs out of room (a real file-size limit on the process, not a mock) fails cleanly:
earlier archives stay intact, no partial file is left, and the health page reports the failure."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys

import pytest

from tests.conftest import text
from tests.factories import make_school
from webapp.ops.archive import list_archives, sha256_file

LIMIT = 1024 * 1024  # the biggest file the backup process may write


def _limit(size):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return apply


@pytest.mark.skipif(os.environ.get("TEST_DATABASE_URL", "") != "", reason="the size limit is exercised on SQLite")
@pytest.mark.parametrize("limit, failing", [(LIMIT, "the archive"), (32 * 1024, "the database copy")])
def test_backup_on_a_full_disk_keeps_earlier_backups_and_reports(make_site, site, instance, backups, db_url,
                                                                  limit, failing):
    make_school()
    uploads = instance / "uploads"
    uploads.mkdir()
    assert site.test_cli_runner().invoke(args=["backup"]).exit_code == 0
    [earlier] = list_archives(backups)
    earlier_sum = sha256_file(earlier)
    (uploads / "big-scan.pdf").write_bytes(os.urandom(2 * LIMIT))  # the next archive cannot fit

    env = dict(os.environ, INSTANCE_PATH=str(instance), DATABASE_URL=db_url, BACKUP_FOLDER=str(backups))
    env.pop("SECRET_KEY", None)
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "webapp", "backup"], env=env,
                          capture_output=True, text=True, preexec_fn=_limit(limit), timeout=120)
    assert done.returncode != 0
    assert "Резервная копия не сделана" in done.stderr and "Прежние копии не тронуты" in done.stderr
    reasons = ("File too large", "No space left", "database or disk is full", "disk I/O error")
    assert any(reason in done.stderr for reason in reasons), done.stderr

    assert list_archives(backups) == [earlier] and sha256_file(earlier) == earlier_sum
    assert sorted(p.name for p in backups.iterdir()) == sorted([earlier.name, earlier.name + ".sha256", "status.json"])

    from tests.factories import make_user
    from webapp.models import Organisation
    make_user(Organisation.get(), "sysadmin", ["admin"])
    client = site.test_client()
    client.post("/login", data={"login": "sysadmin", "password": "correct-horse-1"})
    page = text(client.get("/admin/health"))
    assert 'data-warning="backup_failed"' in page
    assert any(reason in page for reason in reasons)
