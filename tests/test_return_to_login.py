"""A request without a session: htmx gets 401 + HX-Redirect to the log-in page that returns to the
page the person was on (HX-Current-URL, only when it is local); a plain request is redirected."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest


def next_of(location: str):
    return parse_qs(urlsplit(location).query).get("next", [None])[0]


@pytest.mark.parametrize("current, expected", [
    ("http://localhost/pairs/5?tab=meetings", "/pairs/5?tab=meetings"),
    ("/questionnaires/responses/3", "/questionnaires/responses/3"),
    ("http://evil.example/pairs/5", None),
    ("//evil.example/x", None),
    ("javascript:alert(1)", None),
    ("", None),
])
def test_htmx_without_a_session_gets_401_and_hx_redirect(client, school, current, expected):
    reply = client.post("/questionnaires/responses/1/answers/1", data={"q1": "x"},
                        headers={"HX-Request": "true", "HX-Current-URL": current})
    assert reply.status_code == 401
    assert reply.get_data(as_text=True) == ""  # no log-in page swapped into a panel
    target = reply.headers["HX-Redirect"]
    assert urlsplit(target).path == "/login" and next_of(target) == expected


def test_plain_requests_keep_the_normal_redirect(client, school):
    reply = client.get("/questionnaires/mine?x=1")
    assert reply.status_code == 302 and next_of(reply.location) == "/questionnaires/mine?x=1"
    reply = client.post("/questionnaires/responses/1", data={"action": "save"},
                        headers={"Referer": "http://localhost/questionnaires/responses/1"})
    assert reply.status_code == 303 and next_of(reply.location) == "/questionnaires/responses/1"
    reply = client.post("/questionnaires/responses/1", data={}, headers={"Referer": "http://evil.example/x"})
    assert reply.status_code == 303 and next_of(reply.location) is None


def test_log_in_follows_only_local_next(client, school):
    ok = client.post("/login?next=/questionnaires/mine", data={"login": "mentee", "password": "correct-horse-1"})
    assert ok.status_code == 302 and ok.location.endswith("/questionnaires/mine")
    client.post("/logout")
    for bad in ("http://evil.example/", "//evil.example/", "/\\evil.example"):
        reply = client.post(f"/login?next={bad}", data={"login": "mentee", "password": "correct-horse-1"})
        assert "evil" not in reply.location, bad
        client.post("/logout")
