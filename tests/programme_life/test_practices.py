"""The methodical collection: proposing with files, limits, approval, search, downloads."""
from __future__ import annotations

import io
import zipfile
from io import BytesIO

from docx import Document

from tests.conftest import text
from webapp.models import Practice, PracticeFile
from webapp.practices import uploads


def docx_bytes() -> bytes:
    doc = Document()
    doc.add_paragraph("Практика")
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def propose(client, title="Разбор урока", files=(), **extra):
    data = {"title": title, "description": "Описание практики", "form": "teacher_teacher",
            "authors_text": "Иванова И. И.", "tags": "Адаптация, посещение уроков", **extra}
    if files:
        data["files"] = [(BytesIO(content), name) for name, content in files]
    return client.post("/practices/new", data=data, content_type="multipart/form-data")


def folder(app):
    with app.app_context():
        return uploads.folder()


def test_participant_proposes_coordinator_approves_school_sees(app, client, auth, school):
    auth.login("mentor")
    response = propose(client, files=[("план.pdf", PDF), ("отчёт.docx", docx_bytes())])
    assert response.status_code == 303
    practice = Practice.get(Practice.title == "Разбор урока")
    assert practice.status == "proposed" and practice.tags == "адаптация,посещение уроков"
    assert practice.files.count() == 2
    stored = [f.stored_name for f in practice.files]
    assert all("план" not in s and len(s) > 30 for s in stored)
    assert all((folder(app) / s).exists() for s in stored)
    assert "Разбор урока" in text(client.get("/practices"))  # the author sees their proposal
    auth.logout()
    auth.login("mentee")
    assert "Разбор урока" not in text(client.get("/practices"))
    assert client.get(f"/practices/{practice.id}").status_code == 404
    file_id = practice.files.first().id
    assert client.get(f"/practices/files/{file_id}").status_code == 404
    assert client.post(f"/practices/{practice.id}/review", data={"decision": "approve"}).status_code == 403
    auth.logout()
    auth.login("kurator")
    assert "Ждут одобрения: 1" in text(client.get("/practices"))
    for bad in ("", "одобрить", "approve" * 1000):
        response = client.post(f"/practices/{practice.id}/review", data={"decision": bad}, follow_redirects=True)
        assert response.status_code == 200 and "Выберите: одобрить или отклонить." in text(response)
    assert "Ждут одобрения: 1" in text(client.get("/practices"))
    assert client.post(f"/practices/{practice.id}/review", data={"decision": "approve"}).status_code == 303
    auth.logout()
    auth.login("mentee")
    assert "Разбор урока" in text(client.get("/practices"))
    response = client.get(f"/practices/files/{file_id}")
    assert response.status_code == 200 and response.data == PDF
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "filename*=UTF-8''%D0%BF%D0%BB%D0%B0%D0%BD.pdf" in response.headers["Content-Disposition"]
    assert response.mimetype == "application/pdf"


def test_other_school_cannot_see_or_download(client, auth, school):
    auth.login("kurator")
    propose(client, files=[("план.pdf", PDF)])
    practice = Practice.get()
    file_id = practice.files.first().id
    auth.logout()
    auth.login("other.kurator")
    assert client.get(f"/practices/{practice.id}").status_code == 404
    assert client.get(f"/practices/files/{file_id}").status_code == 404
    assert client.post(f"/practices/{practice.id}/review", data={"decision": "reject"}).status_code == 404
    assert "Разбор урока" not in text(client.get("/practices"))
    auth.logout()
    assert client.get(f"/practices/files/{file_id}").status_code == 302  # anonymous: to the log-in page


def test_coordinator_entries_are_approved_at_once(as_coordinator, school):
    assert propose(as_coordinator).status_code == 303
    assert Practice.get().status == "approved"


def test_upload_over_the_limit_is_refused_and_keeps_the_text(make_app, tmp_path, school):
    app = make_app(PRACTICE_MAX_FILE_SIZE=1024)
    client = app.test_client()
    client.post("/login", data={"login": "mentor", "password": "correct-horse-1"})
    response = propose(client, title="Большой файл", files=[("big.pdf", PDF + b"0" * 2000)])
    assert response.status_code == 400
    body = text(response)
    assert "Файл «big.pdf» слишком большой. Допустимый размер — не более 1 КБ." in body
    assert 'value="Большой файл"' in body and "Описание практики" in body
    with app.app_context():
        assert Practice.select().count() == 0 and PracticeFile.select().count() == 0


