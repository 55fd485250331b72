"""Behind an HTTPS reverse proxy: BEHIND_HTTPS_PROXY turns on Secure cookies and X-Forwarded-*;
the shipped Caddy and nginx configurations pass the proxies' own checks when they are installed."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import PASSWORD, make_school
from webapp import ROOT
from webapp.models import LoginFailure

PROXY_HEADERS = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "nastavnik.school.local"}


def _login(client, password=PASSWORD, headers=PROXY_HEADERS):
    return client.post("/login", data={"login": "kurator", "password": password}, headers=headers)


def _cookie_header(response) -> str:
    return "; ".join(response.headers.getlist("Set-Cookie"))


def test_behind_the_proxy_cookies_are_secure_and_the_client_address_is_seen(make_app):
    app = make_app(BEHIND_HTTPS_PROXY=True, TRUSTED_PROXIES=1)
    with app.app_context():
        make_school()
    client = app.test_client()
    response = _login(client)
    assert response.status_code == 302
    session_cookie = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert session_cookie and "Secure" in session_cookie[0] and "HttpOnly" in session_cookie[0]

    _login(app.test_client(), password="wrong-password")
    with app.app_context():
        assert [f.address for f in LoginFailure.select()] == ["203.0.113.7"]


def test_a_forged_address_before_the_trusted_proxy_is_ignored(make_app):
    app = make_app(BEHIND_HTTPS_PROXY=True, TRUSTED_PROXIES=1)
    with app.app_context():
        make_school()
    headers = dict(PROXY_HEADERS, **{"X-Forwarded-For": "10.6.6.6, 203.0.113.7"})  # client sent 10.6.6.6
    _login(app.test_client(), password="wrong-password", headers=headers)
    with app.app_context():
        assert [f.address for f in LoginFailure.select()] == ["203.0.113.7"]


def test_two_trusted_proxies(make_app):
    app = make_app(BEHIND_HTTPS_PROXY=True, TRUSTED_PROXIES=2)
    with app.app_context():
        make_school()
    headers = dict(PROXY_HEADERS, **{"X-Forwarded-For": "10.6.6.6, 198.51.100.4, 203.0.113.7",
                                     "X-Forwarded-Proto": "https, http"})
    _login(app.test_client(), password="wrong-password", headers=headers)
    with app.app_context():
        assert [f.address for f in LoginFailure.select()] == ["198.51.100.4"]


def test_without_the_setting_forwarded_headers_are_not_trusted(make_app):
    app = make_app()
    with app.app_context():
        make_school()
    response = _login(app.test_client())
    assert "Secure" not in _cookie_header(response)
    _login(app.test_client(), password="wrong-password")
    with app.app_context():
        assert [f.address for f in LoginFailure.select()] == ["127.0.0.1"]


def test_the_setting_is_read_from_the_environment(monkeypatch, make_app):
    monkeypatch.setenv("BEHIND_HTTPS_PROXY", "1")
    monkeypatch.setenv("TRUSTED_PROXIES", "2")
    app = make_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True and app.config["TRUSTED_PROXIES"] == 2


def test_the_setting_is_read_from_instance_config(make_app, tmp_path):
    instance = tmp_path / "inst"
    instance.mkdir()
    (instance / "config.py").write_text("BEHIND_HTTPS_PROXY = True\nUPLOAD_QUOTA = 12345\n")
    app = make_app(INSTANCE_PATH=str(instance))
    assert app.config["SESSION_COOKIE_SECURE"] is True and app.config["UPLOAD_QUOTA"] == 12345


def _self_signed(folder: Path) -> tuple[Path, Path]:
    crt, key = folder / "nastavnik.crt", folder / "nastavnik.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=nastavnik.school.local", "-keyout", str(key), "-out", str(crt)],
                   check=True, capture_output=True)
    return crt, key


@pytest.mark.skipif(shutil.which("nginx") is None or shutil.which("openssl") is None,
                    reason="nginx or openssl is not installed (apt-get install nginx openssl)")
def test_nginx_configuration_passes_nginx_t(tmp_path):
    crt, key = _self_signed(tmp_path)
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "X-Forwarded-Proto" in site and "X-Forwarded-For" in site
    site = site.replace("/etc/nastavnik/tls/nastavnik.crt", str(crt)).replace("/etc/nastavnik/tls/nastavnik.key", str(key))
    (tmp_path / "nastavnik.conf").write_text(site)
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
                    f"http {{\n  access_log off;\n  include {tmp_path}/nastavnik.conf;\n}}\n")
    done = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy is not installed (apt-get install caddy)")
def test_caddyfile_passes_caddy_validate(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(["caddy", "validate", "--adapter", "caddyfile", "--config", str(ROOT / "deploy" / "Caddyfile")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Valid configuration" in done.stdout + done.stderr
