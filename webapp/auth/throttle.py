"""Slowing down password guessing: failures counted per account and per address."""
from __future__ import annotations

import datetime as dt

from flask import current_app

from webapp.models import LoginFailure


def _window_start() -> dt.datetime:
    return dt.datetime.now() - dt.timedelta(seconds=current_app.config["LOGIN_FAILURE_WINDOW"])


def is_locked(login: str, address: str) -> bool:
    since = _window_start()
    recent = LoginFailure.select().where(LoginFailure.at >= since)
    per_account = recent.where(LoginFailure.login == login.lower()).count()
    per_address = recent.where(LoginFailure.address == address).count()
    return (per_account >= current_app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
            or per_address >= current_app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"])


def record_failure(login: str, address: str) -> None:
    LoginFailure.create(login=login.lower()[:64], address=address[:64])
    # keep the table small: forget failures older than a day
    LoginFailure.delete().where(LoginFailure.at < dt.datetime.now() - dt.timedelta(days=1)).execute()


def clear(login: str) -> None:
    LoginFailure.delete().where(LoginFailure.login == login.lower()).execute()
