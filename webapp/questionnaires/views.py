"""Filling in questionnaires: the participant's list, the form with autosave, submit, reopen.

The coordinator's editor and assigning pages are in ``editor_views`` and ``assign_views`` (same
blueprint).
"""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.consents.services import answers_hidden
from webapp.access import in_my_school_or_404, roles, signed_in, staff_only
from webapp.htmx import is_htmx
from webapp.models import Questionnaire, Response
from webapp.questionnaires import assigning, responses, validation
from webapp.questionnaires.assigning import STATUS_LABELS, is_default_for, questionnaires_for
from webapp.questionnaires.display import answer_text, by_section

bp = Blueprint("questionnaires", __name__, url_prefix="/questionnaires")
bp.add_app_template_filter(answer_text, "answer_text")


@bp.app_context_processor
def _labels():
    return {"RESPONSE_STATUS_LABELS": STATUS_LABELS}


def _own_response(response_id: int) -> Response:
    """The signed-in person's response; anyone else's (or a forged id) does not exist."""
    response = Response.get_or_none(Response.id == response_id)
    if response is None or response.user_id != current_user.id:
        abort(404)
    return response


def _form_context(response, shown=None, errors=None):
    questions = responses.visible_questions(response.version, response.user, response.group_id)
    stored = responses.stored_answers(response)
    shown = shown or {}
    values = {q.id: shown[q.id] if q.id in shown else validation.shown_from_value(q, stored.get(q.id))
              for q in questions}
    return dict(response=response, questionnaire=response.version.questionnaire, sections=by_section(questions),
                values=values, stored=stored, errors=errors or {},
                locked=response.is_locked or response.user_id != current_user.id)


@bp.route("/mine")
@roles("mentor", "mentee")
def mine():
    return render_template("questionnaires/mine.html", items=questionnaires_for(current_user))


@bp.route("/<int:questionnaire_id>/start", methods=["POST"])
@roles("mentor", "mentee")
def start(questionnaire_id: int):
    questionnaire = Questionnaire.get_or_none((Questionnaire.id == questionnaire_id)
                                              & (Questionnaire.organisation == current_user.organisation_id))
    if questionnaire is None:
        abort(404)
    assigned = [d for d in questionnaires_for(current_user) if d.questionnaire.id == questionnaire.id]
    if not assigned and not is_default_for(questionnaire, current_user):
        abort(404)
    try:
        response = responses.start(current_user, questionnaire)
    except responses.NotPublished:
        abort(404)
    return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)


@bp.route("/responses/<int:response_id>")
@signed_in
def show_response(response_id: int):
    response = in_my_school_or_404(Response, response_id)
    if response.user_id != current_user.id and not current_user.is_staff:
        abort(404)
    if response.user_id != current_user.id and answers_hidden(response.user):
        return render_template("questionnaires/response_hidden.html", response=response,
                               questionnaire=response.version.questionnaire)
    return render_template("questionnaires/response.html", **_form_context(response))


@bp.route("/responses/<int:response_id>", methods=["POST"])
@roles("mentor", "mentee")
def save(response_id: int):
    """The plain form: Save (same as autosave) or Submit (validates everything, then locks)."""
    response = _own_response(response_id)
    if response.is_locked:
        flash(_("Анкета уже отправлена и закрыта для изменений. Если нужно что-то исправить, обратитесь к куратору."), "error")
        return render_template("questionnaires/response.html", **_form_context(response)), 409
    results = responses.save_form(response, request.form)
    shown = {qid: c.shown for qid, c in results.items() if c.error}
    errors = {qid: c.error for qid, c in results.items() if c.error}
    if not errors and request.form.get("action") == "submit":
        missing = responses.submit(response)
        if not missing:
            following = assigning.follow_up(current_user, response.version.questionnaire)
            if following is not None:  # the influence «before» right after the request
                flash(_("Анкета отправлена. Ответьте, пожалуйста, ещё на несколько вопросов о том, как обстоят "
                        "дела сейчас: в конце года их зададут снова."), "success")
                started = responses.start(current_user, following)
                return redirect(url_for("questionnaires.show_response", response_id=started.id), 303)
            flash(_("Анкета отправлена. Спасибо!"), "success")
            return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)
        errors = {q.id: validation.required_message() for q in missing}
    if errors:
        if request.form.get("action") == "submit":
            flash(_("Анкета не отправлена: исправьте отмеченные вопросы. Остальные ответы сохранены."), "error")
        else:
            flash(_("Часть ответов не сохранена: исправьте отмеченные вопросы. Остальные ответы сохранены."), "error")
        return render_template("questionnaires/response.html", **_form_context(response, shown, errors)), 400
    flash(_("Черновик сохранён."), "success")
    return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)


@bp.route("/responses/<int:response_id>/answers/<int:question_id>", methods=["POST"])
@roles("mentor", "mentee")
def autosave(response_id: int, question_id: int):
    """Save one answer (htmx on change); the field comes back with its message or «Сохранено»."""
    response = _own_response(response_id)
    question = responses.question_of(response, question_id)
    if question is None:
        abort(404)
    context = dict(response=response, question=question, locked=False, saved_at=None, error=None)
    try:
        checked = responses.save_answer(response, question, validation.raw_from_form(question, request.form))
    except responses.ResponseLocked:
        stored = responses.stored_answers(response).get(question.id)
        context.update(locked=True, value=validation.shown_from_value(question, stored), stored_value=stored,
                       error=_("Анкета уже отправлена и закрыта для изменений. Ответ не сохранён."))
        if is_htmx():
            return render_template("questionnaires/_question.html", **context)
        return render_template("questionnaires/response.html", **_form_context(response)), 409
    if not is_htmx():
        if checked.error:
            return render_template("questionnaires/response.html",
                                   **_form_context(response, {question.id: checked.shown}, {question.id: checked.error})), 400
        return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)
    context.update(value=checked.shown, error=checked.error,
                   saved_at=None if checked.error else dt.datetime.now().strftime("%H:%M"))
    return render_template("questionnaires/_question.html", **context)


@bp.route("/responses/<int:response_id>/reopen", methods=["POST"])
@staff_only
def reopen(response_id: int):
    response = in_my_school_or_404(Response, response_id)
    if response.is_locked:
        responses.reopen(response, current_user)
        flash(_("Анкета открыта для изменений: %(name)s может исправить ответы.", name=response.user.full_name), "success")
    return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)


from webapp.questionnaires import assign_views, editor_views  # noqa: E402,F401  (routes on the same blueprint)
