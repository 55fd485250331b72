"""A large bank's XLSX export as a background task: submitted once per request, built by the
worker's code, read back as a real workbook, seen and downloaded only by the person who asked."""
from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from tests.conftest import text
from tests.factories import make_user
from webapp.banks import export_task
from webapp.models import AuditEvent, BackgroundTask
from webapp.tasks.queue import run_claimed


def _work(app) -> None:
    """What a worker does with the queued task (its process is tested in test_worker_process)."""
    with app.app_context():
        for task in BackgroundTask.select().where(BackgroundTask.status == "queued"):
            run_claimed(task.id, task.attempt)


def test_a_large_bank_is_exported_in_the_background(app, school, as_coordinator, auth, monkeypatch):
    monkeypatch.setattr(export_task, "BACKGROUND_FROM", 0)
    page = text(as_coordinator.get("/banks/mentees?everyone=1"))
    assert "Выгрузить в XLSX (в фоне)" in page
    form = {"everyone": "1", "request_key": "b" * 32}
    first = as_coordinator.post("/banks/mentees/export-task", data=form)
    assert as_coordinator.post("/banks/mentees/export-task", data=form).location == first.location  # sent twice
    task_url = first.location
    assert "В очереди" in text(as_coordinator.get(task_url))
    _work(app)
    with app.app_context():
        task = BackgroundTask.get()
        assert (task.kind, task.status, task.progress) == ("bank_export", "done", 100)
        assert AuditEvent.select().where(AuditEvent.action == "bank_exported").count() == 1
    status = as_coordinator.get(task_url, headers={"HX-Request": "true"})
    assert status.headers.get("HX-Refresh") == "true"
    assert "Скачать файл" in text(as_coordinator.get(task_url))
    download = as_coordinator.get(task_url + "/file")
    assert download.status_code == 200 and download.headers["Cache-Control"] == "private, no-store"
    sheet = load_workbook(BytesIO(download.data)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Учеников Пётр Иванович" in names
    refused = as_coordinator.post(task_url + "/retry", follow_redirects=True)
    assert "нельзя повторить" in text(refused)  # done: nothing to retry

    make_user(school["org"], "kurator2", ["coordinator"], full_name="Второва Вера Петровна")
    auth.logout()
    auth.login("kurator2")  # the same school, not the person who asked: personal data stays theirs
    assert auth.client.get(task_url).status_code == 404
    assert auth.client.get(task_url + "/file").status_code == 404
    auth.logout()
    auth.login("other.kurator")
    assert auth.client.get(task_url).status_code == 404
    assert auth.client.get("/tasks/999999").status_code == 404


def test_a_mentee_cannot_start_an_export(school, auth):
    auth.login("mentee")
    assert auth.client.post("/banks/mentees/export-task", data={"everyone": "1"}).status_code == 403


def test_a_regional_report_without_its_builder_fails_clearly(app, school):
    from webapp.tasks import lifecycle
    with app.app_context():
        task, _ = lifecycle.submit("regional_report", organisation=None, params={"year": 2025})
    _work(app)
    with app.app_context():
        from webapp.tasks.wording import error_code
        task = BackgroundTask.get_by_id(task.id)
        assert task.status == "failed" and error_code(task.error) == "not_available"
