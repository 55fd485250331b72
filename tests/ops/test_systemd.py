"""The systemd units, as deploy/install-service fills them in, pass systemd-analyze verify."""
from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from webapp import ROOT

INSTALL = ROOT / "deploy" / "install-service"
UNITS = ["nastavnik.service", "nastavnik-backup.service", "nastavnik-backup.timer"]


@pytest.fixture
def rendered(tmp_path):
    out = tmp_path / "units"
    done = subprocess.run([str(INSTALL), "--render-only", str(out), "--instance", "/srv/nastavnik",
                           "--listen", "127.0.0.1:8001"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def _unit(path):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(path)
    return parser


def test_units_are_filled_in(rendered):
    for name in UNITS:
        lines = [line for line in (rendered / name).read_text().splitlines() if not line.startswith("#")]
        assert not any("@" in line for line in lines), name  # every placeholder replaced
    web = _unit(rendered / "nastavnik.service")["Service"]
    assert web["User"] == "nastavnik" and web["User"] != "root"
    assert web["ExecStart"] == f"{ROOT}/.venv/bin/flask --app webapp serve --host 127.0.0.1 --port 8001"
    assert web["ExecStartPre"] == f"{ROOT}/.venv/bin/flask --app webapp upgrade"
    for name in ("nastavnik.service", "nastavnik-backup.service"):
        body = (rendered / name).read_text().splitlines()
        assert "Environment=INSTANCE_PATH=/srv/nastavnik" in body and "Environment=BACKUP_FOLDER=/srv/nastavnik/backups" in body
    assert web["UMask"] == "0077" and web["StandardOutput"] == "journal" and web["Restart"] == "on-failure"
    assert web["ProtectSystem"] == "strict" and "/srv/nastavnik" in web["ReadWritePaths"]
    backup = _unit(rendered / "nastavnik-backup.service")["Service"]
    assert backup["ExecStart"].endswith("flask --app webapp backup --if-due") and backup["User"] == "nastavnik"
    timer = _unit(rendered / "nastavnik-backup.timer")["Timer"]
    assert timer["Persistent"] == "true" and timer["OnCalendar"] == "hourly"


def test_install_script_makes_the_instance_private_and_refuses_root(tmp_path):
    script = INSTALL.read_text()
    assert 'install -d -m 0700 -o "$USER_NAME"' in script
    assert '-m compileall -q "$APP_DIR/webapp" "$APP_DIR/matching"' in script  # the service cannot write .pyc
    done = subprocess.run([str(INSTALL), "--user", "root", "--render-only", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode != 0 and "must not run as root" in done.stderr
    done = subprocess.run([str(INSTALL), "--instance", "relative/path", "--render-only", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode != 0 and "absolute" in done.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed (package systemd)")
def test_systemd_analyze_verify(rendered):
    if not (ROOT / ".venv" / "bin" / "flask").exists():
        pytest.skip("no .venv in the checkout: the units' ExecStart would not exist")
    done = subprocess.run(["systemd-analyze", "verify", *[str(rendered / name) for name in UNITS]],
                          capture_output=True, text=True, cwd=rendered)
    assert done.returncode == 0, done.stderr
    complaints = [line for line in done.stderr.splitlines() if any(name in line for name in UNITS)]
    assert complaints == [], complaints  # unknown keys are only warnings: none allowed either
