"""Checking passwords: the same work for a known and an unknown login; rules for new passwords."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from webapp.models.user import PASSWORD_METHOD

COMMON_FILE = Path(__file__).with_name("common_passwords.txt")


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return generate_password_hash("no such account: the same work as a real check", method=PASSWORD_METHOD)


def verify(user, password: str) -> bool:
    """True when ``user`` exists and ``password`` is theirs. An unknown login costs one hash check too,
    so the answer's timing does not tell whether a login exists."""
    if user is None or not user.password_hash:
        check_password_hash(_dummy_hash(), password)
        return False
    return check_password_hash(user.password_hash, password)


@functools.lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s.\-_@]+", (text or "").lower()) if len(w) >= 3]


def problems(password: str, *, login: str = "", full_name: str = "") -> list[str]:
    """Message ids (Russian) for what makes ``password`` easy to guess; empty when it is fine."""
    lowered = password.lower()
    messages = []
    if lowered in common_passwords() or len(set(lowered)) <= 2:
        messages.append("Этот пароль слишком распространён: его подбирают первым. Придумайте другой.")
    if any(part in lowered for part in _words(login) + [login.lower()] if len(part) >= 3):
        messages.append("Пароль не должен содержать логин.")
    elif any(part in lowered for part in _words(full_name)):
        messages.append("Пароль не должен содержать фамилию, имя или отчество.")
    return messages
