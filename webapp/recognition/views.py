"""A mentor's recognitions and training; the school's register of recognitions."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import confirmation
from webapp.access import in_my_school_or_404, roles, signed_in, staff_only
from webapp.downloads import download
from webapp.models import Award, TrainingCourse, User
from webapp.recognition import export, services
from webapp.recognition.forms import AwardForm, TrainingForm

bp = Blueprint("recognition", __name__)


def _mentor(user_id: int) -> User:
    """A mentor of the signed-in person's school whom they may see: staff see all, a mentor sees themself."""
    user = in_my_school_or_404(User, user_id)
    if not services.is_mentor(user):
        abort(404)
    if not current_user.is_staff and user.id != current_user.id:
        abort(404)
    return user


def _page(user, award_form=None, training_form=None, status=200):
    courses = list(services.courses_of(user))
    return render_template("recognition/mentor.html", mentor=user, awards=list(services.awards_of(user)),
                           courses=courses, hours=services.total_hours(courses), kinds=services.AWARD_KINDS,
                           award_form=award_form or AwardForm(formdata=None),
                           training_form=training_form or TrainingForm(formdata=None)), status


@bp.route("/mentors/<int:user_id>/recognition")
@signed_in
def mentor(user_id: int):
    return _page(_mentor(user_id))


def _add(user_id: int, form_class, save, message: str, form_name: str):
    """Add a record to a mentor's page; a bad form comes back with its messages (400)."""
    user = _mentor(user_id)
    form = form_class()
    if form.validate_on_submit():
        save(user, form.data_dict(), current_user)
        flash(message, "success")
        return redirect(url_for("recognition.mentor", user_id=user.id), 303)
    return _page(user, status=400, **{form_name: form})


def _delete(user_id: int, model, record_id: int):
    """Delete one of a mentor's records; another mentor's or a forged id answers 404."""
    user = _mentor(user_id)
    record = model.get_or_none((model.id == record_id) & (model.user == user))
    if record is None:
        abort(404)
    title = getattr(record, "title", None) or getattr(record, "name", "")
    question = confirmation.ask(_("Удалить запись «%(title)s» (наставник: %(name)s)?", title=title, name=user.full_name),
                                button=_("Да, удалить"), back=url_for("recognition.mentor", user_id=user.id))
    if question is not None:
        return question
    record.delete_instance()
    flash(_("Запись удалена."), "success")
    return redirect(url_for("recognition.mentor", user_id=user.id), 303)


@bp.route("/mentors/<int:user_id>/awards", methods=["POST"])
@staff_only
def add_award(user_id: int):
    return _add(user_id, AwardForm, services.add_award, _("Поощрение добавлено."), "award_form")


@bp.route("/mentors/<int:user_id>/awards/<int:award_id>/delete", methods=["POST"])
@staff_only
def delete_award(user_id: int, award_id: int):
    return _delete(user_id, Award, award_id)


@bp.route("/mentors/<int:user_id>/training", methods=["POST"])
@roles("admin", "coordinator", "mentor")
def add_course(user_id: int):
    return _add(user_id, TrainingForm, services.add_course, _("Курс добавлен."), "training_form")


@bp.route("/mentors/<int:user_id>/training/<int:course_id>/delete", methods=["POST"])
@roles("admin", "coordinator", "mentor")
def delete_course(user_id: int, course_id: int):
    return _delete(user_id, TrainingCourse, course_id)


@bp.route("/mentors/<int:user_id>/recognition.xlsx")
@signed_in
def mentor_xlsx(user_id: int):
    user = _mentor(user_id)
    buffer = export.awards_xlsx(services.awards_of(user), services.courses_of(user))
    return download(buffer, f"pooshchreniya_{user.id}.xlsx")


@bp.route("/recognition")
@staff_only
def register():
    mentors = list(services.mentors_of(current_user.organisation))
    summary = services.training_summary([m.id for m in mentors])
    awards = list(services.school_awards(current_user.organisation))
    counts: dict[int, int] = {}
    for award in awards:
        counts[award.user_id] = counts.get(award.user_id, 0) + 1
    kind = request.args.get("kind", "")
    shown = [a for a in awards if a.kind == kind] if kind in services.AWARD_KINDS else awards
    return render_template("recognition/register.html", mentors=mentors, summary=summary, counts=counts,
                           awards=shown, kinds=services.AWARD_KINDS, kind=kind)


@bp.route("/recognition/awards.xlsx")
@staff_only
def register_xlsx():
    org = current_user.organisation
    courses = (TrainingCourse.select(TrainingCourse, User).join(User)
               .where(TrainingCourse.organisation == org).order_by(User.full_name, TrainingCourse.started_on))
    return download(export.awards_xlsx(services.school_awards(org), courses), "pooshchreniya_nastavnikov.xlsx")
