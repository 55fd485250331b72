"""Creating and changing accounts: the rules, one transaction each."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from webapp.auth.sessions import end_everywhere
from webapp.db import database
from webapp.models import AuditEvent, User
from webapp.models.user import CATEGORIES, ROLES

CLASS_RE = re.compile(r"^(1[01]|[1-9])\s*-?\s*[А-ЯЁA-Z]?$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LOGIN_RE = re.compile(r"^[a-z0-9._-]{3,64}$")

TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


@dataclass
class AccountData:
    full_name: str
    category: str
    class_name: str = ""
    position: str = ""
    subjects: list[str] = field(default_factory=list)
    email: str = ""
    login: str = ""
    roles: list[str] = field(default_factory=list)


def normalise_class(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def validate(data: AccountData) -> list[str]:
    """Messages (Russian) for what is wrong with ``data``; empty when it can be saved."""
    errors = []
    if not data.full_name.strip():
        errors.append("Не указаны ФИО.")
    elif len(data.full_name) > 200:
        errors.append("ФИО длиннее 200 символов.")
    if data.category not in CATEGORIES:
        errors.append("Неизвестная категория участника.")
    if data.category == "student":
        if not data.class_name:
            errors.append("Для обучающегося укажите класс (например, 7Б).")
        elif not CLASS_RE.match(data.class_name):
            errors.append("Класс указан неверно: нужен номер от 1 до 11 и буква, например 7Б.")
    if len(data.position) > 200:
        errors.append("Должность длиннее 200 символов.")
    if len("; ".join(data.subjects)) > 500:
        errors.append("Список предметов длиннее 500 символов.")
    if data.email and (len(data.email) > 254 or not EMAIL_RE.match(data.email)):
        errors.append("Адрес электронной почты указан неверно.")
    if data.login and not LOGIN_RE.match(data.login):
        errors.append("Логин: от 3 до 64 латинских строчных букв, цифр, точек, дефисов или подчёркиваний.")
    unknown = set(data.roles) - set(ROLES)
    if unknown:
        errors.append("Неизвестная роль.")
    if not data.roles:
        errors.append("Выберите хотя бы одну роль.")
    return errors


def login_taken(login: str, exclude_id: int | None = None) -> bool:
    query = User.select().where(User.login == login)
    if exclude_id:
        query = query.where(User.id != exclude_id)
    return query.exists()


def suggest_login(full_name: str, taken: set[str] | None = None) -> str:
    """ivanov.ii from «Иванов Иван Иванович», made unique with a number."""
    parts = full_name.lower().split()
    def tr(word):
        return "".join(TRANSLIT.get(ch, ch if ch.isascii() and ch.isalnum() else "") for ch in word)
    base = tr(parts[0]) if parts else "user"
    initials = "".join(tr(p)[:1] for p in parts[1:3])
    base = (f"{base}.{initials}" if initials else base)[:56] or "user"
    if len(base) < 3:
        base = f"{base}user"
    taken = taken or set()
    candidate, n = base, 1
    while candidate in taken or login_taken(candidate):
        n += 1
        candidate = f"{base}{n}"
    return candidate


def create_account(organisation, data: AccountData, actor=None, taken: set[str] | None = None) -> User:
    """Insert one account (call inside a transaction when importing many)."""
    login = data.login or suggest_login(data.full_name, taken)
    user = User.create(
        organisation=organisation, login=login, email=data.email or None,
        full_name=" ".join(data.full_name.split()), category=data.category,
        class_name=normalise_class(data.class_name) if data.category == "student" else "",
        position=data.position.strip(), subjects="; ".join(s.strip() for s in data.subjects if s.strip()),
    )
    user.set_roles(data.roles)
    AuditEvent.record("account_created", actor=actor, organisation=organisation, target=login)
    return user


def set_active(user: User, active: bool, actor) -> None:
    with database.atomic():
        user.is_active = active
        if not active:
            user.invite_nonce = None
        user.save(only=[User.is_active, User.invite_nonce])
        if not active:
            end_everywhere(user)
        AuditEvent.record("account_activated" if active else "account_deactivated", actor=actor, target=user.login)


def sign_out_everywhere(user: User, actor) -> None:
    """End every session of ``user`` (a lost phone, a shared computer); recorded in the audit log."""
    with database.atomic():
        end_everywhere(user)
        AuditEvent.record("sessions_ended", actor=actor, target=user.login)
