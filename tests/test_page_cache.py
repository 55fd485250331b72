"""The page cache (webapp/page_cache.py) and the data version it keys on (webapp/data_version.py, db.py).

Each test first shows that the page really is served again from the cache (the hit counter moves),
so a test of what must NOT be served again cannot pass by the cache simply being off.
"""
from __future__ import annotations

import pytest

from tests.factories import PASSWORD, make_user
from webapp import data_version
from webapp.db import database, open_database
from webapp.models import User


def text(response) -> str:
    return response.get_data(as_text=True)


def cache_of(app):
    return app.extensions["page_cache"]


def login(client, name: str, *, log_out_first: bool = True):
    if log_out_first:
        client.post("/logout")  # ends the person's sessions everywhere: a write
    response = client.post("/login", data={"login": name, "password": PASSWORD})
    assert response.status_code == 302, name


def served_twice(app, client, url: str) -> str:
    """The page, asked for twice: the second answer comes from the cache."""
    first = client.get(url)  # the first page of a session makes its CSRF token: it is not kept
    assert first.status_code == 200
    client.get(url)
    hits = cache_of(app).hits
    again = client.get(url)
    assert again.status_code == 200
    assert cache_of(app).hits == hits + 1, "the page was not served from the cache"
    return text(again)


def version():
    return data_version.read(database.obj)


def test_a_write_by_another_user_shows_at_once(app, school, client):
    login(client, "kurator")
    assert "Новикова Вера Павловна" not in served_twice(app, client, "/users")
    other = app.test_client()
    login(other, "admin")
    created = other.post("/users/new", data={"full_name": "Новикова Вера Павловна", "category": "teacher",
                                             "roles": ["mentor"]})
    assert created.status_code == 200
    assert "Новикова Вера Павловна" in text(client.get("/users"))


def test_a_write_through_the_models_shows_at_once(app, school, client):
    """As a background task or a command writes: no request, no view, only the models."""
    login(client, "kurator")
    assert "Фоновая Задача Петровна" not in served_twice(app, client, "/users")
    make_user(school["org"], "from.task", ["mentee"], full_name="Фоновая Задача Петровна")
    assert "Фоновая Задача Петровна" in text(client.get("/users"))


def test_a_write_by_another_server_shows_at_once(app, school, client, db_url):
    """Another process or server: its own connection to the same database, raw SQL inside a transaction."""
    login(client, "kurator")
    assert "Переименованная Анна" not in served_twice(app, client, "/users")
    elsewhere = open_database(db_url)
    with elsewhere.atomic():
        elsewhere.execute_sql(f"UPDATE account SET full_name = {elsewhere.param} WHERE login = {elsewhere.param}",
                              ("Переименованная Анна", "mentor"))
    elsewhere.close()
    assert "Переименованная Анна" in text(client.get("/users"))


def test_english_and_russian_are_different_pages(app, school, client):
    login(client, "kurator")
    assert "Пользователи" in served_twice(app, client, "/users")
    with client.session_transaction() as session:
        session["lang"] = "en"  # no write: only the key may tell the languages apart
    english = text(client.get("/users"))
    assert "Users" in english and "Пользователи" not in english


def same_csrf_token_as_before(client, sign_in_as: str):
    """Sign in as another person keeping the browser's CSRF token and writing nothing (no log-out): only
    the user then tells the pages apart."""
    with client.session_transaction() as session:
        token = session["csrf_token"]
        session.clear()  # the browser forgets who signed in (a log-out would write)
    before = version()
    login(client, sign_in_as, log_out_first=False)
    assert version() == before
    with client.session_transaction() as session:
        session["csrf_token"] = token


def test_two_users_never_get_each_others_page(app, school, client):
    login(client, "kurator")
    assert "Кураторова" in served_twice(app, client, "/dashboard")
    same_csrf_token_as_before(client, "admin")
    page = text(client.get("/dashboard"))
    assert "Админов" in page and "Кураторова" not in page


def test_another_school_never_sees_this_schools_page(app, school, client):
    login(client, "kurator")
    assert "Учеников Пётр" in served_twice(app, client, "/users")
    same_csrf_token_as_before(client, "other.kurator")
    page = text(client.get("/users"))
    assert "Чужой Ученик" in page and "Учеников Пётр" not in page


def test_a_pending_flash_is_shown(app, school, client):
    login(client, "kurator")
    served_twice(app, client, "/users")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Сообщение, ждущее показа")]
    assert "Сообщение, ждущее показа" in text(client.get("/users"))
    assert "Сообщение, ждущее показа" not in text(client.get("/users"))  # shown once


