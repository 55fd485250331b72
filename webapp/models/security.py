"""Security records: failed log-ins (for throttling) and the audit log."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel
from webapp.models.organisation import Organisation
from webapp.models.user import User


class LoginFailure(BaseModel):
    login = pw.CharField(max_length=64, index=True)
    address = pw.CharField(max_length=64, index=True)
    at = pw.DateTimeField(default=dt.datetime.now, index=True)


class AuditEvent(BaseModel):
    organisation = pw.ForeignKeyField(Organisation, null=True, on_delete="CASCADE")
    actor = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    action = pw.CharField(max_length=64)
    target = pw.CharField(max_length=200, default="")
    details = pw.TextField(default="")
    at = pw.DateTimeField(default=dt.datetime.now)

    @classmethod
    def record(cls, action: str, *, actor=None, organisation=None, target="", details=""):
        if organisation is None and actor is not None:
            organisation = actor.organisation_id
        return cls.create(action=action, actor=actor, organisation=organisation,
                          target=str(target), details=details)
