"""The user list's search and filters."""
from __future__ import annotations

from dataclasses import dataclass

from webapp.db import contains
from webapp.models import User, UserRole
from webapp.models.user import CATEGORIES, ROLES

STATUSES = ("active", "invited", "inactive")


@dataclass
class UserFilters:
    q: str = ""
    role: str = ""
    category: str = ""
    class_name: str = ""
    status: str = ""

    @classmethod
    def from_args(cls, args) -> "UserFilters":
        def pick(name, allowed):
            value = args.get(name, "")
            return value if value in allowed else ""
        return cls(
            q=args.get("q", "").strip()[:100],
            role=pick("role", ROLES),
            category=pick("category", CATEGORIES),
            class_name=args.get("class_name", "").strip().upper()[:10],
            status=pick("status", STATUSES),
        )

    def as_args(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}


def search_users(organisation, filters: UserFilters):
    query = User.in_org(organisation)
    if filters.q:
        query = query.where(contains(User.full_name, filters.q) | contains(User.login, filters.q)
                            | contains(User.email, filters.q))
    if filters.role:
        query = query.where(User.id.in_(UserRole.select(UserRole.user).where(UserRole.role == filters.role)))
    if filters.category:
        query = query.where(User.category == filters.category)
    if filters.class_name:
        query = query.where(User.class_name == filters.class_name)
    if filters.status == "active":
        query = query.where((User.is_active == True) & User.password_hash.is_null(False))  # noqa: E712
    elif filters.status == "invited":
        query = query.where((User.is_active == True) & User.password_hash.is_null(True))  # noqa: E712
    elif filters.status == "inactive":
        query = query.where(User.is_active == False)  # noqa: E712
    return query.order_by(User.name_key, User.id)


def class_names(organisation) -> list[str]:
    rows = (User.select(User.class_name).where((User.organisation == organisation) & (User.class_name != ""))
            .distinct())
    def key(name):
        digits = "".join(ch for ch in name if ch.isdigit())
        return (int(digits or 0), name)
    return sorted((r.class_name for r in rows), key=key)


def roles_by_user(users) -> dict[int, list[str]]:
    ids = [u.id for u in users]
    result: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for row in UserRole.select().where(UserRole.user.in_(ids)).order_by(UserRole.role):
            result[row.user_id].append(row.role)
    return result
