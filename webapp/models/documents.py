"""What documents need beyond the rest of the schema: a person's details for consents (ч. 4 ст. 9
152-ФЗ) and a school's own Word templates."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel
from webapp.models.organisation import Organisation
from webapp.models.user import User


class PersonDetails(BaseModel):
    """Identity document, address and (for a minor) the legal representative's, as on the signed consent."""
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    birth_date = pw.DateField(null=True)
    address = pw.CharField(max_length=300, default="")
    document = pw.CharField(max_length=100, default="")  # «паспорт 4510 123456»
    document_issued_on = pw.DateField(null=True)
    document_issuer = pw.CharField(max_length=300, default="")
    representative_name = pw.CharField(max_length=200, default="")
    representative_relation = pw.CharField(max_length=100, default="")
    representative_address = pw.CharField(max_length=300, default="")
    representative_document = pw.CharField(max_length=100, default="")
    representative_document_issued_on = pw.DateField(null=True)
    representative_document_issuer = pw.CharField(max_length=300, default="")
    authority_document = pw.CharField(max_length=300, default="")  # свидетельство о рождении, акт об опеке
    updated_at = pw.DateTimeField(default=dt.datetime.now)


class DocumentTemplate(BaseModel):
    """A school's edited copy of a built-in template (absent: the built-in one is used)."""
    organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    code = pw.CharField(max_length=40)
    content = pw.BlobField()
    filename = pw.CharField(max_length=200, default="")
    uploaded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    uploaded_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "code"), True),)


DRAFT, SIGNED = "draft", "signed"


class NormativeDocument(BaseModel):
    """One document of the school's normative package for a school year: its status, number and date
    once signed, and the signed scan."""
    organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    code = pw.CharField(max_length=40)
    school_year = pw.IntegerField()
    status = pw.CharField(max_length=20, default=DRAFT)
    number = pw.CharField(max_length=40, default="")
    signed_on = pw.DateField(null=True)
    scan = pw.BlobField(null=True)
    scan_name = pw.CharField(max_length=200, default="")
    scan_type = pw.CharField(max_length=100, default="")
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    updated_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "code", "school_year"), True),)
