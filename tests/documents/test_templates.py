"""A school's own Word templates: download, upload with the field check, preview, use, restore;
bad files are refused with a clear message and nothing stored changes."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from tests.conftest import text
from tests.documents.helpers import make_pair, paragraphs, read
from webapp.documents.registry import KINDS, builtin_bytes
from webapp.documents.templates import check, render_bytes
from webapp.models import DocumentTemplate, PairingOrder


def edited(code: str, *extra: str, replace: tuple[str, str] | None = None) -> bytes:
    document = read(builtin_bytes(code))
    if replace:
        for paragraph in document.paragraphs:
            if paragraph.text == replace[0]:
                paragraph.runs[0].text = replace[1]
    for line in extra:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def admin(school, auth):
    auth.login("admin")
    return auth.client


def upload(client, code, data, action="save", name="shablon.docx"):
    return client.post(f"/documents/templates/{code}", data={"action": action, "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


@pytest.mark.parametrize("code", list(KINDS))
def test_every_builtin_template_uses_only_offered_fields_and_renders_its_sample(code):
    result = check(code, builtin_bytes(code))
    assert result.ok and result.missing == []
    body = paragraphs(render_bytes(builtin_bytes(code), KINDS[code].SAMPLE))
    assert "{{" not in body and "{%" not in body


def test_the_administrator_replaces_the_order_template_and_the_order_uses_it(admin, school, auth):
    data = edited("pairing_order", "Исполнитель: {{ curator.initials }}",
                  replace=("ПРИКАЗ", "ПРИКАЗ ПО ШКОЛЕ"))
    response = upload(admin, "pairing_order", data)
    assert response.status_code == 303
    assert DocumentTemplate.get().code == "pairing_order"
    assert "Используется шаблон школы" in text(admin.get("/documents"))
    make_pair(school["org"], school["mentor"], school["both"])
    auth.logout()
    auth.login("kurator")
    response = auth.client.post("/pairs/order", data={"signed_on": "2026-10-01", "number": ""})
    body = paragraphs(response.data)
    assert "ПРИКАЗ ПО ШКОЛЕ" in body and "Исполнитель: И.П. Кураторова" in body
    # restore the default: the next download is the built-in layout again
    auth.logout()
    auth.login("admin")
    assert auth.client.post("/documents/templates/pairing_order/restore").status_code == 303
    assert DocumentTemplate.select().count() == 0
    order = PairingOrder.get()
    body = paragraphs(auth.client.get(f"/pairs/orders/{order.id}.docx").data)
    assert "ПРИКАЗ ПО ШКОЛЕ" not in body and "\nПРИКАЗ\n" in body


def test_unknown_fields_are_refused_with_their_list_and_nothing_changes(admin):
    good = edited("pairing_order", "Бланк школы")
    assert upload(admin, "pairing_order", good).status_code == 303
    bad = edited("pairing_order", "{{ order.numbr }} {{ secret }}", "{% for r in rows %}{{ r.mentor_phone }}{% endfor %}")
    response = upload(admin, "pairing_order", bad)
    page = text(response)
    assert response.status_code == 400 and "Шаблон не принят" in page
    for name in ("order.numbr", "secret", "rows[].mentor_phone"):
        assert f"<code>{name}</code>" in page
    assert b"\xd0\x91\xd0\xbb\xd0\xb0\xd0\xbd\xd0\xba" in DocumentTemplate.get().content or \
        "Бланк школы" in paragraphs(bytes(DocumentTemplate.get().content))


def test_missing_fields_are_named_but_accepted(admin):
    document = read(builtin_bytes("programme"))
    for paragraph in document.paragraphs:
        if "{{ curator.name }}" in paragraph.text:
            for run in paragraph.runs:
                run.text = run.text.replace("{{ curator.name }}", "")
    out = io.BytesIO()
    document.save(out)
    response = upload(admin, "programme", out.getvalue())
    assert response.status_code == 303
    assert "В нём нет полей встроенного шаблона: curator.name" in text(admin.get("/documents"))


def test_preview_fills_the_uploaded_template_with_sample_data_without_saving(admin):
    response = upload(admin, "pairing_order", edited("pairing_order", "Мой бланк"), action="preview")
    assert response.status_code == 200 and response.mimetype.endswith("wordprocessingml.document")
    body = paragraphs(response.data)
    assert "Мой бланк" in body and "Л.Н. Кравцова" in body
    assert DocumentTemplate.select().count() == 0
    sample = admin.get("/documents/templates/consents/preview.docx")
    assert "Волковой Натальи Юрьевны" in paragraphs(sample.data)


def _zip(entries: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("data,name,message", [
    (b"", "a.docx", "Файл пустой"),
    (b"plain text", "a.txt", "расширением .docx"),
    (b"plain text", "a.docx", "Это не файл Word"),
    (_zip({"hello.txt": "x"}), "a.docx", "Это не файл Word"),
    (_zip({"[Content_Types].xml": "x", "word/document.xml": "0" * (41 * 1024 * 1024)}), "a.docx",
     "слишком большой объём"),
    (_zip({"[Content_Types].xml": "x", "word/document.xml": "x", "../evil": "x"}), "a.docx", "недопустимые пути"),
    (_zip({"[Content_Types].xml": "x", "word/document.xml": "<not xml"}), "a.docx", "не читается как документ Word"),
    (b"PK" + b"\0" * (4 * 1024 * 1024 + 100), "a.docx", "больше 4 МБ"),
])
def test_bad_files_are_refused_with_a_clear_message(admin, data, name, message):
    response = upload(admin, "pairing_order", data, name=name)
    assert response.status_code == 400 and message in text(response)
    assert DocumentTemplate.select().count() == 0


def test_a_request_over_the_apps_limit_gets_a_clear_413(admin):
    response = upload(admin, "pairing_order", b"PK" + b"\0" * (6 * 1024 * 1024))
    assert response.status_code == 413 and "Файл слишком большой" in text(response)


def test_a_template_cannot_reach_python_through_jinja(admin):
    bad = edited("pairing_order", "{{ org.__class__.__mro__ }}")
    response = upload(admin, "pairing_order", bad)
    assert response.status_code == 400 and "org.__class__.__mro__" in text(response)


def test_only_the_administrator_manages_templates_and_requisites(school, auth):
    auth.login("kurator")
    client = auth.client
    assert client.get("/documents").status_code == 200
    for url in ("/documents/templates/pairing_order.docx", "/documents/requisites",
                "/documents/templates/pairing_order/preview.docx"):
        assert client.get(url).status_code == 403
    assert upload(client, "pairing_order", builtin_bytes("pairing_order")).status_code == 403
    assert client.post("/documents/templates/pairing_order/restore").status_code == 403


def test_unknown_template_codes_are_404(admin):
    assert admin.get("/documents/templates/nope.docx").status_code == 404
    assert upload(admin, "nope", builtin_bytes("pairing_order")).status_code == 404


def test_templates_download_as_word_files(admin):
    response = admin.get("/documents/templates/pairing_order.docx")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "private, no-store"
    assert "{{ order.number }}" in paragraphs(response.data)
    assert admin.get("/documents/templates/programme/default.docx").status_code == 200


def test_another_schools_template_is_not_used(admin, school):
    DocumentTemplate.create(organisation=school["other_org"], code="pairing_order",
                            content=edited("pairing_order", "Чужой бланк"), filename="x.docx")
    make_pair(school["org"], school["mentor"], school["both"], started_on=dt.date(2026, 9, 20))
    body = paragraphs(admin.post("/pairs/order", data={"signed_on": "2026-10-01"}).data)
    assert "Чужой бланк" not in body and "О закреплении наставнических пар (групп)" in body


def test_uploads_without_the_csrf_token_change_nothing(make_app):
    from tests.factories import make_school
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        make_school()
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    from tests.factories import PASSWORD
    client.post("/login", data={"login": "admin", "password": PASSWORD, "csrf_token": token})
    response = upload(client, "pairing_order", edited("pairing_order", "Бланк"))
    assert response.status_code == 400 and "Форма устарела" in response.get_data(as_text=True)
    assert client.post("/documents/templates/pairing_order/restore").status_code == 400
    response = client.post("/documents/requisites", data={"name": "X"})
    assert response.status_code == 400
    with app.app_context():
        assert DocumentTemplate.select().count() == 0
