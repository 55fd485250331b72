"""The queue's storage: huey's SQL storage on the application's own peewee database.

One school needs nothing beyond its SQLite file; a region's PostgreSQL carries the queue for every
app server and worker (``FOR UPDATE SKIP LOCKED`` lets several workers take tasks at once). The
tables are created by migration 16, named ``huey_*`` so they cannot meet ours.
"""
from __future__ import annotations

import peewee as pw
from huey import Huey
from huey.contrib.sql_huey import SqlStorage

QUEUE_NAME = "nastavnik"


class SchoolQueueStorage(SqlStorage):
    def create_models(self):
        models = super().create_models()
        for model in models:
            model._meta.table_name = f"huey_{model._meta.table_name}"
            del model._meta.table  # built already (huey adds an index): rebuilt under the new name
        return models


def make_queue(db: pw.Database) -> Huey:
    """The queue on ``db``: no result store (state lives in BackgroundTask), times in UTC."""
    return Huey(QUEUE_NAME, results=False, utc=True, storage_class=SchoolQueueStorage, database=db,
                create_tables=False)
