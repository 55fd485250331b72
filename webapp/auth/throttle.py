"""Slowing down password guessing without letting anyone lock a person out.

- An (account, address) pair with too many recent failures is refused for the window: the guesser
  is stopped, the account's owner at another address is not.
- An address with too many failures across accounts is refused (one machine trying many logins).
- Failures for an account from many addresses slow every attempt on that account down (a delay
  growing to DELAY_MAX seconds), never lock it.
"""
from __future__ import annotations

import datetime as dt

from flask import current_app

from webapp.models import LoginFailure

DELAY_STEP = 0.25  # seconds added per failure over the limit
DELAY_MAX = 2.0


def _window_start() -> dt.datetime:
    return dt.datetime.now() - dt.timedelta(seconds=current_app.config["LOGIN_FAILURE_WINDOW"])


def _recent():
    return LoginFailure.select().where(LoginFailure.at >= _window_start())


def is_locked(login: str, address: str) -> bool:
    recent = _recent()
    per_pair = recent.where((LoginFailure.login == login.lower()) & (LoginFailure.address == address)).count()
    per_address = recent.where(LoginFailure.address == address).count()
    return (per_pair >= current_app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
            or per_address >= current_app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"])


def delay_for(login: str) -> float:
    """Seconds to wait before checking a password for ``login`` (0 when all is quiet)."""
    failures = _recent().where(LoginFailure.login == login.lower()).count()
    over = failures - current_app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"] + 1
    return min(DELAY_MAX, DELAY_STEP * over) if over > 0 else 0.0


def record_failure(login: str, address: str) -> None:
    LoginFailure.create(login=login.lower()[:64], address=address[:64])
    # keep the table small: forget failures older than a day
    LoginFailure.delete().where(LoginFailure.at < dt.datetime.now() - dt.timedelta(days=1)).execute()


def clear(login: str, address: str | None = None) -> None:
    query = LoginFailure.delete().where(LoginFailure.login == login.lower())
    if address is not None:
        query = query.where(LoginFailure.address == address)
    query.execute()
