"""Passwords people can guess are refused; a failed log-in costs the same for any login; guessing
from one address cannot lock the owner out."""
from __future__ import annotations

import re

from tests.conftest import text
from tests.factories import PASSWORD
from webapp.auth import passwords, throttle
from webapp.models import User

WEAK = ["12345678", "password", "qwerty123", "Password1", "йцукенгшщз", "aaaaaaaaaa"]


def test_common_passwords_and_the_own_login_or_name_are_refused_on_change(client, auth, school):
    auth.login("mentee")
    user = User.get(User.login == "mentee")
    surname = user.full_name.split()[0]
    for bad, message in [(w, "слишком распространён") for w in WEAK] + [
            ("mentee2026!", "не должен содержать логин"), (f"{surname}2026", "не должен содержать фамилию")]:
        response = client.post("/password", data={"current": PASSWORD, "password": bad, "confirm": bad})
        assert response.status_code == 400, bad
        assert message in text(response), bad
    response = client.post("/password", data={"current": PASSWORD, "password": "Kolokol-na-bashne-7",
                                              "confirm": "Kolokol-na-bashne-7"})
    assert response.status_code == 303


def test_common_passwords_are_refused_on_an_invitation(client, auth, school):
    User.update(password_hash=None).where(User.login == "mentor").execute()
    auth.login("kurator")
    mentor = User.get(User.login == "mentor")
    page = text(client.post(f"/users/{mentor.id}/invitation"))
    link = re.search(r"(/invite/[\w.\-]+)", page).group(1)
    auth.logout()
    response = client.post(link, data={"password": "12345678", "confirm": "12345678"})
    assert response.status_code == 400 and "слишком распространён" in text(response)
    response = client.post(link, data={"password": "mentor-mentor", "confirm": "mentor-mentor"})
    assert response.status_code == 400 and "не должен содержать логин" in text(response)
    assert client.post(link, data={"password": "Kolokol-na-bashne-7", "confirm": "Kolokol-na-bashne-7"}).status_code == 303


def test_an_unknown_login_costs_one_hash_check_too(client, school, monkeypatch):
    calls = []
    real = passwords.check_password_hash
    monkeypatch.setattr(passwords, "check_password_hash", lambda *a: calls.append(1) or real(*a))
    client.post("/login", data={"login": "nobody-here", "password": "whatever-1"})
    client.post("/login", data={"login": "mentor", "password": "whatever-1"})
    assert len(calls) == 2


def test_guessing_from_one_address_does_not_lock_the_owner_out(make_app, school):
    app = make_app(LOGIN_MAX_FAILURES_PER_ACCOUNT=3)
    attacker, owner = app.test_client(), app.test_client()
    far, near = {"REMOTE_ADDR": "10.0.0.66"}, {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(3):
        attacker.post("/login", data={"login": "admin", "password": "guess-guess"}, environ_base=far)
    blocked = attacker.post("/login", data={"login": "admin", "password": PASSWORD}, environ_base=far)
    assert blocked.status_code == 429
    assert owner.post("/login", data={"login": "admin", "password": PASSWORD}, environ_base=near).status_code == 302
    with app.app_context():
        attacker.post("/login", data={"login": "admin", "password": "guess-guess"}, environ_base={"REMOTE_ADDR": "10.0.0.7"})
        assert throttle.delay_for("admin") > 0  # the account is slowed down, not locked
        assert throttle.delay_for("mentee") == 0
