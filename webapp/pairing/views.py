"""The coordinator's matching: start a run, watch it, review and decide; mentees without a pair."""
from __future__ import annotations

import math

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.weights import COMPONENTS, DEFAULT_WEIGHTS
from webapp.access import in_my_school_or_404, staff_only
from webapp.banks.listing import subjects_of
from webapp.db import contains
from webapp.htmx import after_change, is_htmx, render
from webapp.pagination import paginate_list
from webapp.models import MatchingRun, UnpairedMentee, User
from webapp.models.pairing import PROPOSED
from webapp.pairing import approvals, cards, decisions, learning, review, run_status, runs
from webapp.pairing import profiles_adapter as adapter
from webapp.pairing.forms import ApproveAllForm, DecisionForm, ManualPairForm, RunForm, UnpairedMarkForm
from webapp.plurals import plural
from webapp.pairing.parameters import COMPONENT_LABELS, WEIGHT_MAX, RunParameters
from webapp.pairing.presets import CUSTOM, PRESET_CODES, PRESET_HINT_LABELS, PRESET_LABELS, PRESETS, weights_of
from webapp.pairing.wording import unmatched_reason
from webapp.tasks.forms import TaskRequestForm
from webapp.users.listing import class_names

bp = Blueprint("pairing", __name__, url_prefix="/matching")


def _run(run_id: int) -> MatchingRun:
    return runs.settle_if_interrupted(in_my_school_or_404(MatchingRun, run_id))


def _mentee(mentee_id: int) -> User:
    return in_my_school_or_404(User, mentee_id)


def _run_form(**kwargs) -> RunForm:
    org = current_user.organisation
    return RunForm(class_names=class_names(org), subjects=subjects_of(org, "mentee"), **kwargs)


def _index_page(form: RunForm, status: int = 200):
    org = current_user.organisation
    history = (MatchingRun.select().where(MatchingRun.organisation == org).order_by(MatchingRun.id.desc()).limit(20))
    return render_template("pairing/index.html", form=form, history=history,
                           presets=[(code, code in PRESETS and weights_of(code)) for code in PRESET_CODES],
                           PRESET_LABELS=PRESET_LABELS, PRESET_HINT_LABELS=PRESET_HINT_LABELS,
                           in_bank={"mentor": adapter.bank_members(org, "mentor").count(),
                                    "mentee": adapter.bank_members(org, "mentee").count()}), status


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
            params.preset = CUSTOM
    form = _run_form(formdata=None)
    form.fill(params)
    return _index_page(form)


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
    form = _run_form()
    if not form.validate():
        return _index_page(form, 400)
    run = runs.start_run(current_user.organisation, form.parameters(), current_user,
                          request_key=form.request_key.data)
    return redirect(url_for("pairing.run", run_id=run.id), 303)


def _review_context(run: MatchingRun, filters=None, message="", error=""):
    filters = filters or cards.CardFilters.from_args(request.args)
    page, found = cards.review_cards(run, filters) if run.status == "done" else (paginate_list([], 1, 1), {})
    return dict(run=run, params=RunParameters.from_dict(run.parameters), filters=filters, page=page,
                conflicts=found, message=message, error=error, bulk=approvals.latest_bulk(run),
                **review.explanation_context())


@bp.route("/runs/<int:run_id>")
@staff_only
def run(run_id: int):
    run = _run(run_id)
    return render("pairing/run.html", "pairing/_cards.html", **_review_context(run))


@bp.route("/runs/<int:run_id>/mentees/<int:mentee_id>/alternatives")
@staff_only
def alternatives(run_id: int, mentee_id: int):
    run, person = _run(run_id), _mentee(mentee_id)
    rows, found = cards.alternatives(run, person.id)
    return render("pairing/alternatives.html", "pairing/_alternatives.html", run=run, mentee=person, rows=rows,
                  conflicts=found, filters=cards.CardFilters.from_args(request.args), **review.explanation_context())


