"""The coordinator's matching: start a run, watch it, review and decide; mentees without a pair."""
from __future__ import annotations

import math

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.weights import COMPONENTS, DEFAULT_WEIGHTS
from matching.catalogue import FORM_LABELS, TYPES
from webapp.access import in_my_school_or_404, staff_only
from webapp.banks.listing import subjects_of
from webapp.db import contains
from webapp.htmx import after_change, is_htmx, render
from webapp.ids import ids_or_404, parse_id
from webapp.pagination import paginate_list
from webapp.models import MatchingRun, UnpairedMentee, User
from webapp.models.pairing import PROPOSED
from webapp.pairing import decisions, learning, review, run_status, runs
from webapp.pairing import profiles_adapter as adapter
from webapp.pairing.parameters import (COMPONENT_LABELS, OBJECTIVES, SCHOOL_FORMS, TOP_K_MAX, WEIGHT_MAX,
                                       RunParameters, parse)
from webapp.pairing.wording import unmatched_reason
from webapp.users.listing import class_names

bp = Blueprint("pairing", __name__, url_prefix="/matching")


def _run(run_id: int) -> MatchingRun:
    return runs.settle_if_interrupted(in_my_school_or_404(MatchingRun, run_id))


def _mentee(mentee_id: int) -> User:
    return in_my_school_or_404(User, mentee_id)


def _form_context(params: RunParameters, errors=()):
    org = current_user.organisation
    return dict(params=params, errors=list(errors), forms={k: FORM_LABELS[k] for k in SCHOOL_FORMS}, types=TYPES,
                components=[(k, COMPONENT_LABELS[k], params.weights.get(k, DEFAULT_WEIGHTS[k])) for k in COMPONENTS],
                objectives=OBJECTIVES, top_k_max=TOP_K_MAX, class_names=class_names(org),
                subjects=subjects_of(org, "mentee"),
                in_bank={"mentor": adapter.bank_members(org, "mentor").count(),
                         "mentee": adapter.bank_members(org, "mentee").count()})


def _weight(raw) -> float | None:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return round(value, 3) if math.isfinite(value) and 0 <= value <= WEIGHT_MAX else None


@bp.route("")
@staff_only
def index():
    latest = runs.latest_run(current_user.organisation)
    params = RunParameters.from_dict(latest.parameters) if latest else RunParameters()
    for key in COMPONENTS:  # weights handed over from the learned-weights page; bad values are ignored
        value = _weight(request.args.get(f"w_{key}"))
        if value is not None:
            params.weights[key] = value
    history = (MatchingRun.select().where(MatchingRun.organisation == current_user.organisation)
               .order_by(MatchingRun.id.desc()).limit(20))
    return render_template("pairing/index.html", history=history, **_form_context(params))


@bp.route("/learned-weights")
@staff_only
def learned_weights():
    latest = runs.latest_run(current_user.organisation)
    current = RunParameters.from_dict(latest.parameters).weights if latest else dict(DEFAULT_WEIGHTS)
    try:
        result, error = learning.learn(current_user.organisation, current), ""
    except learning.NotEnoughDecisions as exc:
        result, error = None, _(learning.LEARNING_MESSAGES[exc.key], **exc.values)
    apply = {f"w_{key}": f"{value:.3f}" for key, value in result.weights.items()} if result else {}
    return render_template("pairing/learned_weights.html", result=result, error=error, labels=COMPONENT_LABELS,
                           components=COMPONENTS, apply=apply)


@bp.route("/runs", methods=["POST"])
@staff_only
def start():
    org = current_user.organisation
    params, errors = parse(request.form, class_names=class_names(org), subjects=subjects_of(org, "mentee"))
    if errors:
        history = (MatchingRun.select().where(MatchingRun.organisation == org).order_by(MatchingRun.id.desc()).limit(20))
        return render_template("pairing/index.html", history=history, **_form_context(params, errors)), 400
    run = runs.start_run(org, params, current_user, request_key=request.form.get("request_key", ""))
    return redirect(url_for("pairing.run", run_id=run.id), 303)


def _review_context(run: MatchingRun, filters=None, message="", error=""):
    filters = filters or review.ReviewFilters.from_args(request.args)
    page, found = review.review_page(run, filters) if run.status == "done" else (paginate_list([], 1, 1), {})
    return dict(run=run, params=RunParameters.from_dict(run.parameters), filters=filters, page=page,
                rows=page.items, conflicts=found, message=message, error=error, **review.explanation_context())


