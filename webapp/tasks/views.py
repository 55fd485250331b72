"""A background task's page (progress polled by htmx, from any server), its file, and its retry.
Only the person who started a task sees it: its file carries personal data."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import regional_ok, signed_in
from webapp.htmx import is_htmx, render
from webapp.downloads import MIMETYPES
from webapp.models import BackgroundTask
from webapp.tasks import files, lifecycle, wording

bp = Blueprint("tasks", __name__, url_prefix="/tasks")


def _mine_or_404(task_id: int) -> BackgroundTask:
    task = BackgroundTask.get_or_none(BackgroundTask.id == task_id)
    if task is None or task.author_id != current_user.id or task.organisation_id != current_user.organisation_id:
        abort(404)
    if not task.finished:
        lifecycle.reap()  # any server notices a worker that died under it
        task = BackgroundTask.get_by_id(task.id)
    return task


@bp.route("/<int:task_id>")
@signed_in
@regional_ok  # one's own task: the regional report's page too
def show(task_id: int):
    task = _mine_or_404(task_id)
    response = render("tasks/task.html", "tasks/_status.html", task=task, has_file=bool(files.result_file(task)))
    if task.finished and is_htmx():
        response.headers["HX-Refresh"] = "true"
    return response


@bp.route("/<int:task_id>/file")
@signed_in
@regional_ok  # one's own task: the regional report's page too
def download(task_id: int):
    task = _mine_or_404(task_id)
    found = files.result_file(task) if task.status == "done" else None
    if found is None:
        abort(404)
    path, name = found
    response = send_file(path, mimetype=MIMETYPES.get(path.suffix, "application/octet-stream"), as_attachment=True,
                         download_name=name, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/<int:task_id>/retry", methods=["POST"])
@signed_in
@regional_ok  # one's own task: the regional report's page too
def retry(task_id: int):
    task = _mine_or_404(task_id)
    if not wording.retryable(task) or not lifecycle.retry(task):
        flash(_("Эту задачу нельзя повторить: она не прервана."), "error")
    return redirect(url_for("tasks.show", task_id=task.id), 303)


def init_app(state) -> None:
    state.app.jinja_env.globals.update(task_step_text=wording.step_text, task_error_text=wording.error_text,
                                       task_retryable=wording.retryable, TASK_KIND_LABELS=wording.TASK_KIND_LABELS)


bp.record_once(init_app)
