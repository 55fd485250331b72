"""Filling in questionnaires: the participant's list, the form with autosave, submit, reopen.

The coordinator's editor and assigning pages are in ``editor_views`` and ``assign_views`` (same
blueprint).
"""
from __future__ import annotations

import datetime as dt

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.consents.services import answers_hidden
from webapp.shipped_text import shipped
from webapp.access import in_my_school_or_404, roles, signed_in, staff_only
from webapp.htmx import is_htmx
from webapp.plurals import plural
from webapp.models import Questionnaire, Response
from webapp.questionnaires import assigning, responses, validation
from webapp.questionnaires.answers_form import AnswersForm
from webapp.questionnaires.blueprint import bp
from webapp.questionnaires.assigning import STATUS_LABELS, is_default_for, questionnaires_for
from webapp.questionnaires.display import answer_text, by_section
from webapp.pairing import text_vectors

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


def _form_context(response):
    """The form as stored, with the typed values a refused save kept in the draft shown again."""
    questions = responses.visible_questions(response.version, response.user, response.group_id)
    stored = responses.stored_answers(response)
    kept = {} if response.is_locked else responses.pending(response)
    values = {q.id: kept[q.id]["shown"] if kept.get(q.id, {}).get("shown") is not None
              else validation.shown_from_value(q, stored.get(q.id)) for q in questions}
    errors = {q.id: kept[q.id]["error"] for q in questions if kept.get(q.id, {}).get("error")}
    return dict(response=response, questionnaire=response.version.questionnaire, sections=by_section(questions),
                values=values, stored=stored, errors=errors, versions=responses.answer_versions(response),
                summary=[(f"question-{q.id}", shipped(q.text), errors[q.id]) for q in questions if q.id in errors],
                locked=response.is_locked or response.user_id != current_user.id)


def _back_to(response, errors: bool = False):
    """Post/redirect/get: back to the form (to its error summary when something was refused)."""
    return redirect(url_for("questionnaires.show_response", response_id=response.id,
                            _anchor="error-summary" if errors else None), 303)


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


def _locked_message() -> str:
    return _("Анкета уже отправлена и закрыта для изменений. Если нужно что-то исправить, обратитесь к куратору.")


@bp.route("/responses/<int:response_id>", methods=["POST"])
@roles("mentor", "mentee")
def save(response_id: int):
    """The plain form: Save (same as autosave) or Submit (validates everything, then locks). Always
    answered with a redirect (post/redirect/get): refused values and their messages wait in the draft,
    so a reload never posts the old form again; a resubmitted stale form cannot overwrite newer answers."""
    response = _own_response(response_id)
    if response.is_locked:
        flash(_locked_message(), "error")
        return _back_to(response)
    form = AnswersForm()
    results = responses.save_form(response, form.answers(response.version.questions))
    refused = {qid: {"shown": r.shown, "error": r.error} for qid, r in results.items() if r.error}
    saved = sum(1 for r in results.values() if r.error is None and r.checked.value is not None)
    submitting = form.submitting
    if not refused and submitting:
        missing = responses.submit(response)
        if not missing:
            text_vectors.queue_for(response)
            following = assigning.follow_up(current_user, response.version.questionnaire)
            if following is not None:  # the influence «before» right after the request
                flash(_("Анкета отправлена. Ответьте, пожалуйста, ещё на несколько вопросов о том, как обстоят "
                        "дела сейчас: в конце года их зададут снова."), "success")
                started = responses.start(current_user, following)
                return redirect(url_for("questionnaires.show_response", response_id=started.id), 303)
            flash(_("Анкета отправлена. Спасибо!"), "success")
            return _back_to(response)
        refused = {q.id: {"shown": None, "error": validation.required_message(q)} for q in missing}
    if refused:
        responses.keep_pending(response, refused)
        flash(_refused_banner(submitting, len(refused), saved), "error")
        return _back_to(response, errors=True)
    flash(_("Черновик сохранён."), "success")
    return _back_to(response)


def _refused_banner(submitting: bool, refused: int, saved: int) -> str:
    """The banner after a refused save: what happened, and «the rest is saved» only when something was."""
    if submitting:
        first = plural(refused, "Анкета не отправлена: %(num)d вопрос без ответа или с ошибкой, он отмечен ниже.",
                       "Анкета не отправлена: %(num)d вопроса без ответа или с ошибкой, они отмечены ниже.",
                       "Анкета не отправлена: %(num)d вопросов без ответа или с ошибкой, они отмечены ниже.")
    else:
        first = plural(refused, "Не сохранён %(num)d ответ: он отмечен ниже.",
                       "Не сохранены %(num)d ответа: они отмечены ниже.",
                       "Не сохранены %(num)d ответов: они отмечены ниже.")
    if not saved:
        return first
    return first + " " + _("Остальные ответы сохранены.")


@bp.route("/responses/<int:response_id>/answers/<int:question_id>", methods=["POST"])
@roles("mentor", "mentee")
def autosave(response_id: int, question_id: int):
    """Save one answer (autosave sends only that answer). For htmx/JS the answer's status line comes
    back (never the field being edited): saved with its new version, its message, or a refusal when
    the page showed an older version than the one stored (``v<id>``) and the write would change it."""
    response = _own_response(response_id)
    question = responses.question_of(response, question_id)
    if question is None:
        abort(404)
    raw, base = AnswersForm().answer(question)
    try:
        saved = responses.save_answer(response, question, raw, base)
    except responses.ResponseLocked:
        if is_htmx():
            return render_template("questionnaires/_answer_status.html", question=question, version=None,
                                   error=_("Анкета уже отправлена и закрыта для изменений. Ответ не сохранён."),
                                   saved_at=None), 409
        flash(_locked_message(), "error")
        return _back_to(response)
    if not is_htmx():
        if saved.error:
            responses.keep_pending(response, {question.id: {"shown": saved.shown, "error": saved.error}})
            flash(saved.error, "error")
            return _back_to(response, errors=True)
        return _back_to(response)
    status = 409 if saved.stale else 200
    return render_template("questionnaires/_answer_status.html", question=question, version=saved.version,
                           error=saved.error,
                           saved_at=None if saved.error else dt.datetime.now().strftime("%H:%M:%S")), status


@bp.route("/responses/<int:response_id>/reopen", methods=["POST"])
@staff_only
def reopen(response_id: int):
    response = in_my_school_or_404(Response, response_id)
    if response.is_locked:
        responses.reopen(response, current_user)
        flash(_("Анкета открыта для изменений: %(name)s может исправить ответы.", name=response.user.full_name), "success")
    return redirect(url_for("questionnaires.show_response", response_id=response.id), 303)