@bp.route("/runs/<int:run_id>")
@staff_only
def run(run_id: int):
    run = _run(run_id)
    return render("pairing/run.html", "pairing/_review.html", **_review_context(run))


@bp.route("/runs/<int:run_id>/status")
@staff_only
def status(run_id: int):
    run = _run(run_id)
    response = render("pairing/run.html", "pairing/_status.html", **_review_context(run))
    if run.finished and is_htmx():
        response.headers["HX-Refresh"] = "true"
    return response


def _mentee_context(run, mentee, message="", error=""):
    rows, found = review.mentee_suggestions(run, mentee.id)
    q = (request.values.get("q") or "").strip()[:100]
    found_mentors = []
    if q:
        found_mentors = list(adapter.bank_members(current_user.organisation, "mentor")
                             .where(contains(User.full_name, q)).limit(20))
    profiles = {s.mentor_id: review.profile_view(s.mentor, "mentor") for s in rows}
    unpaired = UnpairedMentee.get_or_none((UnpairedMentee.organisation == current_user.organisation)
                                          & (UnpairedMentee.mentee == mentee))
    return dict(run=run, mentee=mentee, rows=rows, conflicts=found, q=q, found_mentors=found_mentors,
                mentee_profile=review.profile_view(mentee, "mentee"), profiles=profiles, unpaired=unpaired,
                message=message, error=error, **review.explanation_context())


@bp.route("/runs/<int:run_id>/mentees/<int:mentee_id>")
@staff_only
def mentee(run_id: int, mentee_id: int):
    run, person = _run(run_id), _mentee(mentee_id)
    return render("pairing/mentee.html", "pairing/_mentee_review.html", **_mentee_context(run, person))


def _after(run: MatchingRun, message: str = "", error: str = "", status: int = 200):
    """After a decision: the updated fragment for htmx, a redirect for a plain form."""
    mentee_id = request.form.get("mentee_id", type=parse_id)
    if request.form.get("view", "run") == "mentee" and mentee_id:
        return after_change(lambda: render("pairing/mentee.html", "pairing/_mentee_review.html",
                                           **_mentee_context(run, _mentee(mentee_id), message, error)),
                            redirect_to=url_for("pairing.mentee", run_id=run.id, mentee_id=mentee_id),
                            message=message, error=error, event="pairs-changed")
    filters = review.ReviewFilters.from_args(request.form)
    return after_change(lambda: render("pairing/run.html", "pairing/_review.html",
                                       **_review_context(run, filters, message, error)),
                        redirect_to=url_for("pairing.run", run_id=run.id, **filters.as_args()),
                        message=message, error=error, event="pairs-changed")


def _suggestion_run(suggestion_id: int) -> MatchingRun:
    from webapp.models import Suggestion
    s = Suggestion.get_or_none(Suggestion.id == suggestion_id)
    if s is None:
        abort(404)
    return _run(s.run_id)


@bp.route("/suggestions/<int:suggestion_id>/accept", methods=["POST"])
@staff_only
def accept(suggestion_id: int):
    run = _suggestion_run(suggestion_id)
    try:
        decisions.accept(suggestion_id, current_user.organisation, current_user)
    except decisions.PairingError as exc:
        return _after(run, error=exc.message)
    return _after(run, message=_("Пара подтверждена. Наставник и наставляемый получили уведомления."))


@bp.route("/suggestions/<int:suggestion_id>/reject", methods=["POST"])
@staff_only
def reject(suggestion_id: int):
    run = _suggestion_run(suggestion_id)
    try:
        decisions.reject(suggestion_id, current_user.organisation, current_user, request.form.get("reason", ""))
    except decisions.PairingError as exc:
        return _after(run, error=exc.message)
    return _after(run, message=_("Предложение отклонено."))


@bp.route("/suggestions/<int:suggestion_id>/fix", methods=["POST"])
@staff_only
def fix(suggestion_id: int):
    run = _suggestion_run(suggestion_id)
    try:
        s = decisions.toggle_fixed(suggestion_id, current_user.organisation)
    except decisions.PairingError as exc:
        return _after(run, error=exc.message)
    return _after(run, message=_("Пара закреплена для повторного подбора.") if s.fixed else _("Закрепление снято."))


