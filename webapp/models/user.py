"""People: accounts, their roles and participant categories."""
from __future__ import annotations

import datetime as dt

import peewee as pw
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.db import BaseModel
from webapp.models.organisation import Organisation

ADMIN, COORDINATOR, MENTOR, MENTEE = "admin", "coordinator", "mentor", "mentee"
ROLES = (ADMIN, COORDINATOR, MENTOR, MENTEE)
STAFF_ROLES = frozenset({ADMIN, COORDINATOR})
# Roles of the regional mentoring centre's people; never granted by a school (not in ROLES).
REGIONAL_ADMIN, REGIONAL_METHODOLOGIST = "regional_admin", "regional_method"
REGIONAL_ROLES = frozenset({REGIONAL_ADMIN, REGIONAL_METHODOLOGIST})

# Keys shared with matching.catalogue; Russian labels are the UI's words.
CATEGORIES = ("teacher", "student", "university_student", "employer")

PASSWORD_METHOD = "scrypt"


def sort_key(name: str) -> str:
    """How names sort in lists: case-folded, «ё» as «е» (the order of a Russian class register).
    Stored, so a list of thousands sorts on an index instead of calling a function per row."""
    return name.casefold().replace("ё", "е")[:200]


class User(UserMixin, BaseModel):
    organisation = pw.ForeignKeyField(Organisation, backref="users", on_delete="CASCADE")
    login = pw.CharField(max_length=64, unique=True)
    email = pw.CharField(max_length=254, null=True)
    full_name = pw.CharField(max_length=200)
    category = pw.CharField(max_length=32)
    class_name = pw.CharField(max_length=10, default="")
    position = pw.CharField(max_length=200, default="")
    subjects = pw.TextField(default="")
    password_hash = pw.CharField(max_length=255, null=True)
    is_active = pw.BooleanField(default=True)
    invite_nonce = pw.CharField(max_length=64, null=True)
    locale = pw.CharField(max_length=5, null=True)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    last_login_at = pw.DateTimeField(null=True)
    session_version = pw.IntegerField(default=0, null=True)  # raised to end every session of this person (m0006)
    name_key = pw.CharField(max_length=200, default="")  # sort_key(full_name), kept by save()

    class Meta:
        table_name = "account"  # "user" is reserved in PostgreSQL
        indexes = ((("organisation", "full_name"), False), (("organisation", "name_key"), False))

    def save(self, *args, **kwargs):
        self.name_key = sort_key(self.full_name or "")
        return super().save(*args, **kwargs)

    # --- passwords -------------------------------------------------------
    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method=PASSWORD_METHOD)

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    # --- roles -------------------------------------------------------------
    @property
    def role_set(self) -> frozenset[str]:
        cached = getattr(self, "_role_cache", None)
        if cached is None:
            cached = frozenset(r.role for r in UserRole.select(UserRole.role).where(UserRole.user == self))
            self._role_cache = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set & set(roles))

    @property
    def is_staff(self) -> bool:
        return self.has_role(*STAFF_ROLES)

    @property
    def is_regional(self) -> bool:
        return self.has_role(*REGIONAL_ROLES)

    def set_roles(self, roles) -> None:
        UserRole.delete().where(UserRole.user == self).execute()
        for role in sorted(set(roles)):
            UserRole.create(user=self, role=role)
        self._role_cache = None

    @property
    def subject_list(self) -> list[str]:
        return [s.strip() for s in self.subjects.split(";") if s.strip()]

    # --- scopes ------------------------------------------------------------
    @classmethod
    def in_org(cls, organisation):
        return cls.select().where(cls.organisation == organisation)

    @classmethod
    def with_role(cls, organisation, role: str):
        return (cls.in_org(organisation)
                .join(UserRole).where(UserRole.role == role))

    def __str__(self) -> str:
        return self.full_name


class UserRole(BaseModel):
    user = pw.ForeignKeyField(User, backref="roles", on_delete="CASCADE")
    role = pw.CharField(max_length=20)

    class Meta:
        indexes = ((("user", "role"), True),)
