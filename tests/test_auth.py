"""Log-in, log-out, password change, throttling, invitations."""
from __future__ import annotations

import datetime as dt

from itsdangerous import URLSafeTimedSerializer

from tests.conftest import text
from tests.factories import PASSWORD
from webapp.auth import invitations
from webapp.models import LoginFailure, User


def test_login_and_logout(client, school):
    response = client.post("/login", data={"login": "Kurator", "password": PASSWORD})
    assert response.status_code == 302 and response.location.endswith("/dashboard")
    assert "Кураторова Ирина Петровна" in text(client.get("/dashboard"))
    response = client.post("/logout")
    assert response.status_code == 303
    assert client.get("/dashboard").status_code == 302


def test_wrong_password_and_unknown_user_get_the_same_clear_message(client, school):
    for login in ("kurator", "nobody"):
        response = client.post("/login", data={"login": login, "password": "wrong-password"})
        assert response.status_code == 401
        assert "Неверный логин или пароль." in text(response)
    assert client.get("/dashboard").status_code == 302


def test_empty_and_overlong_login_form(client, school):
    response = client.post("/login", data={"login": "", "password": ""})
    assert response.status_code == 400 and "Заполните это поле." in text(response)
    response = client.post("/login", data={"login": "x" * 500, "password": "p"})
    assert response.status_code == 400 and "Логин не длиннее 64 символов." in text(response)


def test_deactivated_user_cannot_log_in_and_is_logged_out(app, school):
    client = app.test_client()
    client.post("/login", data={"login": "mentor", "password": PASSWORD})
    assert client.get("/dashboard").status_code == 200
    User.update(is_active=False).where(User.login == "mentor").execute()
    assert client.get("/dashboard").status_code == 302  # the open session ends too
    response = client.post("/login", data={"login": "mentor", "password": PASSWORD})
    assert "Учётная запись отключена" in text(response)


def test_repeated_failures_lock_the_account_then_the_address(app, client, school):
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        client.post("/login", data={"login": "mentor", "password": "bad-guess"})
    response = client.post("/login", data={"login": "mentor", "password": PASSWORD})
    assert response.status_code == 429
    assert "Слишком много неудачных попыток" in text(response)
    # another account from the same address still works until the address limit
    assert client.post("/login", data={"login": "mentee", "password": PASSWORD}).status_code == 302
    client.post("/logout")
    # failures older than the window no longer count
    LoginFailure.update(at=dt.datetime.now() - dt.timedelta(hours=1)).execute()
    assert client.post("/login", data={"login": "mentor", "password": PASSWORD}).status_code == 302


def test_per_address_limit(app, client, school):
    # a lower limit than the default 20: each unknown login costs a hash at the application's work factor
    app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"] = 5
    for n in range(app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"]):
        client.post("/login", data={"login": f"guess{n}", "password": "bad"})
    assert client.post("/login", data={"login": "mentee", "password": PASSWORD}).status_code == 429


def test_change_password(client, auth, school):
    auth.login("mentee")
    response = client.post("/password", data={"current": "wrong", "password": "new-password-9", "confirm": "new-password-9"})
    assert response.status_code == 400 and "Текущий пароль введён неверно." in text(response)
    response = client.post("/password", data={"current": PASSWORD, "password": "short", "confirm": "short"})
    assert "Пароль должен быть от 8 до 200 символов." in text(response)
    response = client.post("/password", data={"current": PASSWORD, "password": "new-password-9", "confirm": "other-password"})
    assert "Пароли не совпадают." in text(response)
    assert User.get(User.login == "mentee").check_password(PASSWORD)
    response = client.post("/password", data={"current": PASSWORD, "password": "new-password-9", "confirm": "new-password-9"})
    assert response.status_code == 303
    auth.logout()
    assert auth.login("mentee", "new-password-9").status_code == 302


def _invite(app, user):
    with app.test_request_context():
        return invitations.issue(user)


def test_invitation_sets_password_once(app, client, school):
    user = User.create(organisation=school["org"], login="newbie", full_name="Новичков Новик", category="teacher")
    user.set_roles(["mentee"])
    link = _invite(app, user)
    path = link.split("localhost", 1)[1]
    page = client.get(path)
    assert page.status_code == 200 and "newbie" in text(page)
    response = client.post(path, data={"password": "mentee-pass-1", "confirm": "mentee-pass-1"})
    assert response.status_code == 303
    assert "Новичков Новик" in text(client.get("/dashboard"))
    client.post("/logout")
    again = client.get(path)
    assert again.status_code == 400 and "уже использовано" in text(again)
    assert client.post("/login", data={"login": "newbie", "password": "mentee-pass-1"}).status_code == 302


def test_forged_and_expired_invitations(app, client, school):
    user = school["mentee"]
    link = _invite(app, user)
    token = link.rsplit("/", 1)[1]
    forged = client.get(f"/invite/{token[:-3]}abc")
    assert forged.status_code == 400 and "недействительна" in text(forged)
    other_key = URLSafeTimedSerializer("another-secret", salt=invitations.SALT).dumps({"u": user.id, "n": "x"})
    assert client.get(f"/invite/{other_key}").status_code == 400
    app.config["INVITATION_MAX_AGE"] = -1
    expired = client.get(f"/invite/{token}")
    assert expired.status_code == 400 and "Срок действия приглашения истёк" in text(expired)
    app.config["INVITATION_MAX_AGE"] = 3600
    # a newer link replaces the older one
    newer = _invite(app, user)
    assert client.get(f"/invite/{token}").status_code == 400
    assert client.get(newer.split("localhost", 1)[1]).status_code == 200
    assert User.get_by_id(user.id).check_password(PASSWORD)  # nothing changed by the bad tries


def test_open_redirect_is_refused(client, school):
    response = client.post("/login?next=//evil.example/x", data={"login": "kurator", "password": PASSWORD})
    assert response.location.endswith("/dashboard")
    client.post("/logout")
    response = client.post("/login?next=/users", data={"login": "kurator", "password": PASSWORD})
    assert response.location.endswith("/users")
