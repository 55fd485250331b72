"""The coordinator's user area: list, create, import, deactivate, invitation links."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import confirmation
from webapp.access import in_my_school_or_404, staff_only
from webapp.auth import invitations
from webapp.db import database
from webapp.htmx import render
from webapp.models import AuditEvent, User
from webapp.models.user import ADMIN, COORDINATOR, MENTEE, MENTOR
from webapp.pagination import paginate, parse_page
from webapp.users import importing
from webapp.users.accounts import AccountData, create_account, login_taken, set_active, validate
from webapp.users.accounts import sign_out_everywhere as sign_out_everywhere_service
from webapp.users.forms import AccountForm, ImportForm
from webapp.users.listing import STATUSES, UserFilters, class_names, roles_by_user, search_users
from webapp.page_cache import cached_page

bp = Blueprint("users", __name__, url_prefix="/users")


def _allowed_roles() -> set[str]:
    if current_user.has_role(ADMIN):
        return {ADMIN, COORDINATOR, MENTOR, MENTEE}
    return {MENTOR, MENTEE}


def _get_user(user_id: int) -> User:
    return in_my_school_or_404(User, user_id)


@bp.route("")
@staff_only
@cached_page
def index():
    filters = UserFilters.from_args(request.args)
    page = paginate(search_users(current_user.organisation, filters),
                    parse_page(request.args.get("page")), current_app.config["PAGE_SIZE"])
    return render("users/index.html", "users/_table.html", page=page, filters=filters,
                  roles=roles_by_user(page.items), statuses=STATUSES,
                  class_names=class_names(current_user.organisation))


@bp.route("/new", methods=["GET", "POST"])
@staff_only
def create():
    form = AccountForm(allowed_roles=_allowed_roles())
    if form.validate_on_submit():
        data = AccountData(
            full_name=form.full_name.data.strip(), category=form.category.data,
            class_name=(form.class_name.data or "").strip(), position=(form.position.data or "").strip(),
            subjects=(form.subjects.data or "").split(";"), email=(form.email.data or "").strip(),
            login=(form.login.data or "").strip().lower(), roles=form.roles.data,
        )
        errors = validate(data)
        if set(data.roles) - _allowed_roles():
            errors.append(_("Эту роль вы назначить не можете."))
        if data.login and login_taken(data.login):
            errors.append(_("Логин «%(login)s» уже занят.", login=data.login))
        if not errors:
            with database.atomic():
                user = create_account(current_user.organisation, data, actor=current_user)
            link = invitations.issue(user)
            return render_template("users/invitation.html", user=user, link=link, created=True)
        for message in errors:
            form.form_errors.append(_(message))
    status = 400 if request.method == "POST" else 200
    return render_template("users/new.html", form=form), status


@bp.route("/import", methods=["GET", "POST"])
@staff_only
def import_file():
    form = ImportForm()
    report = None
    error = None
    status = 200
    if form.validate_on_submit():
        upload = form.file.data
        try:
            report = importing.import_accounts(current_user.organisation, upload.filename, upload.read(),
                                               actor=current_user, strict=form.strict.data,
                                               allowed_roles=_allowed_roles())
        except importing.ImportFileError as exc:
            error = exc.message
            status = 400
        if report and report.committed:
            report.links = {u.id: invitations.issue(u) for u in report.created}
    elif request.method == "POST":
        status = 400
    return render_template("users/import.html", form=form, report=report, error=error), status


@bp.route("/<int:user_id>")
@staff_only
def show(user_id: int):
    user = _get_user(user_id)
    events = (AuditEvent.select().where((AuditEvent.target == user.login)
                                        & (AuditEvent.organisation == current_user.organisation_id))
              .order_by(AuditEvent.at.desc()).limit(20))
    return render_template("users/show.html", user=user, events=events)


def _may_manage(user: User) -> bool:
    if user.id == current_user.id:
        return False
    return current_user.has_role(ADMIN) or not user.has_role(ADMIN, COORDINATOR)


def _switch_active(user_id: int, active: bool, message: str):
    user = _get_user(user_id)
    if not _may_manage(user):
        abort(403)
    set_active(user, active, current_user)
    flash(message % {"name": user.full_name}, "success")
    return redirect(url_for("users.show", user_id=user.id), 303)


@bp.route("/<int:user_id>/deactivate", methods=["POST"])
@staff_only
def deactivate(user_id: int):
    user = _get_user(user_id)
    if not _may_manage(user):
        abort(403)
    question = confirmation.ask(_("Отключить учётную запись «%(name)s»?", name=user.full_name),
                                details=_("Человек не сможет войти, пока учётную запись снова не включат; "
                                          "его данные сохранятся."),
                                button=_("Да, отключить"), back=url_for("users.show", user_id=user.id))
    if question is not None:
        return question
    return _switch_active(user_id, False, _("Учётная запись «%(name)s» отключена."))


@bp.route("/<int:user_id>/activate", methods=["POST"])
@staff_only
def activate(user_id: int):
    return _switch_active(user_id, True, _("Учётная запись «%(name)s» снова активна."))


@bp.route("/<int:user_id>/sign-out", methods=["POST"])
@staff_only
def sign_out_everywhere(user_id: int):
    user = _get_user(user_id)
    if not _may_manage(user):
        abort(403)
    sign_out_everywhere_service(user, current_user)
    flash(_("«%(name)s» выйдет на всех устройствах: все открытые сеансы завершены.", name=user.full_name), "success")
    return redirect(url_for("users.show", user_id=user.id), 303)


@bp.route("/<int:user_id>/invitation", methods=["POST"])
@staff_only
def reissue_invitation(user_id: int):
    user = _get_user(user_id)
    if not _may_manage(user) or not user.is_active:
        abort(403)
    if user.password_hash:
        # a link for an account in use would let whoever holds it take the account over unnoticed
        flash(_("У «%(name)s» уже есть пароль: приглашение выдаётся только тем, кто ещё не входил. "
                "Если пароль забыт, человек может сменить его сам после входа.", name=user.full_name), "error")
        return redirect(url_for("users.show", user_id=user.id), 303)
    link = invitations.issue(user)
    AuditEvent.record("invitation_issued", actor=current_user, target=user.login)
    return render_template("users/invitation.html", user=user, link=link, created=False)
