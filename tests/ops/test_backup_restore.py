"""flask backup → wipe → flask restore gives back every row, every upload and the secret key."""
from __future__ import annotations

import json
import tarfile

from tests.factories import make_school
from tests.ops.conftest import run, wipe
from tests.ops.filler import fill_every_table, snapshot_rows
from webapp import migrations
from webapp.db import database
from webapp.ops.archive import list_archives, sha256_file


def _populate(app, instance):
    make_school()
    fill_every_table(database.obj)
    uploads = instance / "uploads" / "practices"
    uploads.mkdir(parents=True)
    (uploads / "plan.docx").write_bytes(b"PK\x03\x04 docx body" * 100)
    (uploads / "photo.jpg").write_bytes(bytes(range(256)) * 50)


def test_backup_wipe_restore_gives_back_everything(make_site, site, instance, backups, db_url):
    _populate(site, instance)
    before = snapshot_rows(database.obj)
    assert all(before[t] for t in before), [t for t in before if not before[t]]  # every table holds rows
    key = (instance / "secret_key").read_text()

    result = run(site, "backup")
    assert result.exit_code == 0, result.output
    assert "проверена" in result.output
    from webapp.russian.numbers import count
    tables, rows = len(before), sum(len(r) for r in before.values())
    assert f"{count(tables, 'таблица', 'таблицы', 'таблиц')}, {count(rows, 'строка', 'строки', 'строк')}" \
        in result.output  # numbers agree with their nouns («32 таблицы»)
    [archive] = list_archives(backups)
    assert (archive.stat().st_mode & 0o777) == 0o600
    assert archive.with_name(archive.name + ".sha256").read_text().split()[0] == sha256_file(archive)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"secret_key", "uploads/practices/plan.docx", "uploads/practices/photo.jpg"} <= set(names)
    assert manifest["tables"] == {t: len(rows) for t, rows in before.items()}
    assert manifest["schema_version"] == migrations.current_version(database.obj) == migrations.latest_version()
    assert set(manifest["files"]) == set(names) - {"manifest.json"}

    wipe(db_url, instance)
    fresh = make_site()
    with fresh.app_context():
        assert (instance / "secret_key").read_text() != key  # a new installation made its own key
        result = run(fresh, "restore", str(archive))
        assert result.exit_code == 0, result.output
        assert "совпадает с описью" in result.output
        assert snapshot_rows(database.obj) == before
    assert (instance / "secret_key").read_text() == key
    assert (instance / "uploads" / "practices" / "plan.docx").read_bytes() == b"PK\x03\x04 docx body" * 100
    assert (instance / "uploads" / "practices" / "photo.jpg").read_bytes() == bytes(range(256)) * 50


def test_restore_refuses_a_live_database_without_force(make_site, site, instance, backups, db_url):
    _populate(site, instance)
    assert run(site, "backup").exit_code == 0
    [archive] = list_archives(backups)
    from webapp.models import Organisation
    Organisation.create(name="Добавлена после копии", short_name="После")
    result = run(site, "restore", str(archive))
    assert result.exit_code != 0
    assert "уже есть данные" in result.output and "--force" in result.output
    assert Organisation.select().where(Organisation.short_name == "После").exists()  # nothing touched


def test_restore_replaces_another_school_never_merges(make_site, site, instance, backups, db_url, tmp_path):
    """School A's archive restored over school B's installation leaves only school A."""
    from webapp.models import Organisation, User
    _populate(site, instance)
    schools_a = sorted(o.short_name for o in Organisation.select())
    assert run(site, "backup").exit_code == 0
    [archive] = list_archives(backups)

    wipe(db_url, instance)
    other = make_site()
    with other.app_context():
        org_b = Organisation.create(name="Гимназия Б", short_name="Гимназия Б")
        User.create(organisation=org_b, login="b.teacher", full_name="Учитель Б", category="teacher",
                    password_hash="x")
        (instance / "uploads").mkdir(exist_ok=True)
        (instance / "uploads" / "b-only.txt").write_text("Б")
        result = run(other, "restore", "--force", str(archive))
        assert result.exit_code == 0, result.output
        assert sorted(o.short_name for o in Organisation.select()) == schools_a
        assert not User.select().where(User.login == "b.teacher").exists()
    assert not (instance / "uploads" / "b-only.txt").exists()


