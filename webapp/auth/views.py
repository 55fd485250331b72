"""Log in, log out, change password, accept an invitation, switch language."""
from __future__ import annotations

import datetime as dt
import time
from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user

from webapp.access import public, regional_ok, signed_in
from webapp.auth import invitations, passwords, sessions, throttle
from webapp.auth.return_to import safe_next
from webapp.auth.forms import ChangePasswordForm, LanguageForm, LoginForm, NewPasswordForm
from webapp.models import AuditEvent, User

bp = Blueprint("auth", __name__)


def _address() -> str:
    return request.remote_addr or "unknown"


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = LoginForm()
    error = None
    status = 200
    if form.validate_on_submit():
        name = form.login.data.strip().lower()
        if throttle.is_locked(name, _address()):
            error = _("Слишком много неудачных попыток входа. Подождите 15 минут и попробуйте снова.")
            status = 429
        else:
            delay = throttle.delay_for(name)
            if delay:
                time.sleep(delay)  # many failures for this account from elsewhere: slower, never locked
            user = User.get_or_none(User.login == name)
            if not passwords.verify(user, form.password.data):
                throttle.record_failure(name, _address())
                error = _("Неверный логин или пароль.")
            elif not user.is_active:
                error = _("Учётная запись отключена. Обратитесь к куратору.")
            else:
                throttle.clear(name, _address())
                sessions.begin(user)
                user.last_login_at = dt.datetime.now()
                user.save(only=[User.last_login_at])
                return redirect(safe_next(request.args.get("next")))
        status = status if status != 200 else 401
    elif request.method == "POST":
        status = 400
    return render_template("auth/login.html", form=form, error=error), status


@bp.route("/logout", methods=["POST"])
@public
def logout():
    if current_user.is_authenticated:
        sessions.end_everywhere(current_user)
    sessions.end_here()
    flash(_("Вы вышли из системы."), "info")
    return redirect(url_for("auth.login"), 303)


@bp.route("/password", methods=["GET", "POST"])
@signed_in
@regional_ok
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        weak = passwords.problems(form.password.data, login=current_user.login, full_name=current_user.full_name)
        if not current_user.check_password(form.current.data):
            form.current.errors.append(_("Текущий пароль введён неверно."))
        elif weak:
            form.password.errors = list(form.password.errors) + [_(message) for message in weak]
        else:
            current_user.set_password(form.password.data)
            current_user.save(only=[User.password_hash])
            AuditEvent.record("password_changed", actor=current_user, target=current_user.login)
            sessions.end_everywhere(current_user)  # every other device signs in again
            sessions.begin(current_user._get_current_object())
            flash(_("Пароль изменён."), "success")
            return redirect(url_for("dashboard.index"), 303)
    status = 400 if request.method == "POST" else 200
    return render_template("auth/change_password.html", form=form), status


@bp.route("/invite/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token: str):
    try:
        user = invitations.resolve(token)
    except invitations.InvitationError as exc:
        return render_template("auth/invitation_invalid.html", message=exc.message), 400
    form = NewPasswordForm()
    if form.validate_on_submit():
        weak = passwords.problems(form.password.data, login=user.login, full_name=user.full_name)
        if not weak:
            invitations.accept(user, form.password.data)
            AuditEvent.record("invitation_accepted", actor=user, target=user.login)
            sessions.end_everywhere(user)
            sessions.begin(user)
            flash(_("Пароль установлен. Добро пожаловать!"), "success")
            return redirect(url_for("dashboard.index"), 303)
        form.password.errors = list(form.password.errors) + [_(message) for message in weak]
    status = 400 if request.method == "POST" else 200
    return render_template("auth/accept_invitation.html", form=form, user=user), status


@bp.route("/language", methods=["POST"])
@public
def set_language():
    form = LanguageForm()
    if form.validate():
        session["lang"] = form.lang.data
        if current_user.is_authenticated:
            current_user.locale = form.lang.data
            current_user.save(only=[User.locale])
        refresh()  # the form's validation looked the catalogue up in the old language
    return redirect(safe_next(form.next.data), 303)
