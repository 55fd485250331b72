"""The administrator's health page and the /healthz probe."""
from __future__ import annotations

import datetime as dt

from tests.conftest import text
from tests.factories import PASSWORD, make_school
from webapp import migrations
from webapp.db import database
from webapp.ops.backup import Places, create_backup


def _admin_client(app):
    client = app.test_client()
    assert client.post("/login", data={"login": "admin", "password": PASSWORD}).status_code == 302
    return client


def test_healthz_is_public_and_carries_no_data(site):
    make_school()
    response = site.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "queue": {
        "state": "ok", "workers": 0, "queued": 0, "running": 0, "failed_last_day": 0, "waiting_seconds": 0}}


def test_health_page_is_for_the_administrator_only(site):
    make_school()
    client = site.test_client()
    assert client.get("/admin/health").status_code == 302  # to the log-in page
    client.post("/login", data={"login": "kurator", "password": PASSWORD})
    assert client.get("/admin/health").status_code == 403


def test_a_fresh_installation_warns_about_the_missing_backup(site):
    people = make_school()
    page = text(_admin_client(site).get("/admin/health"))
    assert 'data-warning="backup_stale"' in page and "ещё не делалась" in page
    assert 'data-warning="pending_migrations"' not in page
    assert "пройдена" in page  # integrity check
    assert "не настроена" in page  # e-mail
    assert "ошибок не было" in page
    for key in ("kurator", "mentor", "mentee", "other_kurator", "other_mentee"):  # no personal data
        assert people[key].full_name not in page
    assert "7Б" not in page


def test_fresh_verified_backup_and_no_warnings(site, instance):
    make_school()
    Places.of(site).upload_folder.mkdir(parents=True, exist_ok=True)
    create_backup(database.obj, Places.of(site), 7, 4)
    page = text(_admin_client(site).get("/admin/health"))
    assert 'data-warning="none"' in page
    assert "проверена" in page and "0 ч назад" in page


def test_old_backup_pending_migration_quota_and_logged_error_are_flagged(make_site, instance):
    app = make_site(UPLOAD_QUOTA=1000, MAIL_SERVER="smtp.school.local")
    with app.app_context():
        make_school()
        create_backup(database.obj, Places.of(app), 7, 4, now=dt.datetime.now() - dt.timedelta(days=3))
        (instance / "uploads").mkdir(exist_ok=True)
        (instance / "uploads" / "scan.pdf").write_bytes(b"%PDF" + b"0" * 996)
        database.obj.execute_sql(f"DELETE FROM schema_version WHERE version = {migrations.latest_version()}")
        app.logger.error("Something broke for a user")
    client = _admin_client(app)
    page = text(client.get("/admin/health"))
    for code in ("backup_stale", "pending_migrations", "uploads_quota"):
        assert f'data-warning="{code}"' in page, code
    assert "flask --app webapp upgrade" in page
    assert "100 %" in page
    assert "настроена" in page and "не настроена" not in page
    assert "ошибок не было" not in page and "Something broke" not in page
    assert "72 ч назад" in page


def test_english_health_page(site):
    make_school()
    client = _admin_client(site)
    client.post("/language", data={"lang": "en", "next": "/"})
    page = text(client.get("/admin/health"))
    assert "System health" in page and "No backup younger than a day." in page


def test_matching_runs_cut_off_by_a_restart_are_flagged(site):
    from webapp.models import MatchingRun
    people = make_school()
    MatchingRun.create(organisation=people["other_org"], status="running",
                       created_at=dt.datetime.now() - dt.timedelta(hours=2))
    MatchingRun.create(organisation=people["org"], status="done", created_at=dt.datetime.now() - dt.timedelta(hours=3))
    page = text(_admin_client(site).get("/admin/health"))
    assert 'data-warning="tasks_cut_off"' in page
    assert "подборов пар, прерванных перезапуском: 1" in page


def test_an_instance_folder_readable_by_others_is_flagged(site, instance):
    make_school()
    client = _admin_client(site)
    assert 'data-warning="instance_open"' not in text(client.get("/admin/health"))
    instance.chmod(0o755)
    assert 'data-warning="instance_open"' in text(client.get("/admin/health"))


def test_a_new_instance_folder_is_private(make_app, tmp_path):
    make_app(INSTANCE_PATH=str(tmp_path / "new-instance"))
    assert (tmp_path / "new-instance").stat().st_mode & 0o777 == 0o700