def test_corrupted_and_truncated_archives_are_refused_with_the_reason(make_site, site, instance, backups,
                                                                      db_url, tmp_path):
    _populate(site, instance)
    assert run(site, "backup").exit_code == 0
    [archive] = list_archives(backups)
    data = archive.read_bytes()

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(data[: len(data) // 2])
    flipped = {}
    for at in (len(data) // 10, len(data) // 2, len(data) - 20):  # one damaged byte anywhere in the stream
        flipped[at] = tmp_path / f"flipped-{at}.tar.gz"
        flipped[at].write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:])
    not_ours = tmp_path / "other.tar.gz"
    with tarfile.open(not_ours, "w:gz") as tar:
        tar.add(instance / "secret_key", arcname="secret_key")
    altered = tmp_path / "altered.tar.gz"  # a well-formed archive whose upload no longer matches the manifest
    with tarfile.open(archive) as src, tarfile.open(altered, "w:gz") as dst:
        for member in src.getmembers():
            body = src.extractfile(member).read()
            if member.name == "uploads/practices/photo.jpg":
                body = b"replaced" + body[8:]
            import io
            dst.addfile(member, io.BytesIO(body))
    sidecar_lie = tmp_path / archive.name
    sidecar_lie.write_bytes(data)
    (tmp_path / (archive.name + ".sha256")).write_text("0" * 64 + f"  {archive.name}\n")

    wipe(db_url, instance)
    fresh = make_site()
    with fresh.app_context():
        cases = {
            truncated: "обрезан",
            **{path: "повреждён" for path in flipped.values()},
            not_ours: "manifest.json",
            altered: "uploads/practices/photo.jpg",
            sidecar_lie: "Контрольная сумма архива",
            tmp_path / "missing.tar.gz": "не найден",
        }
        for path, reason in cases.items():
            result = run(fresh, "restore", str(path))
            assert result.exit_code != 0, path
            assert "Архив отклонён" in result.output and reason in result.output, (path, result.output)
        from webapp.ops.engines import has_data
        assert not has_data(database.obj)  # nothing was restored from any of them
    assert not (instance / "uploads").exists() or not any((instance / "uploads").iterdir())


def _repack(archive, target, **manifest_changes):
    """The same files with a changed manifest (the files' checksums stay right)."""
    import io
    with tarfile.open(archive) as src, tarfile.open(target, "w:gz") as dst:
        for member in src.getmembers():
            body = src.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(body)
                manifest.update(manifest_changes)
                body = json.dumps(manifest).encode()
                member.size = len(body)
            dst.addfile(member, io.BytesIO(body))


def test_an_archive_of_a_newer_version_or_another_engine_is_refused(make_site, site, instance, backups, db_url,
                                                                    tmp_path):
    _populate(site, instance)
    assert run(site, "backup").exit_code == 0
    [archive] = list_archives(backups)
    newer, other_engine = tmp_path / "newer.tar.gz", tmp_path / "engine.tar.gz"
    _repack(archive, newer, schema_version=migrations.latest_version() + 1)
    engine = "postgresql" if db_url.startswith("sqlite") else "sqlite"
    _repack(archive, other_engine, engine=engine)
    wipe(db_url, instance)
    fresh = make_site()
    with fresh.app_context():
        result = run(fresh, "restore", str(newer))
        assert result.exit_code != 0 and "более новой версией программы" in result.output
        result = run(fresh, "restore", str(other_engine))
        assert result.exit_code != 0 and f"сделан с базой {engine}" in result.output
        from webapp.ops.engines import has_data
        assert not has_data(database.obj)
