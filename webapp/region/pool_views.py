"""The regional pool of remote mentors: a participant's consent page and the coordinator's pool page."""
from __future__ import annotations

from flask import Blueprint, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.catalogue import FORM_LABELS
from webapp.access import PARTICIPANTS, roles, staff_only
from webapp.htmx import after_change
from webapp.region import pool
from webapp.region.forms import ConfirmForm, PoolConfirmForm, PoolJoinForm, RemoteAcceptForm

bp = Blueprint("pool", __name__, url_prefix="/pool")


def _back(endpoint: str, message: str = "", error: str = ""):
    return after_change(lambda: "", redirect_to=url_for(endpoint), message=message, error=error)


def _form_error(form) -> str:
    return next((e for errors in form.errors.values() for e in errors), _("Форма заполнена неверно."))


@bp.route("/mine")
@roles(*PARTICIPANTS)
def mine():
    return render_template("region/pool_mine.html", in_pool=pool.in_pool(current_user),
                           accepts=pool.accepts_remote(current_user), join_form=PoolJoinForm(),
                           accept_form=RemoteAcceptForm(), confirm_form=ConfirmForm(), has_region=current_user.organisation.region_id is not None)


def _step(form, action, message):
    if not form.validate_on_submit():
        return _back("pool.mine", error=_form_error(form))
    try:
        action(form)
    except pool.PoolError as exc:
        return _back("pool.mine", error=exc.message)
    return _back("pool.mine", message=message)


@bp.route("/mine/join", methods=["POST"])
@roles("mentor")
def join():
    return _step(PoolJoinForm(), lambda form: pool.join(current_user, bool(form.consent.data)),
                 _("Вы в региональном пуле наставников."))


@bp.route("/mine/leave", methods=["POST"])
@roles("mentor")
def leave():
    return _step(ConfirmForm(), lambda form: pool.leave(current_user),
                 _("Вы вышли из регионального пула. Действующие пары сохраняются."))


@bp.route("/mine/remote", methods=["POST"])
@roles("mentee")
def accept_remote():
    return _step(RemoteAcceptForm(), _accept, _("Согласие на дистанционное наставничество сохранено."))


def _accept(form):
    if not form.consent.data:
        raise pool.PoolError("Отметьте строку согласия.")
    pool.accept_remote(current_user, current_user)


@bp.route("/mine/remote/withdraw", methods=["POST"])
@roles("mentee")
def withdraw_remote():
    return _step(ConfirmForm(), lambda form: pool.withdraw_remote(current_user),
                 _("Согласие на дистанционное наставничество отозвано."))


@bp.route("")
@staff_only
def index():
    school = current_user.organisation
    return render_template("region/pool.html", school=school, mentees=pool.remote_mentees(school),
                           pairs=pool.pairs_of(school), found=None, forms=FORM_LABELS, confirm_form=ConfirmForm())


@bp.route("/run", methods=["POST"])
@staff_only
def run():
    school = current_user.organisation
    form = ConfirmForm()
    if not form.validate_on_submit():
        return _back("pool.index", error=_form_error(form))
    return render_template("region/pool.html", school=school, mentees=pool.remote_mentees(school),
                           pairs=pool.pairs_of(school), found=pool.candidates(school), forms=FORM_LABELS,
                           confirm_form=ConfirmForm())


@bp.route("/confirm", methods=["POST"])
@staff_only
def confirm():
    form = PoolConfirmForm()
    if not form.validate_on_submit():
        return _back("pool.index", error=_form_error(form))
    try:
        pool.confirm(current_user.organisation, form.mentee_id.data, form.mentor_id.data, current_user)
    except pool.PoolError as exc:
        return _back("pool.index", error=exc.message)
    return _back("pool.index", message=_("Пара с наставником из регионального пула составлена."))


@bp.route("/mentees/<int:user_id>/remote", methods=["POST"])
@staff_only
def record_remote(user_id: int):
    """The coordinator records a (minor's representative's) paper consent to remote mentoring."""
    mentee = pool.mentee_of_school_or_404(current_user.organisation, user_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        return _back("pool.index", error=_form_error(form))
    try:
        pool.accept_remote(mentee, current_user)
    except pool.PoolError as exc:
        return _back("pool.index", error=exc.message)
    return _back("pool.index", message=_("Согласие на дистанционное наставничество записано."))
