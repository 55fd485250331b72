"""Sessions end when they should: log-out, password change, deactivation, «выйти на всех устройствах»."""
from __future__ import annotations

from tests.conftest import text
from tests.factories import PASSWORD
from webapp.models import AuditEvent, User


def signed_in(client) -> bool:
    return client.get("/dashboard").status_code == 200


def login(app, login_name):
    client = app.test_client()
    client.post("/login", data={"login": login_name, "password": PASSWORD})
    assert signed_in(client)
    return client


def copy_of(app, client):
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value, domain="localhost")
    return other


def test_a_copied_cookie_stops_working_after_log_out(app, school):
    client = login(app, "mentor")
    thief = copy_of(app, client)
    assert signed_in(thief)
    client.post("/logout")
    assert not signed_in(client)
    assert not signed_in(thief)
    again = login(app, "mentor")  # signing in afresh works
    assert signed_in(again)


def test_password_change_signs_out_every_other_session(app, school):
    laptop, phone = login(app, "mentor"), login(app, "mentor")
    response = laptop.post("/password", data={"current": PASSWORD, "password": "Novyj-parol-2026",
                                              "confirm": "Novyj-parol-2026"})
    assert response.status_code == 303
    assert signed_in(laptop)
    assert not signed_in(phone)


def test_deactivation_ends_sessions_and_reactivation_does_not_revive_them(app, school):
    mentor = login(app, "mentor")
    coordinator = login(app, "kurator")
    user = User.get(User.login == "mentor")
    assert coordinator.post(f"/users/{user.id}/deactivate", data={"confirmed": "1"}).status_code == 303
    assert not signed_in(mentor)
    assert coordinator.post(f"/users/{user.id}/activate").status_code == 303
    assert not signed_in(mentor)


def test_staff_sign_a_person_out_everywhere(app, school):
    mentee = login(app, "mentee")
    second = login(app, "mentee")
    coordinator = login(app, "kurator")
    user = User.get(User.login == "mentee")
    page = text(coordinator.get(f"/users/{user.id}"))
    assert "Выйти на всех устройствах" in page
    response = coordinator.post(f"/users/{user.id}/sign-out", follow_redirects=True)
    assert "все открытые сеансы завершены" in text(response)
    assert not signed_in(mentee) and not signed_in(second)
    assert signed_in(coordinator)
    assert AuditEvent.select().where((AuditEvent.action == "sessions_ended") & (AuditEvent.target == "mentee")).exists()


def test_sign_out_everywhere_respects_who_may_manage_whom(app, school):
    coordinator = login(app, "kurator")
    admin = User.get(User.login == "admin")
    other = User.get(User.login == "other.mentee")
    assert coordinator.post(f"/users/{admin.id}/sign-out").status_code == 403
    assert coordinator.post(f"/users/{other.id}/sign-out").status_code == 404
    mentee = login(app, "mentee")
    assert mentee.post(f"/users/{other.id}/sign-out").status_code == 403


def test_no_invitation_for_an_account_that_has_a_password(app, school):
    coordinator = login(app, "kurator")
    user = User.get(User.login == "mentee")
    page = text(coordinator.get(f"/users/{user.id}"))
    assert "Выдать новую ссылку-приглашение" not in page
    response = coordinator.post(f"/users/{user.id}/invitation", follow_redirects=True)
    assert "приглашение выдаётся только тем, кто ещё не входил" in text(response)
    assert User.get(User.login == "mentee").invite_nonce is None


def test_a_migration_merged_below_the_newest_version_is_still_applied(blank_db_url, tmp_path):
    """A database already at 10 and 11 (from main) still receives migration 6 (this branch)."""
    from playhouse.db_url import connect

    from webapp import migrations
    db = connect(blank_db_url)
    everything_but_6 = [m.VERSION for m in migrations.available() if m.VERSION != 6]
    for version in everything_but_6:  # walk the others in order, leaving 6 out
        with migrations.SchemaVersion.bind_ctx(db):
            db.create_tables([migrations.SchemaVersion], safe=True)
            mod = next(m for m in migrations.available() if m.VERSION == version)
            with db.atomic():
                mod.upgrade(db, migrations.migrator_for(db))
                migrations.SchemaVersion.create(version=version)
    assert "session_version" not in {c.name for c in db.get_columns("account")}
    assert migrations.upgrade(db) == [6]
    assert "session_version" in {c.name for c in db.get_columns("account")}
    db.close()