def test_writes_count_once_per_transaction_and_not_when_rolled_back(app, school):
    before = version()[0]
    with database.atomic():
        User.update(full_name="Раз Два Три").where(User.login == "mentor").execute()
        User.update(position="учитель").where(User.login == "mentor").execute()
    assert version()[0] == before + 1
    with pytest.raises(RuntimeError):
        with database.atomic():
            User.update(full_name="Откат Отката").where(User.login == "mentor").execute()
            raise RuntimeError
    assert version()[0] == before + 1
    User.update(full_name="Без Транзакции").where(User.login == "mentor").execute()  # autocommit
    assert version()[0] == before + 2


def test_what_pages_do_not_show_does_not_count(app, school, client):
    """A sign-in (its time), a failed one, heartbeats and the queue's own tables leave the version alone,
    or every request would throw every page away."""
    from webapp.models import TaskWorker
    import datetime as dt
    before = version()
    client.post("/login", data={"login": "kurator", "password": "wrong"})
    login(client, "kurator")
    TaskWorker.insert(name="w1", threads=1, heartbeat_at=dt.datetime.now()).execute()
    TaskWorker.update(heartbeat_at=dt.datetime.now()).where(TaskWorker.name == "w1").execute()
    assert version() == before
    assert data_version.counts('INSERT INTO "huey_task" ("queue", "data") VALUES (?, ?)') is False
    assert data_version.counts('UPDATE "account" SET "last_login_at" = ? WHERE ("account"."id" = ?)') is False
    assert data_version.counts('UPDATE "account" SET "full_name" = ? WHERE ("account"."id" = ?)') is True
    assert data_version.counts('UPDATE "background_task" SET "progress" = ?, "step" = ? WHERE (1)') is False
    assert data_version.counts('UPDATE "background_task" SET "status" = ?, "progress" = ? WHERE (1)') is True


def test_only_plain_pages_are_kept(app, school, client):
    login(client, "kurator")
    served_twice(app, client, "/users")
    stored = cache_of(app).stored
    assert client.get("/users?page=abc").status_code == 200
    client.get("/users/new")  # not a cached view
    assert client.get("/monitoring/no-such-page").status_code == 404
    assert cache_of(app).stored == stored + 1  # only the list with its own address


def test_size_zero_turns_it_off(make_app, school):
    app = make_app(PAGE_CACHE_SIZE=0)
    client = app.test_client()
    login(client, "kurator")
    for _ in range(3):
        assert client.get("/users").status_code == 200
    assert cache_of(app).hits == 0 and len(cache_of(app)) == 0


def test_two_sessions_of_one_user_share_a_page_each_with_a_token_its_session_accepts(make_app, school):
    """The kept page holds a mark where the CSRF token was; each reader gets their own session's token,
    and a form posted from the shared page is accepted (CSRF on)."""
    import re
    app = make_app(WTF_CSRF_ENABLED=True)

    def signed_in():
        client = app.test_client()
        page = text(client.get("/login"))
        token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
        assert client.post("/login", data={"login": "kurator", "password": PASSWORD,
                                           "csrf_token": token}).status_code == 302
        return client

    first, second = signed_in(), signed_in()
    first.get("/users"), first.get("/users")           # rendered, then kept
    hits = cache_of(app).hits
    page = text(second.get("/users"))                  # its first look: the page the other session made
    assert cache_of(app).hits == hits + 1, "the second session did not get the kept page"
    assert "__page-cache-csrf-token__" not in page
    tokens = set(re.findall(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page))
    assert tokens, "the page has no form with a token"
    with second.session_transaction() as s:
        raw = s["csrf_token"]
    from itsdangerous import URLSafeTimedSerializer
    serializer = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token")
    assert {serializer.loads(t) for t in tokens} == {raw}   # signed for the reader's own session
    # a state change posted with that token is accepted (a refused token answers 400)
    assert second.post("/language", data={"lang": "en", "next": "/users",
                                          "csrf_token": tokens.pop()}).status_code in (302, 303)


def test_a_kept_page_gives_every_copy_fresh_request_keys(app, school, client, monkeypatch):
    """The bank page's export form carries a request key (one task per key). A kept copy with the same
    key would make the second export return the first one's task."""
    import re
    from webapp.banks import export_task
    from webapp.models import BackgroundTask
    monkeypatch.setattr(export_task, "BACKGROUND_FROM", 0)
    login(client, "kurator")
    served_twice(app, client, "/banks/mentees?everyone=1")
    hits = cache_of(app).hits
    keys = set()
    for _ in range(2):
        page = text(client.get("/banks/mentees?everyone=1"))
        assert "__page-cache-request-key__" not in page
        keys |= set(re.findall(r'name="request_key" value="([0-9a-f]{32})"', page))
    assert cache_of(app).hits == hits + 2 and len(keys) == 2   # both copies from the cache, each its own key
    for key in keys:
        assert client.post("/banks/mentees/export-task", data={"request_key": key}).status_code == 303
    assert BackgroundTask.select().count() == 2
