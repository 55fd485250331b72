"""A user's chosen interface language (null: the school's default, Russian)."""
import peewee as pw
from playhouse.migrate import migrate

VERSION = 2


def upgrade(db, migrator):
    migrate(migrator.add_column("account", "locale", pw.CharField(max_length=5, null=True)))
