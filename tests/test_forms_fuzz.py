"""Every form the app shows (POST and GET filters), sent back with bad values, answers without a server error.

The test signs in to the demo school, walks the pages reachable from the navigation (four links
deep), reads every form on them and submits each one with over-long, wrong-type,
out-of-range, forged and markup values. A 500 anywhere fails the test.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from webapp import demo

BAD_VALUES = ["", "x" * 5000, "<script>alert(1)</script>", "-1", "99999999999999999999", "abc", "2024-02-30", "NaN"]
SKIP_ACTIONS = ("/logout", "/language", "/password")


class Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href", "").startswith("/"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {"action": attrs.get("action", ""), "method": (attrs.get("method") or "get").lower(), "fields": {}}
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea", "button") and self._form is not None and attrs.get("name"):
            self._form["fields"].setdefault(attrs["name"], attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _crawl(client, start="/dashboard", depth=4):
    """POST forms on the pages reachable from ``start``; one page per route pattern."""
    seen, forms, frontier = set(), {}, [start]
    for _ in range(depth):
        nxt = []
        for url in frontier:
            path = urlsplit(url).path
            pattern = re.sub(r"\d+", "N", path)
            if pattern in seen or path.endswith((".docx", ".xlsx", ".json", ".atom")) or "/files/" in path:
                continue
            seen.add(pattern)
            response = client.get(url)
            assert response.status_code < 500, f"GET {url} gave {response.status_code}"
            if "text/html" not in response.content_type:
                continue
            parser = Forms()
            parser.feed(response.get_data(as_text=True))
            nxt.extend(parser.links)
            for form in parser.forms:
                action = urljoin(url, form["action"] or url)
                key = (form["method"], urlsplit(action).path, tuple(sorted(form["fields"])))
                forms.setdefault(key, (action, form["fields"]))
        frontier = nxt
    return forms


@pytest.fixture
def app(demo_region_app):
    """The demo school in the demo region: the coordinator's walk opens the regional pool and practices
    too (tests/region/test_region_forms_fuzz.py walked the same school's forms from /pool again)."""
    return demo_region_app


@pytest.fixture
def demo_school(app):
    """The demo school with one matching run and one confirmed pair, so their pages have forms."""
    client = app.test_client()
    client.post("/login", data={"login": "kurator", "password": demo.DEMO_PASSWORD})
    assert client.post("/matching/runs", data={"kind": "traditional", "top_k": "3", "min_score": "0"}).status_code < 400
    from webapp.models import Suggestion
    first = Suggestion.select().order_by(Suggestion.id).first()
    assert first is not None
    client.post(f"/matching/suggestions/{first.id}/approve")


@pytest.mark.parametrize("login", ["kurator", "mentor", "mentee"])
def test_every_form_survives_bad_values(app, demo_school, login):
    client = app.test_client()
    assert client.post("/login", data={"login": login, "password": demo.DEMO_PASSWORD}).status_code == 302
    forms = _crawl(client)
    assert len(forms) >= (25 if login == "kurator" else 2)
    sent = send_bad_values(client, forms, login, sign_in_again=True)
    print(f"{login}: {len(forms)} forms, {sent} bad submissions")
    assert sent > 0


def send_bad_values(client, forms, login: str, *, sign_in_again: bool = False) -> int:
    """Submit every form once per bad value; returns how many requests were sent. ``sign_in_again``:
    after each form, sign in again if the form deactivated the signed-in person.

    A form with nothing to fill but its CSRF token (a button that approves, reruns, archives …) would get
    the same request for every bad value: it is sent once (eight identical reruns of a matching run
    tested nothing more and took seconds).
    """
    sent = 0
    for (method, path, _), (action, fields) in sorted(forms.items()):
        if path.startswith(SKIP_ACTIONS) or path.endswith("/delete"):
            continue
        tried = []
        for bad in BAD_VALUES:
            data = {name: (value if name == "csrf_token" else bad) for name, value in fields.items()}
            if data in tried:
                continue
            tried.append(data)
            if method == "get":
                response = client.get(action, query_string=data)
            else:
                response = client.post(action, data=data)
            sent += 1
            assert response.status_code < 500, f"{method} {action} with {bad[:20]!r} as {login}: {response.status_code}"
        if sign_in_again and client.get("/dashboard").status_code != 200:
            client.post("/login", data={"login": login, "password": demo.DEMO_PASSWORD})
    return sent