def _card_answer(run: MatchingRun, mentee_id: int, message: str = "", error: str = ""):
    """After a decision on a card: the card again for htmx, the review page (same filters) for a plain form."""
    filters = DecisionForm().filters()
    person = _mentee(mentee_id)

    def fragment():
        found_cards, found = cards.cards_for(run, [person.id])
        return render_template("pairing/_card.html", run=run, card=found_cards[0] if found_cards else None,
                               mentee=person, conflicts=found, filters=filters, message=message, error=error,
                               **review.explanation_context())
    return after_change(fragment, redirect_to=url_for("pairing.run", run_id=run.id, **filters.as_args(),
                                                      _anchor=f"card-{person.id}"),
                        message=message, error=error, event="pairs-changed")


@bp.route("/suggestions/<int:suggestion_id>/approve", methods=["POST"])
@staff_only
def approve(suggestion_id: int):
    """«Утвердить» (or «Выбрать» among the alternatives) on a review card or on the mentee's page: the same
    decision, answered for where it was taken (the form's ``view``)."""
    suggestion, run, form = _decision(suggestion_id)
    choosing = form.choose.data
    try:
        (approvals.choose if choosing else approvals.approve_one)(suggestion.id, current_user.organisation,
                                                                 current_user)
    except decisions.PairingError as exc:
        return _after(run, suggestion.mentee_id, form, error=exc.message)
    return _after(run, suggestion.mentee_id, form, message=_(
        "Пара %(mentor)s — %(mentee)s утверждена. Наставник и наставляемый получили уведомления.",
        mentor=suggestion.mentor.full_name, mentee=suggestion.mentee.full_name))


@bp.route("/suggestions/<int:suggestion_id>/undo", methods=["POST"])
@staff_only
def undo(suggestion_id: int):
    suggestion, run, form = _decision(suggestion_id)
    try:
        approvals.undo_suggestion(suggestion.id, current_user.organisation, current_user)
    except decisions.PairingError as exc:
        return _after(run, suggestion.mentee_id, form, error=exc.message)
    return _after(run, suggestion.mentee_id, form,
                  message=_("Утверждение пары отменено: предложение снова ждёт решения."))


@bp.route("/runs/<int:run_id>/approve-all", methods=["GET", "POST"])
@staff_only
def approve_all(run_id: int):
    """«Утвердить все предложенные»: a confirmation page (works without JavaScript), then the approval."""
    run = _run(run_id)
    proposals, found = cards.bulk_candidates(run) if run.status == "done" else ([], {})
    ready = [s for s in proposals if not found.get(s.id)]
    form = ApproveAllForm()
    if request.method == "POST" and form.validate_on_submit():
        if not ready:
            flash(_("Нет предложенных пар, которые можно утвердить."), "error")
            return redirect(url_for("pairing.run", run_id=run.id), 303)
        approval, count, errors = approvals.approve_all(run, [s.id for s in ready], current_user)
        if count:
            flash(plural(count, "Утверждена %(num)d пара.", "Утверждены %(num)d пары.", "Утверждено %(num)d пар.")
                  + " " + _("Отменить утверждение можно, пока не издан приказ о закреплении пар."), "success")
        if errors:
            flash(_("Не утверждены: %(list)s", list=" ".join(errors)), "error")
        return redirect(url_for("pairing.run", run_id=run.id), 303)
    return render_template("pairing/approve_all.html", run=run, ready=ready,
                           blocked=[s for s in proposals if found.get(s.id)], conflicts=found, form=form,
                           **review.explanation_context())


@bp.route("/approvals/<int:approval_id>/undo", methods=["POST"])
@staff_only
def undo_approval(approval_id: int):
    approval = approvals.approval_in(current_user.organisation, approval_id)
    if DecisionForm().validate_on_submit():
        try:
            count = approvals.undo_approval(approval.id, current_user.organisation, current_user)
            flash(plural(count, "Утверждение отменено: %(num)d пара снова ждёт решения.",
                         "Утверждение отменено: %(num)d пары снова ждут решения.",
                         "Утверждение отменено: %(num)d пар снова ждут решения."), "success")
        except decisions.PairingError as exc:
            flash(exc.message, "error")
    else:
        flash(_("Форма устарела. Обновите страницу."), "error")
    return redirect(url_for("pairing.run", run_id=approval.run_id), 303)


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
    q = (request.args.get("q") or "").strip()[:100]  # the mentor search is a GET form; no POST carries it
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


