"""Answers that refuse stale writes: each response counts its writes (``revision``), each answer
remembers the revision that wrote it (``version``), so a page or POST carrying an older version of
an answer the server has since changed is refused instead of saved over the newer answer. A refused
submit keeps what was typed, with its message, in the draft (``pending_json``) for the page the
browser is redirected to (post/redirect/get)."""
import peewee as pw
from playhouse.migrate import migrate

VERSION = 13


def upgrade(db, migrator):
    # nullable in the table: a NOT NULL column makes SQLite's migrator rebuild the table
    migrate(migrator.add_column("response", "revision", pw.IntegerField(default=0, null=True)),
            migrator.add_column("response", "pending_json", pw.TextField(null=True)),
            migrator.add_column("answer", "version", pw.IntegerField(default=0, null=True)))
