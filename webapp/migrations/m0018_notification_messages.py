"""Notifications keep their message as a code: the Russian message id and its parameters, so each
reader sees it in their own language (the stored ``text`` stays as written for e-mail and for
notifications made before this version)."""
import peewee as pw
from playhouse.migrate import migrate

VERSION = 18


def upgrade(db, migrator):
    # nullable in the table: a NOT NULL column makes SQLite's migrator rebuild the table
    migrate(migrator.add_column("notification", "message", pw.TextField(null=True)),
            migrator.add_column("notification", "params_json", pw.TextField(null=True)))
