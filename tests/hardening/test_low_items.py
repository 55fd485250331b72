"""The low findings: feed links and caching, off-site links, secure cookies, no-store pages, htmx history."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from tests.conftest import text
from tests.factories import PASSWORD
from webapp.models import NewsItem, RoadmapItem

ATOM = "{http://www.w3.org/2005/Atom}"


def _feed_links(response) -> list[str]:
    root = ET.fromstring(response.data)
    return [link.get("href") for link in root.iter(f"{ATOM}link")] + [e.text for e in root.iter(f"{ATOM}id")]


def test_feed_links_come_from_base_url_not_the_host_header(make_app, school):
    NewsItem.create(organisation=school["org"], title="Новость", body="Текст", author=school["kurator"],
                    published=True, published_at=dt.datetime(2026, 9, 1, 10, 0))
    app = make_app(BASE_URL="https://nastavnik.school.example/")
    client = app.test_client()
    response = client.get(f"/news/{school['org'].id}/feed.atom", headers={"Host": "evil.example"})
    assert response.status_code == 200
    links = [link for link in _feed_links(response) if link and "://" in link]
    assert links and all(link.startswith("https://nastavnik.school.example/") for link in links)
    assert "evil.example" not in response.get_data(as_text=True)
    assert "public" not in response.headers["Cache-Control"]


def test_feed_without_base_url_never_uses_the_host_header(client, school):
    response = client.get(f"/news/{school['org'].id}/feed.atom", headers={"Host": "evil.example"})
    assert response.status_code == 200 and "evil.example" not in response.get_data(as_text=True)


def test_roadmap_links_are_local_or_marked_external(as_coordinator, school):
    base = {"step": "1", "title": "Мероприятие", "status": "planned"}
    for bad in ("//evil.example/x", "/\\evil.example", "javascript:alert(1)", "https:evil", "ftp://x.example/a"):
        response = as_coordinator.post("/roadmap/new", data={**base, "document_url": bad})
        assert response.status_code == 400, bad
        assert "Ссылка должна начинаться" in text(response)
    assert not RoadmapItem.select().where(RoadmapItem.document_url != "").exists()
    as_coordinator.post("/roadmap/new", data={**base, "title": "Внешнее", "document_url": "https://docs.example/plan"})
    as_coordinator.post("/roadmap/new", data={**base, "title": "Своё", "document_url": "/practices"})
    page = text(as_coordinator.get("/roadmap"))
    assert "внешняя ссылка: docs.example" in page
    assert page.count("внешняя ссылка") == 1


def test_session_cookie_is_secure_behind_https(make_app, school):
    for config, secure in (({}, False), ({"BEHIND_HTTPS_PROXY": True}, True), ({"BASE_URL": "https://n.example"}, True),
                           ({"BASE_URL": "https://n.example", "SESSION_COOKIE_SECURE": False}, False)):
        app = make_app(**config)
        client = app.test_client()
        response = client.post("/login", data={"login": "mentor", "password": PASSWORD})
        cookie = response.headers["Set-Cookie"]
        assert ("Secure" in cookie) == secure, (config, cookie)


def test_pages_are_not_stored_and_htmx_keeps_no_history(as_coordinator, school):
    for url in ("/dashboard", "/users", "/banks/mentees", "/login"):
        response = as_coordinator.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
    page = text(as_coordinator.get("/dashboard"))
    assert '"historyCacheSize": 0' in page and '"refreshOnHistoryMiss": true' in page
    css = as_coordinator.get("/static/css/app.css")
    assert "no-store" not in (css.headers.get("Cache-Control") or "")
