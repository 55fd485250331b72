"""The Dockerfile and compose.yaml: parsed and checked here (no container engine runs on this
machine), the container's own start and health-check commands run outside it; built with Docker
when a daemon answers."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from webapp import ROOT


def _instructions(path: Path) -> list[tuple[str, str]]:
    lines, current = [], ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        current += line
        keyword, _, rest = current.partition(" ")
        lines.append((keyword.upper(), rest.strip()))
        current = ""
    return lines


def _stages(instructions):
    stages = []
    for keyword, rest in instructions:
        if keyword == "FROM":
            stages.append([])
        if stages:
            stages[-1].append((keyword, rest))
    return stages


def _dockerignored() -> list[str]:
    return [l.strip() for l in (ROOT / ".dockerignore").read_text().splitlines() if l.strip()]


def test_dockerfile_is_multi_stage_non_root_with_volume_and_healthcheck():
    instructions = _instructions(ROOT / "Dockerfile")
    stages = _stages(instructions)
    assert len(stages) >= 2
    named = [rest.split()[-1] for keyword, rest in instructions if keyword == "FROM" and " AS " in rest.upper()]
    assert len(named) >= 2
    final = stages[-1]
    keywords = [k for k, _ in final]
    users = [rest for k, rest in final if k == "USER"]
    assert users and users[-1] not in ("root", "0") and keywords.index("USER") < keywords.index("CMD")
    [volume] = [rest for k, rest in final if k == "VOLUME"]
    assert "/app/instance" in json.loads(volume)
    [health] = [rest for k, rest in final if k == "HEALTHCHECK"]
    assert "/healthz" in health and "CMD" in health
    assert ("EXPOSE", "8000") in final
    assert ("ENV" in keywords) and any("INSTANCE_PATH=/app/instance" in rest for k, rest in final if k == "ENV")
    # the runtime user cannot write .pyc files into /app: the build compiles every module beforehand
    assert any(k == "RUN" and "compileall" in rest and "webapp matching" in rest for stage in stages[:-1]
               for k, rest in stage)
    for keyword, rest in instructions:  # every file copied from the build context exists and is sent
        if keyword == "COPY" and "--from=" not in rest:
            sources = rest.split()[:-1]
            for source in sources:
                assert (ROOT / source).exists(), source
                assert source not in _dockerignored(), source
        if keyword == "COPY" and "--from=" in rest:
            stage = rest.split("--from=")[1].split()[0]
            assert stage in named, stage


def test_compose_file_has_the_app_and_an_optional_postgres():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    app, db = compose["services"]["app"], compose["services"]["db"]
    assert app["build"] == "." and "instance:/app/instance" in app["volumes"]
    assert "DATABASE_URL" in app["environment"]
    assert "profiles" not in app and db["profiles"] == ["postgres"]
    assert db["image"].startswith("postgres:15")
    assert set(compose["volumes"]) == {"instance", "pgdata"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _exec_form(rest: str) -> list[str]:
    return json.loads(rest[rest.index("["):])


def test_the_containers_start_and_health_commands_work_outside_it(tmp_path):
    """CMD (upgrade, then serve) and HEALTHCHECK run as written, with the venv first on PATH (the venv
    running these tests, wherever it is: a clone tested with another checkout's venv has none of its own)."""
    final = _stages(_instructions(ROOT / "Dockerfile"))[-1]
    [cmd] = [_exec_form(rest) for k, rest in final if k == "CMD"]
    [health] = [_exec_form(rest) for k, rest in final if k == "HEALTHCHECK"]
    port = _free_port()
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}",
               INSTANCE_PATH=str(tmp_path / "instance"), PORT=str(port))
    for name in ("DATABASE_URL", "SECRET_KEY", "BACKUP_FOLDER"):
        env.pop(name, None)
    server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    assert json.loads(response.read())["status"] == "ok"
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "the server did not answer in 60 s"
                time.sleep(0.5)
        checked = subprocess.run(health, cwd=ROOT, env=env, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        assert (tmp_path / "instance" / "nastavnik.sqlite3").exists()  # upgrade created the database
    finally:
        server.terminate()
        server.wait(timeout=20)


def _docker_runs() -> bool:
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not _docker_runs(), reason="no Docker daemon answers here (docker info fails): built in CI only")
def test_docker_build():
    done = subprocess.run(["docker", "build", "-t", "nastavnik:test", str(ROOT)], capture_output=True, text=True,
                          timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    user = subprocess.run(["docker", "image", "inspect", "-f", "{{.Config.User}}", "nastavnik:test"],
                          capture_output=True, text=True).stdout.strip()
    assert user == "nastavnik"


