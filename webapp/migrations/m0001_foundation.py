"""Organisations, users and roles, audit, login failures, mentoring groups (schema as of v1)."""
import datetime as dt

import peewee as pw

VERSION = 1


class _Base(pw.Model):
    class Meta:
        legacy_table_names = False


class Organisation(_Base):
    name = pw.CharField(max_length=300)
    short_name = pw.CharField(max_length=120)
    kind = pw.CharField(max_length=20, default="school")
    head_name = pw.CharField(max_length=200, default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)


class User(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE")
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
    created_at = pw.DateTimeField(default=dt.datetime.now)
    last_login_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "account"
        indexes = ((("organisation", "full_name"), False),)


class UserRole(_Base):
    user = pw.ForeignKeyField(User, on_delete="CASCADE")
    role = pw.CharField(max_length=20)

    class Meta:
        indexes = ((("user", "role"), True),)


class LoginFailure(_Base):
    login = pw.CharField(max_length=64, index=True)
    address = pw.CharField(max_length=64, index=True)
    at = pw.DateTimeField(default=dt.datetime.now, index=True)


class AuditEvent(_Base):
    organisation = pw.ForeignKeyField(Organisation, null=True, on_delete="CASCADE")
    actor = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    action = pw.CharField(max_length=64)
    target = pw.CharField(max_length=200, default="")
    details = pw.TextField(default="")
    at = pw.DateTimeField(default=dt.datetime.now)


class MentoringGroup(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE")
    form = pw.CharField(max_length=40)
    kind = pw.CharField(max_length=40, default="traditional")
    stage = pw.IntegerField(default=1)
    status = pw.CharField(max_length=20, default="active")
    started_on = pw.DateField(default=dt.date.today)
    planned_end_on = pw.DateField(null=True)
    ended_on = pw.DateField(null=True)
    end_reason = pw.TextField(default="")
    order_number = pw.CharField(max_length=40, default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)


class GroupMember(_Base):
    group = pw.ForeignKeyField(MentoringGroup, on_delete="CASCADE")
    user = pw.ForeignKeyField(User, on_delete="CASCADE")
    role = pw.CharField(max_length=20)

    class Meta:
        indexes = ((("group", "user", "role"), True),)


MODELS = [Organisation, User, UserRole, LoginFailure, AuditEvent, MentoringGroup, GroupMember]


def upgrade(db, migrator):
    with db.bind_ctx(MODELS):
        db.create_tables(MODELS)