@bp.route("/runs/<int:run_id>/accept", methods=["POST"])
@staff_only
def bulk_accept(run_id: int):
    run = _run(run_id)
    ids = ids_or_404(request.form.getlist("ids"))
    if not ids:
        return _after(run, error=_("Отметьте предложения, которые нужно принять."))
    from webapp.models import Suggestion
    if Suggestion.select().where(Suggestion.id.in_(ids) & (Suggestion.run != run)).exists():
        abort(404)
    accepted, errors = decisions.bulk_accept(ids, current_user.organisation, current_user)
    message = _("Подтверждено пар: %(count)s.", count=accepted) if accepted else ""
    return _after(run, message=message, error=" ".join(errors))


@bp.route("/runs/<int:run_id>/rerun", methods=["POST"])
@staff_only
def rerun(run_id: int):
    parent = _run(run_id)
    if not parent.finished:
        flash(_("Дождитесь окончания текущего подбора."), "error")
        return redirect(url_for("pairing.run", run_id=parent.id), 303)
    new = runs.start_run(current_user.organisation, RunParameters.from_dict(parent.parameters), current_user,
                         parent=parent, request_key=request.form.get("request_key", ""))
    return redirect(url_for("pairing.run", run_id=new.id), 303)


@bp.route("/runs/<int:run_id>/retry", methods=["POST"])
@staff_only
def retry(run_id: int):
    """Run again a run whose worker died or that failed inside: the same run, its next attempt."""
    run = _run(run_id)
    if not run_status.retryable(run) or not runs.retry_run(run):
        flash(_("Этот подбор нельзя повторить: он не прерван. Измените параметры и запустите новый."), "error")
    return redirect(url_for("pairing.run", run_id=run.id), 303)


@bp.route("/runs/<int:run_id>/mentees/<int:mentee_id>/manual", methods=["POST"])
@staff_only
def manual(run_id: int, mentee_id: int):
    run, person = _run(run_id), _mentee(mentee_id)
    mentor_id = request.form.get("mentor_id", type=parse_id)
    if not mentor_id:
        return _after(run, error=_("Выберите наставника из результатов поиска."))
    mentor = in_my_school_or_404(User, mentor_id)
    try:
        decisions.manual_suggestion(run, person, mentor, current_user)
    except decisions.PairingError as exc:
        return _after(run, error=exc.message)
    return _after(run, message=_("Пара %(mentor)s — %(mentee)s подтверждена.", mentor=mentor.full_name, mentee=person.full_name))


# --- mentees without a pair ------------------------------------------------
@bp.route("/unpaired")
@staff_only
def unpaired():
    org = current_user.organisation
    paired = adapter.paired_mentee_ids(org)
    rows = [r for r in (UnpairedMentee.select(UnpairedMentee, User).join(User)
                        .where(UnpairedMentee.organisation == org).order_by(User.full_name))
            if r.mentee_id not in paired]
    mentor_names = {}
    ids = {m for r in rows for m, _ in r.best}
    if ids:
        mentor_names = {u.id: u.full_name for u in User.select(User.id, User.full_name).where(User.id.in_(list(ids)))}
    return render("pairing/unpaired.html", "pairing/_unpaired_table.html", rows=rows, mentor_names=mentor_names,
                  unmatched_reason=unmatched_reason)


@bp.route("/unpaired/<int:mentee_id>", methods=["POST"])
@staff_only
def mark_unpaired(mentee_id: int):
    org = current_user.organisation
    row = UnpairedMentee.get_or_none((UnpairedMentee.organisation == org) & (UnpairedMentee.mentee == mentee_id))
    if row is None:
        abort(404)
    field = request.form.get("field")
    if field not in ("support", "keep_searching"):
        flash(_("Не понятно, какую отметку изменить."), "error")
        return redirect(url_for("pairing.unpaired"), 303)
    value = request.form.get("value") in ("1", "on", "true")
    UnpairedMentee.update(**{field: value}).where(UnpairedMentee.id == row.id).execute()
    if is_htmx():
        return unpaired()
    flash(_("Отметка сохранена."), "success")
    return redirect(url_for("pairing.unpaired"), 303)


__all__ = ["bp", "PROPOSED"]


def _setup(state) -> None:
    from webapp.pairing.notifications import unread_count
    state.app.jinja_env.globals["unread_notifications"] = unread_count
    from webapp.pairing import run_status
    run_status.init_app(state.app)


bp.record_once(_setup)
