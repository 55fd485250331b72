"""An installation in tmp_path: instance/ with its own secret key, uploads and backups."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.databases import reset_postgres


def wipe(db_url: str, instance: Path) -> None:
    """What a dead disk leaves: no database, no uploads, no key."""
    from webapp.db import release_all
    release_all()
    if db_url.startswith("sqlite"):
        path = Path(db_url.removeprefix("sqlite:///"))
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
    else:
        reset_postgres(db_url)
    for name in ("uploads", "secret_key"):
        target = instance / name
        if target.is_dir():
            import shutil
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


@pytest.fixture
def instance(tmp_path) -> Path:
    path = tmp_path / "instance"
    path.mkdir(mode=0o700)
    return path


@pytest.fixture
def backups(tmp_path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def make_site(make_app, instance, backups):
    """An app whose secret key is generated into ``instance`` (as on a real installation)."""
    def factory(**overrides):
        config = {"INSTANCE_PATH": str(instance), "SECRET_KEY": "", "UPLOAD_FOLDER": str(instance / "uploads"),
                  "BACKUP_FOLDER": str(backups)}
        config.update(overrides)
        return make_app(**config)
    return factory


@pytest.fixture
def site(make_site):
    app = make_site()
    with app.app_context():
        yield app


def run(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    return result


__all__ = ["wipe", "run", "os"]
