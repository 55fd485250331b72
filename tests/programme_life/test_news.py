"""News about roadmap events and the public Atom feed."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import text
from webapp.models import NewsItem
from webapp.roadmap import services as roadmap

ATOM = "{http://www.w3.org/2005/Atom}"


def test_coordinator_writes_school_reads(client, auth, school):
    roadmap.prefill(school["org"])
    item = roadmap.items_of(school["org"]).first()
    auth.login("kurator")
    response = client.post("/news/new", data={"title": "Приказ подписан", "body": "Текст", "published": "y",
                                              "roadmap_item_id": str(item.id)})
    assert response.status_code == 303
    client.post("/news/new", data={"title": "Черновик", "body": "Ещё не готово"})
    news = NewsItem.get(NewsItem.title == "Приказ подписан")
    assert news.published_at is not None and news.roadmap_item_id == item.id
    auth.logout()
    auth.login("mentee")
    body = text(client.get("/news"))
    assert "Приказ подписан" in body and "Черновик" not in body
    draft = NewsItem.get(NewsItem.title == "Черновик")
    assert client.get(f"/news/{draft.id}").status_code == 404
    assert client.get(f"/news/{news.id}").status_code == 200
    assert client.post("/news/new", data={"title": "x", "body": "y"}).status_code == 403
    assert client.post(f"/news/{news.id}/delete").status_code == 403


def test_bad_news_input(as_coordinator, school):
    roadmap.prefill(school["other_org"])
    foreign = roadmap.items_of(school["other_org"]).first()
    for data, message in [({"title": "", "body": "x"}, "Укажите заголовок."),
                          ({"title": "x" * 201, "body": "x"}, "Заголовок не длиннее 200 символов."),
                          ({"title": "x", "body": ""}, "Напишите текст новости."),
                          ({"title": "x", "body": "y", "roadmap_item_id": str(foreign.id)}, "Выберите мероприятие"),
                          ({"title": "x", "body": "y", "roadmap_item_id": "abc"}, "Выберите мероприятие")]:
        response = as_coordinator.post("/news/new", data=data)
        assert response.status_code == 400 and message in text(response), data
    assert NewsItem.select().count() == 0
    other = NewsItem.create(organisation=school["other_org"], title="Чужая", body="x", published=True)
    assert as_coordinator.get(f"/news/{other.id}").status_code == 404
    assert as_coordinator.post(f"/news/{other.id}/edit", data={"title": "y", "body": "z"}).status_code == 404
    assert NewsItem.get_by_id(other.id).title == "Чужая"


def test_atom_feed_is_public_valid_and_escaped(client, as_coordinator, school):
    as_coordinator.post("/news/new", data={"title": "<script>alert(1)</script> & «кавычки»",
                                           "body": "Текст с <b>тегами</b> & амперсандом\x01", "published": "y"})
    as_coordinator.post("/news/new", data={"title": "Черновик", "body": "не публиковать"})
    NewsItem.create(organisation=school["other_org"], title="Новость лицея", body="x", published=True)
    as_coordinator.post("/logout")
    response = client.get(f"/news/{school['org'].id}/feed.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    raw = response.get_data(as_text=True)
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    root = ET.fromstring(response.data)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == "<script>alert(1)</script> & «кавычки»"
    assert entry.find(f"{ATOM}content").text == "Текст с <b>тегами</b> & амперсандом"
    assert entry.find(f"{ATOM}content").get("type") == "text"
    # no BASE_URL configured: links are paths (never built from the Host header), ids stay absolute IRIs
    assert entry.find(f"{ATOM}link").get("href").startswith("/news/")
    assert entry.find(f"{ATOM}id").text.startswith("tag:")
    assert client.get("/news/999999/feed.atom").status_code == 404


def test_roadmap_row_offers_a_news_item_for_it(as_coordinator, school):
    roadmap.prefill(school["org"])
    item = roadmap.items_of(school["org"]).first()
    assert f"/news/new?roadmap_item={item.id}" in text(as_coordinator.get("/roadmap"))
    body = text(as_coordinator.get(f"/news/new?roadmap_item={item.id}"))
    assert f'<option selected value="{item.id}">' in body or f'value="{item.id}" selected' in body


def test_forms_refuse_a_missing_csrf_token(make_app, school):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/login")
    token = page.get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"login": "kurator", "password": "correct-horse-1", "csrf_token": token})
    response = client.post("/news/new", data={"title": "Без токена", "body": "x", "published": "y"})
    assert response.status_code == 400 and "Форма устарела" in text(response)
    with app.app_context():
        assert NewsItem.select().count() == 0
