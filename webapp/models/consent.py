"""Consents: to the processing of personal data (152-ФЗ) and the written consent to take part."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel
from webapp.models.organisation import Organisation
from webapp.models.user import User

PERSONAL_DATA, PARTICIPATION = "personal_data", "participation"
CONSENT_KINDS = (PERSONAL_DATA, PARTICIPATION)
SELF, REPRESENTATIVE = "self", "representative"


class Consent(BaseModel):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="consents", on_delete="CASCADE")
    kind = pw.CharField(max_length=32)
    given_by = pw.CharField(max_length=20, default=SELF)
    representative_name = pw.CharField(max_length=200, default="")
    representative_relation = pw.CharField(max_length=100, default="")
    signed_on = pw.DateField(null=True)
    received_at = pw.DateTimeField(null=True)  # the signed paper reached the coordinator
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    revoked_at = pw.DateTimeField(null=True)
    revoke_reason = pw.TextField(default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)

    @property
    def is_valid(self) -> bool:
        return self.received_at is not None and self.revoked_at is None

    @classmethod
    def valid(cls):
        return cls.select().where(cls.received_at.is_null(False) & cls.revoked_at.is_null(True))
