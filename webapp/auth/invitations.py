"""Signed, expiring, one-time invitation links for setting a first password."""
from __future__ import annotations

import secrets

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from webapp.models import User
from webapp.user_errors import UserError

SALT = "invitation"


class InvitationError(UserError):
    """The link is forged, expired or already used; the message is for the person."""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue(user: User) -> str:
    """Make a new link for ``user`` (any earlier link stops working)."""
    user.invite_nonce = secrets.token_urlsafe(16)
    user.save(only=[User.invite_nonce])
    token = _serializer().dumps({"u": user.id, "n": user.invite_nonce})
    return url_for("auth.accept_invitation", token=token, _external=True)


def resolve(token: str) -> User:
    try:
        data = _serializer().loads(token, max_age=current_app.config["INVITATION_MAX_AGE"])
    except SignatureExpired:
        raise InvitationError("Срок действия приглашения истёк. Попросите куратора выдать новое.")
    except BadSignature:
        raise InvitationError("Ссылка-приглашение недействительна. Проверьте, что она скопирована целиком.")
    if not isinstance(data, dict):
        raise InvitationError("Ссылка-приглашение недействительна.")
    user = User.get_or_none(User.id == data.get("u"))
    if user is None or not user.invite_nonce or user.invite_nonce != data.get("n"):
        raise InvitationError("Это приглашение уже использовано или отозвано. Попросите куратора выдать новое.")
    if not user.is_active:
        raise InvitationError("Учётная запись отключена. Обратитесь к куратору.")
    return user


def accept(user: User, password: str) -> None:
    user.set_password(password)
    user.invite_nonce = None
    user.save(only=[User.password_hash, User.invite_nonce])
