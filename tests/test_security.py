"""CSRF on every state change, security headers, cookies, the generated secret key."""
from __future__ import annotations

import re

import pytest
from werkzeug.routing import IntegerConverter

from tests.conftest import text
from tests.factories import PASSWORD
from webapp import create_app
from webapp.models import User


@pytest.fixture
def csrf_app(make_app, school):
    return make_app(WTF_CSRF_ENABLED=True)


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def test_every_state_changing_route_refuses_a_request_without_token(csrf_app, school):
    client = csrf_app.test_client()
    login_page = text(client.get("/login"))
    client.post("/login", data={"login": "admin", "password": PASSWORD, "csrf_token": _token(login_page)})
    assert client.get("/dashboard").status_code == 200
    checked = 0
    for rule in csrf_app.url_map.iter_rules():
        methods = rule.methods - {"GET", "HEAD", "OPTIONS"}
        if not methods:
            continue
        values = {arg: (school["mentee"].id if isinstance(rule._converters[arg], IntegerConverter) else "x")
                  for arg in rule.arguments}
        url = rule.build(values, append_unknown=False)[1]
        for method in methods:
            response = client.open(url, method=method, data={})
            assert response.status_code == 400, f"{method} {url} accepted a request without CSRF token"
            assert "Форма устарела" in text(response)
            checked += 1
    assert checked >= 6
    assert client.get("/dashboard").status_code == 200  # still signed in: the logout was refused too


def test_htmx_header_token_is_accepted(csrf_app, school):
    client = csrf_app.test_client()
    page = text(client.get("/login"))
    client.post("/login", data={"login": "kurator", "password": PASSWORD, "csrf_token": _token(page)})
    dashboard = text(client.get("/dashboard"))
    header_token = re.search(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', dashboard).group(1)
    User.update(password_hash=None).where(User.id == school["mentee"].id).execute()  # invitations: no password yet
    response = client.post(f"/users/{school['mentee'].id}/invitation", headers={"X-CSRFToken": header_token})
    assert response.status_code == 200


def test_security_headers_and_cookie_flags(client, school):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    login = client.post("/login", data={"login": "kurator", "password": PASSWORD})
    cookie = login.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_templates_have_no_inline_script_or_style():
    from pathlib import Path
    for path in (Path(__file__).resolve().parent.parent / "templates").rglob("*.html"):
        source = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", source), f"inline script in {path}"
        assert " style=" not in source, f"inline style in {path}"
        assert " hx-on" not in source, f"hx-on (eval) in {path}"


def test_secret_key_is_generated_into_instance_once(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    from webapp.config import load_secret_key
    first = load_secret_key(str(tmp_path))
    assert len(first) == 64 and (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert load_secret_key(str(tmp_path)) == first


def test_text_is_escaped_never_run(as_coordinator, school):
    as_coordinator.post("/users/new", data={"full_name": "<script>alert(1)</script>", "category": "teacher",
                                             "roles": ["mentor"]})
    page = text(as_coordinator.get("/users?q=script"))
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_app_factory_has_no_module_level_app():
    import webapp
    assert not hasattr(webapp, "app") and callable(create_app)


def test_downloads_with_personal_data_are_not_cached(client, auth, school):
    auth.login("mentee")
    response = client.get("/consents/mine/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "attachment" in response.headers["Content-Disposition"]
