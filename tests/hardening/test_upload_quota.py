"""Per-person daily upload quotas and the school's storage total."""
from __future__ import annotations

from io import BytesIO

from tests.conftest import text
from webapp.models import Practice, PracticeFile

PDF = b"%PDF-1.4\n" + b"0" * 1000


def propose(client, files, title="Практика"):
    return client.post("/practices/new", content_type="multipart/form-data", data={
        "title": title, "description": "", "form": "", "authors_text": "", "tags": "",
        "files": [(BytesIO(content), name) for name, content in files]})


def _client(make_app, **config):
    app = make_app(**config)
    client = app.test_client()
    return app, client


def test_files_per_day(make_app, school):
    app, client = _client(make_app, UPLOAD_FILES_PER_DAY=4)
    client.post("/login", data={"login": "mentee", "password": "correct-horse-1"})
    assert propose(client, [("a.pdf", PDF), ("b.pdf", PDF), ("c.pdf", PDF)]).status_code == 303
    response = propose(client, [("d.pdf", PDF), ("e.pdf", PDF)], title="Вторая")
    assert response.status_code == 400
    body = text(response)
    assert "За сутки можно прикрепить не больше 4 файлов; сейчас можно ещё 1." in body
    assert 'value="Вторая"' in body
    with app.app_context():
        assert Practice.select().count() == 1 and PracticeFile.select().count() == 3
    # another person still may upload
    client.post("/logout")
    client.post("/login", data={"login": "mentor", "password": "correct-horse-1"})
    assert propose(client, [("d.pdf", PDF), ("e.pdf", PDF)]).status_code == 303


def test_bytes_per_day_and_school_total(make_app, school):
    app, client = _client(make_app, UPLOAD_BYTES_PER_DAY=2500, UPLOAD_SCHOOL_TOTAL_BYTES=4000)
    client.post("/login", data={"login": "mentee", "password": "correct-horse-1"})
    assert propose(client, [("a.pdf", PDF), ("b.pdf", PDF)]).status_code == 303
    response = propose(client, [("c.pdf", PDF)])
    assert response.status_code == 400
    assert "За сутки можно загрузить файлов общим объёмом не больше" in text(response)
    client.post("/logout")
    client.post("/login", data={"login": "mentor", "password": "correct-horse-1"})
    assert propose(client, [("c.pdf", PDF)]).status_code == 303
    response = propose(client, [("d.pdf", PDF)])
    assert response.status_code == 400
    assert "Место для файлов методической копилки школы закончилось" in text(response)
    # the other school has its own total
    client.post("/logout")
    client.post("/login", data={"login": "other.mentee", "password": "correct-horse-1"})
    assert propose(client, [("x.pdf", PDF)]).status_code == 303


def test_adding_files_to_an_existing_practice_counts_too(make_app, school):
    app, client = _client(make_app, UPLOAD_FILES_PER_DAY=2)
    client.post("/login", data={"login": "mentee", "password": "correct-horse-1"})
    assert propose(client, [("a.pdf", PDF), ("b.pdf", PDF)]).status_code == 303
    with app.app_context():
        practice = Practice.get()
    response = client.post(f"/practices/{practice.id}/edit", content_type="multipart/form-data", data={
        "title": "Новое название", "description": "", "form": "", "authors_text": "", "tags": "",
        "files": [(BytesIO(PDF), "c.pdf")]})
    assert response.status_code == 400
    assert "За сутки можно прикрепить не больше 2 файлов" in text(response)
    with app.app_context():
        assert Practice.get().title == "Практика" and PracticeFile.select().count() == 2
