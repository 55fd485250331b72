"""Sessions that end: each session remembers the person's session version when it began.

Raising the version in the database (log-out, password change, deactivation, an administrator's
«выйти на всех устройствах») makes every cookie issued before it worthless at once, including
copies of the cookie, although the cookie itself is signed and kept by the browser.
"""
from __future__ import annotations

from flask import session
from flask_login import login_user, logout_user
from peewee import fn

from webapp.models import User

KEY = "sv"


def begin(user: User) -> None:
    """Sign ``user`` in on this browser with their current session version."""
    logout_user()
    login_user(user)
    session[KEY] = user.session_version or 0


def is_current(user: User) -> bool:
    """Was this session begun at the person's current version?"""
    return int(session.get(KEY, 0) or 0) == (user.session_version or 0)


def end_everywhere(user: User) -> None:
    """Every session of ``user`` stops working, on every device."""
    User.update(session_version=fn.COALESCE(User.session_version, 0) + 1).where(User.id == user.id).execute()
    user.session_version = User.select(User.session_version).where(User.id == user.id).scalar()


def end_here() -> None:
    logout_user()
    session.clear()