def _after(run: MatchingRun, mentee_id: int, form: DecisionForm, message: str = "", error: str = ""):
    """After a decision: on the mentee's page its fragment (htmx) or the page again; on the review the card."""
    if form.view.data == "mentee":
        return after_change(lambda: render("pairing/mentee.html", "pairing/_mentee_review.html",
                                           **_mentee_context(run, _mentee(mentee_id), message, error)),
                            redirect_to=url_for("pairing.mentee", run_id=run.id, mentee_id=mentee_id),
                            message=message, error=error, event="pairs-changed")
    return _card_answer(run, mentee_id, message, error)


def _decision(suggestion_id: int):
    """The suggestion (of my school, else 404), its run and the submitted decision form."""
    suggestion = decisions.suggestion_in(suggestion_id, current_user.organisation)
    return suggestion, _run(suggestion.run_id), DecisionForm()


@bp.route("/suggestions/<int:suggestion_id>/reject", methods=["POST"])
@staff_only
def reject(suggestion_id: int):
    s, run, form = _decision(suggestion_id)
    if not form.validate():
        return _after(run, s.mentee_id, form, error=" ".join(form.reason.errors) or _("Форма устарела. Обновите страницу."))
    try:
        decisions.reject(s.id, current_user.organisation, current_user, form.reason.data)
    except decisions.PairingError as exc:
        return _after(run, s.mentee_id, form, error=exc.message)
    return _after(run, s.mentee_id, form, message=_("Предложение отклонено."))


@bp.route("/suggestions/<int:suggestion_id>/fix", methods=["POST"])
@staff_only
def fix(suggestion_id: int):
    s, run, form = _decision(suggestion_id)
    try:
        kept = decisions.toggle_fixed(s.id, current_user.organisation)
    except decisions.PairingError as exc:
        return _after(run, s.mentee_id, form, error=exc.message)
    return _after(run, s.mentee_id, form, message=_("Пара сохранится при повторном подборе.") if kept.fixed
                  else _("Пара больше не сохраняется при повторном подборе."))


@bp.route("/runs/<int:run_id>/rerun", methods=["POST"])
@staff_only
def rerun(run_id: int):
    parent = _run(run_id)
    form = TaskRequestForm()
    if not parent.finished:
        flash(_("Дождитесь окончания текущего подбора."), "error")
        return redirect(url_for("pairing.run", run_id=parent.id), 303)
    new = runs.start_run(current_user.organisation, RunParameters.from_dict(parent.parameters), current_user,
                         parent=parent, request_key=form.request_key.data)
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
    form = ManualPairForm()
    if not form.validate():
        return _after(run, person.id, form, error=_("Выберите наставника из результатов поиска."))
    mentor = in_my_school_or_404(User, form.mentor_id.data)
    try:
        decisions.manual_suggestion(run, person, mentor, current_user)
    except decisions.PairingError as exc:
        return _after(run, person.id, form, error=exc.message)
    return _after(run, person.id, form, message=_("Пара %(mentor)s — %(mentee)s подтверждена.",
                                                  mentor=mentor.full_name, mentee=person.full_name))


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
    form = UnpairedMarkForm()
    if not form.validate():
        flash(_("Не понятно, какую отметку изменить."), "error")
        return redirect(url_for("pairing.unpaired"), 303)
    UnpairedMentee.update(**{form.field.data: bool(form.value.data)}).where(UnpairedMentee.id == row.id).execute()
    if is_htmx():
        return unpaired()
    flash(_("Отметка сохранена."), "success")
    return redirect(url_for("pairing.unpaired"), 303)


__all__ = ["bp", "PROPOSED"]


def _setup(state) -> None:
    from webapp.pairing.notifications import shown, unread_count
    state.app.jinja_env.globals.update(unread_notifications=unread_count, notification_text=shown)
    from webapp.pairing import run_status
    run_status.init_app(state.app)


bp.record_once(_setup)
