"""The regional collection of best practices: the school's side (propose, read what the region
published) and the regional methodologist's (review, publish, contests)."""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.catalogue import FORM_LABELS
from webapp.access import in_my_school_or_404, methodologist_only, signed_in, staff_only
from webapp.htmx import after_change
from webapp.models import Practice
from webapp.models.region import PUBLISHED, SUBMITTED
from webapp.region import practices
from webapp.region.forms import ConfirmForm, ContestForm, EntryForm, ReviewForm, ScoreForm
from webapp.region.schools import region_of

bp = Blueprint("regional_practices", __name__)


def _back(endpoint: str, message: str = "", error: str = "", **args):
    return after_change(lambda: "", redirect_to=url_for(endpoint, **args), message=message, error=error)


def _form_error(form) -> str:
    return next((e for errors in form.errors.values() for e in errors), _("Форма заполнена неверно."))


# --- the school's side -------------------------------------------------------------------
@bp.route("/practices/<int:practice_id>/to-region", methods=["POST"])
@staff_only
def propose(practice_id: int):
    practice = in_my_school_or_404(Practice, practice_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        return _back("practices.show", error=_form_error(form), practice_id=practice.id)
    try:
        practices.propose(practice, current_user)
    except practices.PracticeError as exc:
        return _back("practices.show", error=exc.message, practice_id=practice.id)
    return _back("practices.show", message=_("Практика предложена региональному наставническому центру."),
                 practice_id=practice.id)


@bp.route("/practices/region")
@signed_in
def collection():
    return render_template("region/practices_collection.html",
                           practices=list(practices.published_for(current_user.organisation)), forms=FORM_LABELS)


@bp.route("/practices/region/<int:practice_id>")
@signed_in
def show_published(practice_id: int):
    found = practices.published_or_404(current_user.organisation, practice_id)
    return render_template("region/practice_show.html", practice=found, forms=FORM_LABELS, review_form=None)


# --- the regional methodologist's side ----------------------------------------------------
@bp.route("/region/practices")
@methodologist_only
def review_list():
    region = region_of(current_user)
    return render_template("region/practices_review.html", submitted=list(practices.in_region(region, SUBMITTED)),
                           published=list(practices.in_region(region, PUBLISHED)), forms=FORM_LABELS)


@bp.route("/region/practices/<int:practice_id>", methods=["GET", "POST"])
@methodologist_only
def review(practice_id: int):
    region = region_of(current_user)
    found = practices.of_region_or_404(region, practice_id)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            practices.review(found, form.decision.data == "publish", form.note.data or "", current_user)
        except practices.PracticeError as exc:
            form.form_errors.append(exc.message)
        else:
            return _back("regional_practices.review_list", message=_("Решение по практике сохранено."))
    status = 400 if request.method == "POST" else 200
    return render_template("region/practice_show.html", practice=found, forms=FORM_LABELS, review_form=form,
                           labels=practices.STATUS_LABELS), status


@bp.route("/region/contests", methods=["GET", "POST"])
@methodologist_only
def contests():
    region = region_of(current_user)
    form = ContestForm()
    if form.validate_on_submit():
        try:
            contest = practices.create_contest(region, form.title.data, form.nominations.data.splitlines(),
                                               current_user)
        except practices.PracticeError as exc:
            form.form_errors.append(exc.message)
        else:
            return _back("regional_practices.contest", message=_("Конкурс создан."), contest_id=contest.id)
    from webapp.models import Contest
    status = 400 if request.method == "POST" else 200
    return render_template("region/contests.html", form=form,
                           contests=list(Contest.select().where(Contest.region == region)
                                         .order_by(Contest.created_at.desc()))), status


@bp.route("/region/contests/<int:contest_id>")
@methodologist_only
def contest(contest_id: int):
    region = region_of(current_user)
    found = practices.contest_or_404(region, contest_id)
    return render_template("region/contest.html", contest=found, results=practices.results(found, current_user),
                           published=list(practices.in_region(region, PUBLISHED)), entry_form=EntryForm(),
                           score_form=ScoreForm(), confirm_form=ConfirmForm())


def _contest_change(contest_id: int, form_class, change):
    region = region_of(current_user)
    found = practices.contest_or_404(region, contest_id)
    form = form_class()
    if not form.validate_on_submit():
        return _back("regional_practices.contest", error=_form_error(form), contest_id=found.id)
    try:
        message = change(found, form)
    except practices.PracticeError as exc:
        return _back("regional_practices.contest", error=exc.message, contest_id=found.id)
    return _back("regional_practices.contest", message=message, contest_id=found.id)


@bp.route("/region/contests/<int:contest_id>/entries", methods=["POST"])
@methodologist_only
def add_entry(contest_id: int):
    def change(found, form):
        practices.add_entry(found, form.nomination_id.data, form.practice_id.data)
        return _("Практика выдвинута в номинацию.")
    return _contest_change(contest_id, EntryForm, change)


@bp.route("/region/contests/<int:contest_id>/scores", methods=["POST"])
@methodologist_only
def add_score(contest_id: int):
    def change(found, form):
        practices.score(found, form.entry_id.data, form.score.data, current_user)
        return _("Оценка сохранена.")
    return _contest_change(contest_id, ScoreForm, change)


@bp.route("/region/contests/<int:contest_id>/close", methods=["POST"])
@methodologist_only
def close(contest_id: int):
    def change(found, form):
        practices.close(found)
        return _("Конкурс завершён: итоги подведены.")
    return _contest_change(contest_id, ConfirmForm, change)



