"""flask upgrade: a backup first, every pending migration in one transaction, rolled back on failure."""
from __future__ import annotations

import json
import tarfile

import pytest

from tests.ops.filler import fill_every_table, snapshot_rows
from webapp import migrations
from webapp.db import database, open_database
from webapp.ops.archive import list_archives

OLD = 4  # an older schema version to upgrade from


def _old_database(db_url, version=OLD):
    """A database left at an old schema version with a row in every table, as an old installation."""
    from tests.databases import reset_postgres
    if not db_url.startswith("sqlite"):
        reset_postgres(db_url)
    db = open_database(db_url)
    assert migrations.upgrade(db, target=version)[-1] == version
    fill_every_table(db)
    counts = {t: db.execute_sql(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in db.get_tables()}
    rows = snapshot_rows(db)
    db.close()
    return counts, rows


@pytest.fixture
def old_site(make_site, db_url, request):
    """The app is made first (its factory migrates a fresh database), then the database is replaced
    by an old one, as when new code is unpacked over an old installation."""
    version = getattr(request, "param", OLD)
    app = make_site()
    from webapp.db import release_all
    release_all()
    if db_url.startswith("sqlite"):
        from pathlib import Path
        path = Path(db_url.removeprefix("sqlite:///"))
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
    counts, rows = _old_database(db_url, version)
    return app, counts, rows


def test_upgrade_backs_up_first_and_keeps_every_row(old_site, backups):
    app, counts, rows = old_site
    assert all(counts[t] for t in counts if t != "schema_version"), counts
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["upgrade"])
        assert result.exit_code == 0, result.output
        assert f"с версии {OLD} до {migrations.latest_version()}" in result.output
        assert "Резервная копия перед обновлением" in result.output
        db = database.obj
        assert migrations.current_version(db) == migrations.latest_version()
        after = snapshot_rows(db)
        for table, count in counts.items():
            if table == "schema_version":
                continue
            assert len(after[table]) == count, table
            old_ids = sorted(r[0] for r in rows[table])
            assert sorted(r[0] for r in after[table]) == old_ids, table  # the same records
        again = app.test_cli_runner().invoke(args=["upgrade"])
        assert "уже в актуальной версии" in again.output
    [archive] = list_archives(backups)  # the backup taken before, at the old version
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["schema_version"] == OLD
    assert manifest["tables"] == counts


@pytest.mark.parametrize("old_site", [3], indirect=True)
def test_a_failing_migration_rolls_everything_back(old_site, backups, db_url):
    """A column added by hand earlier collides with the one migration 4 adds: the upgrade fails on
    the real database, and every change of the same run (migration 4's new tables) is undone."""
    app, counts, rows = old_site
    with app.app_context():
        db = database.obj
        db.execute_sql("ALTER TABLE mentoring_group ADD COLUMN order_date DATE")
        before = snapshot_rows(db)
        tables_before = sorted(db.get_tables())
        result = app.test_cli_runner().invoke(args=["upgrade"])
        assert result.exit_code != 0
        assert "Миграция 4 не применилась" in result.output
        assert "order_date" in result.output
        assert "осталась в версии 3" in result.output
        assert "Резервная копия перед обновлением" in result.output
        assert migrations.current_version(db) == 3
        assert sorted(db.get_tables()) == tables_before  # migration 4's tables were rolled back
        assert snapshot_rows(db) == before  # nothing half-applied, no row lost
    assert len(list_archives(backups)) == 1


def test_upgrade_of_an_empty_database_needs_no_backup(make_site, backups, db_url):
    app = make_site()
    with app.app_context():
        assert app.test_cli_runner().invoke(args=["upgrade"]).exit_code == 0
    assert list_archives(backups) == []


def test_upgrade_refuses_to_start_when_the_backup_cannot_be_written(old_site, tmp_path):
    app, counts, rows = old_site
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    app.config["BACKUP_FOLDER"] = str(blocker / "backups")
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["upgrade"])
        assert result.exit_code != 0
        assert "Резервная копия перед обновлением не сделана" in result.output
        assert "Обновление не начиналось" in result.output
        assert migrations.current_version(database.obj) == OLD