def test_request_over_the_whole_limit_gets_a_russian_page(make_app, school):
    app = make_app(PRACTICE_MAX_FILE_SIZE=1024)
    client = app.test_client()
    client.post("/login", data={"login": "mentor", "password": "correct-horse-1"})
    response = propose(client, files=[("a.pdf", PDF + b"0" * (2 * 1024 * 1024))])
    assert response.status_code == 413
    assert "Файлы слишком большие" in text(response)


def test_forbidden_type_and_mismatched_content(client, auth, school):
    auth.login("mentor")
    cases = [("virus.exe", b"MZ\x90\x00"), ("page.html", b"<html><script>alert(1)</script>"),
             ("fake.pdf", b"MZ\x90\x00 not a pdf"), ("fake.docx", PDF), ("photo.png", b"GIF89a"),
             ("zip.xlsx", _zip({"a.txt": "x"}))]
    for name, content in cases:
        response = propose(client, title=f"Практика {name}", files=[(name, content)])
        assert response.status_code == 400, name
        body = text(response)
        assert ("тип файлов не принимается" in body) or ("не соответствует расширению" in body), name
    assert Practice.select().count() == 0


def _zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_allowed_types_are_recognised():
    assert uploads.content_matches("png", PNG)
    assert uploads.content_matches("jpg", b"\xff\xd8\xff\xe0rest")
    assert uploads.content_matches("docx", docx_bytes())
    assert uploads.content_matches("odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text"}))
    assert not uploads.content_matches("xlsx", docx_bytes())
    assert uploads.clean_name("../../etc/passwd") == "passwd"


def test_bad_text_input(client, auth, school):
    auth.login("mentor")
    assert "Укажите название практики." in text(propose(client, title=""))
    assert "Название не длиннее 200 символов." in text(propose(client, title="x" * 201))
    response = propose(client, form="teacher_student")
    assert response.status_code == 400
    foreign = school["other_kurator"].id
    response = propose(client, author_ids=[str(foreign)])
    assert response.status_code == 400 and "Выберите авторов из списка" in text(response)
    response = propose(client, author_ids=["abc"])
    assert response.status_code == 400
    assert Practice.select().count() == 0


def test_html_is_shown_as_text(client, auth, school):
    auth.login("kurator")
    propose(client, title="<b>Жирно</b>", description="<script>alert('x')</script>", tags="<i>тег</i>",
            author_ids=[str(school["mentor"].id)])
    practice = Practice.get()
    body = text(client.get(f"/practices/{practice.id}"))
    assert "&lt;b&gt;Жирно&lt;/b&gt;" in body and "<script>alert" not in body
    assert "Наставникова Анна Сергеевна" in body


def test_search_htmx_and_plain(client, auth, school):
    auth.login("kurator")
    propose(client, title="Клуб олимпиадников", form="student_student", tags="олимпиады")
    propose(client, title="Разбор урока", tags="адаптация", author_ids=[str(school["mentor"].id)])
    plain = text(client.get("/practices?q=ОЛИМП"))
    assert "Клуб олимпиадников" in plain and "Разбор урока" not in plain and "<html" in plain
    fragment = client.get("/practices?q=адаптац", headers={"HX-Request": "true"})
    body = text(fragment)
    assert "Разбор урока" in body and "Клуб олимпиадников" not in body and "<html" not in body
    assert "HX-Request" in fragment.headers["Vary"]
    assert "Разбор урока" in text(client.get("/practices?q=Наставникова"))  # by author
    body = text(client.get("/practices?form=student_student"))
    assert "Клуб олимпиадников" in body and "Разбор урока" not in body
    assert "Клуб олимпиадников" in text(client.get("/practices?tag=олимпиады"))
    assert client.get("/practices?form=<bad>&q=" + "x" * 500).status_code == 200


def test_edit_and_delete_rights(app, client, auth, school):
    auth.login("mentor")
    propose(client, files=[("план.pdf", PDF)])
    practice = Practice.get()
    stored = practice.files.first().stored_name
    auth.logout()
    auth.login("both")
    assert client.post(f"/practices/{practice.id}/delete").status_code == 404  # not visible: still proposed
    auth.logout()
    auth.login("mentor")
    assert client.post(f"/practices/{practice.id}/edit", data={"title": "Новое", "form": ""},
                       content_type="multipart/form-data").status_code == 303
    assert Practice.get_by_id(practice.id).title == "Новое"
    assert client.post(f"/practices/{practice.id}/delete", data={"confirmed": "1"}).status_code == 303
    assert not (folder(app) / stored).exists()
