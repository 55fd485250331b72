"""Notifications in the application, and by e-mail when an SMTP server is configured.

Config: ``MAIL_SERVER`` (host; no e-mail when empty), ``MAIL_PORT`` (25), ``MAIL_USE_TLS``
(STARTTLS), ``MAIL_USERNAME`` / ``MAIL_PASSWORD`` (optional), ``MAIL_DEFAULT_SENDER``.
A failed delivery is logged and never undoes the change that caused it.
"""
from __future__ import annotations

import json
import smtplib
from email.message import EmailMessage

from flask import current_app
from flask_babel import force_locale, gettext
from flask_login import current_user

from webapp.models import Notification

SUBJECT = "Наставник: уведомление"


def N_(message: str) -> str:
    """Marks a message id for the catalogue; ``notify`` translates it for each reader."""
    return message


def notify(user, message: str, link: str = "", **params) -> Notification:
    """Tell ``user``: ``message`` is a Russian message id with ``%(name)s`` placeholders filled from
    ``params`` (a parameter named ``*_label`` is a message id itself). Stored as that code, so every
    reader sees it in their language; written out in the recipient's language for the e-mail."""
    with force_locale(getattr(user, "locale", None) or "ru"):
        text = render(message, params)
    note = Notification.create(user=user, text=text, message=message,
                               params_json=json.dumps(params, ensure_ascii=False), link=link[:300])
    send_email(user, text)
    return note


def render(message: str, params: dict) -> str:
    return gettext(message, **{k: gettext(v) if k.endswith("_label") else v for k, v in params.items()})


def shown(note: Notification) -> str:
    """A notification's words in the reader's language (as stored when made before codes were kept)."""
    if not note.message:
        return note.text
    return render(note.message, json.loads(note.params_json or "{}"))


def send_email(user, body: str) -> bool:
    config = current_app.config
    host = config.get("MAIL_SERVER")
    if not host or not getattr(user, "email", None):
        return False
    message = EmailMessage()
    message["Subject"] = SUBJECT
    message["From"] = config.get("MAIL_DEFAULT_SENDER") or "nastavnik@localhost"
    message["To"] = user.email
    message.set_content(body)
    try:
        with smtplib.SMTP(host, int(config.get("MAIL_PORT") or 25), timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            smtp.send_message(message)
        return True
    except (OSError, smtplib.SMTPException):
        current_app.logger.exception("e-mail to %s not sent", user.email)
        return False


def unread_count() -> int:
    """Template global: the signed-in user's unread notifications."""
    if not current_user.is_authenticated:
        return 0
    return Notification.unread_count(current_user)


class NotificationsLabel:
    """Navigation label with the unread count: «Уведомления (2)»."""

    def __str__(self) -> str:
        from flask_babel import gettext as _
        count = unread_count()
        label = _("Уведомления")
        return f"{label} ({count})" if count else label

    def __html__(self) -> str:
        from markupsafe import escape
        return str(escape(str(self)))
