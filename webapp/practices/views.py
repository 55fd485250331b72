"""The methodical collection: search, propose, approve, files served to the same school only."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from webapp import confirmation
from werkzeug.exceptions import RequestEntityTooLarge

from matching.catalogue import FORM_LABELS
from webapp.access import signed_in, staff_only
from webapp.form_errors import error_text
from webapp.htmx import render
from webapp.models import Practice, PracticeFile
from webapp.pagination import paginate, parse_page
from webapp.practices import services, uploads
from webapp.practices.forms import PracticeForm, ReviewForm
from webapp.page_cache import cached_page

bp = Blueprint("practices", __name__, url_prefix="/practices")

REQUEST_LIMIT_MARGIN = 1024 * 1024


def _allow_big_request() -> None:
    """Files are checked one by one with a clear message; the whole request may hold several of them."""
    request.max_content_length = uploads.max_file_size() * uploads.MAX_FILES_PER_SUBMISSION + REQUEST_LIMIT_MARGIN


def _practice(practice_id: int) -> Practice:
    practice = Practice.get_or_none(Practice.id == practice_id)
    if practice is None or not services.can_see(practice, current_user):
        abort(404)
    return practice


def _checked_files(form) -> tuple[list, list[str]]:
    checked, errors = [], []
    chosen = [f for f in (form.files.data or []) if getattr(f, "filename", "")]
    if len(chosen) > uploads.MAX_FILES_PER_SUBMISSION:
        return [], [_("За один раз можно прикрепить не больше %(n)s файлов.", n=uploads.MAX_FILES_PER_SUBMISSION)]
    for upload in chosen:
        try:
            checked.append(uploads.check(upload.filename, upload.read(uploads.max_file_size() + 1)))
        except uploads.UploadRejected as exc:
            errors.append(str(exc))
    return checked, errors


def _data(form) -> services.PracticeData:
    return services.PracticeData(
        title=form.title.data.strip(), description=(form.description.data or "").strip(), form=form.form.data or "",
        authors_text=(form.authors_text.data or "").strip(), tags=form.tags.data or "",
        author_ids=tuple(form.author_ids.data or ()))


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    form = PracticeForm(formdata=None, organisation=current_user.organisation)
    form.form_errors.append(_("Файлы слишком большие: каждый не более %(size)s, не больше %(n)s за раз.",
                              size=uploads.size_label(uploads.max_file_size()), n=uploads.MAX_FILES_PER_SUBMISSION))
    return render_template("practices/form.html", form=form, practice=None, limits=_limits()), 413


def _limits() -> dict:
    return dict(max_size=uploads.size_label(uploads.max_file_size()), types=uploads.ALLOWED_LABEL,
                max_files=uploads.MAX_FILES_PER_SUBMISSION)


@bp.route("")
@signed_in
@cached_page
def index():
    filters = services.Filters.from_args(request.args)
    page = paginate(services.search(current_user.organisation, current_user, filters),
                    parse_page(request.args.get("page")), current_app.config["PAGE_SIZE"])
    return render("practices/index.html", "practices/_results.html", page=page, filters=filters,
                  forms=FORM_LABELS, labels=services.STATUS_LABELS,
                  pending=services.pending_count(current_user.organisation) if current_user.is_staff else 0)


@bp.route("/new", methods=["GET", "POST"])
@signed_in
def create():
    if request.method == "POST":
        _allow_big_request()
    form = PracticeForm(organisation=current_user.organisation)
    if form.validate_on_submit():
        files, errors = _checked_files(form)
        if not errors:
            try:
                practice = services.propose(current_user.organisation, _data(form), files, current_user)
            except uploads.UploadRejected as exc:
                errors.append(str(exc))
        if not errors:
            if practice.status == "approved":
                flash(_("Практика добавлена в методическую копилку."), "success")
            else:
                flash(_("Практика отправлена куратору. Её увидит вся школа после одобрения."), "success")
            return redirect(url_for("practices.show", practice_id=practice.id), 303)
        form.form_errors.extend(errors)
    status = 400 if request.method == "POST" else 200
    return render_template("practices/form.html", form=form, practice=None, limits=_limits()), status


@bp.route("/<int:practice_id>")
@signed_in
def show(practice_id: int):
    practice = _practice(practice_id)
    return render_template("practices/show.html", practice=practice, authors=services.authors_of(practice),
                           files=list(practice.files.order_by(PracticeFile.id)), forms=FORM_LABELS,
                           labels=services.STATUS_LABELS, may_edit=services.can_edit(practice, current_user),
                           limits=_limits())


@bp.route("/<int:practice_id>/edit", methods=["GET", "POST"])
@signed_in
def edit(practice_id: int):
    practice = _practice(practice_id)
    if not services.can_edit(practice, current_user):
        abort(403)
    if request.method == "POST":
        _allow_big_request()
    form = PracticeForm(obj=practice, organisation=current_user.organisation)
    if request.method == "GET":
        form.author_ids.data = [str(u.id) for u in services.authors_of(practice)]
        form.tags.data = ", ".join(practice.tag_list)
    if form.validate_on_submit():
        files, errors = _checked_files(form)
        if len(files) + practice.files.count() > 10:
            errors.append(_("К одной практике можно прикрепить не больше 10 файлов."))
        if not errors:
            try:
                services.add_files(practice, files, current_user)
            except uploads.UploadRejected as exc:
                errors.append(str(exc))
        if not errors:
            services.update(practice, _data(form))
            flash(_("Практика сохранена."), "success")
            return redirect(url_for("practices.show", practice_id=practice.id), 303)
        form.form_errors.extend(errors)
    status = 400 if request.method == "POST" else 200
    return render_template("practices/form.html", form=form, practice=practice, limits=_limits()), status


@bp.route("/<int:practice_id>/review", methods=["POST"])
@staff_only
def review(practice_id: int):
    practice = _practice(practice_id)
    form = ReviewForm()
    if not form.validate():
        flash(error_text(form), "error")
        return redirect(url_for("practices.show", practice_id=practice.id), 303)
    approved = form.decision.data == "approve"
    services.review(practice, approved, current_user)
    flash(_("Практика одобрена и видна всей школе.") if approved else _("Практика отклонена."), "success")
    return redirect(url_for("practices.show", practice_id=practice.id), 303)


@bp.route("/<int:practice_id>/delete", methods=["POST"])
@signed_in
def delete(practice_id: int):
    practice = _practice(practice_id)
    if not services.can_edit(practice, current_user):
        abort(403)
    question = confirmation.ask(_("Удалить практику «%(title)s»?", title=practice.title),
                                details=_("Практика и её файлы будут удалены без возможности восстановления."),
                                button=_("Да, удалить практику"), back=url_for("practices.show", practice_id=practice.id))
    if question is not None:
        return question
    services.delete(practice)
    flash(_("Практика удалена."), "success")
    return redirect(url_for("practices.index"), 303)


def _file(file_id: int) -> PracticeFile:
    record = PracticeFile.get_or_none(PracticeFile.id == file_id)
    if record is None or not services.can_see(record.practice, current_user):
        abort(404)
    return record


@bp.route("/files/<int:file_id>")
@signed_in
def download(file_id: int):
    record = _file(file_id)
    try:
        path = uploads.path_of(record.stored_name)
        if not path.exists():
            abort(404)
    except FileNotFoundError:
        abort(404)
    response = send_file(path, mimetype=record.content_type, as_attachment=True,
                         download_name=record.original_name, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/files/<int:file_id>/delete", methods=["POST"])
@signed_in
def delete_file(file_id: int):
    record = _file(file_id)
    practice = record.practice
    if not services.can_edit(practice, current_user):
        abort(403)
    question = confirmation.ask(_("Удалить файл «%(name)s» из практики «%(title)s»?", name=record.original_name,
                                  title=practice.title),
                                button=_("Да, удалить файл"), back=url_for("practices.show", practice_id=practice.id))
    if question is not None:
        return question
    services.delete_file(record)
    flash(_("Файл удалён."), "success")
    return redirect(url_for("practices.show", practice_id=practice.id), 303)
