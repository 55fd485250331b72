"""Concurrent writers wait for SQLite's write lock instead of failing with «database is locked»."""
from __future__ import annotations

import threading

import peewee
import pytest

from webapp.db import database
from webapp.models import AuditEvent


def _sqlite_only():
    if not isinstance(database.obj, peewee.SqliteDatabase):
        pytest.skip("SQLite lock behaviour")


def test_a_transaction_that_reads_then_writes_does_not_lose_to_a_committing_neighbour(app, school):
    """The finding: a deferred transaction read, another connection committed, then its write was refused."""
    _sqlite_only()
    read_done, neighbour_started = threading.Event(), threading.Event()
    errors: list[Exception] = []

    def reader_then_writer():
        try:
            with app.app_context():
                with database.atomic():
                    AuditEvent.select().count()
                    read_done.set()
                    neighbour_started.wait(2)
                    threading.Event().wait(0.3)  # the neighbour commits now when nothing stops it
                    AuditEvent.create(action="first")
        except Exception as exc:  # noqa: BLE001 - the test collects what a user would have seen
            errors.append(exc)
        finally:
            database.close()

    def neighbour():
        try:
            read_done.wait(2)
            neighbour_started.set()
            with app.app_context():
                AuditEvent.create(action="second")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=reader_then_writer), threading.Thread(target=neighbour)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    assert {e.action for e in AuditEvent.select().where(AuditEvent.action.in_(["first", "second"]))} == {"first", "second"}


def test_twenty_threads_reading_and_writing_lose_nothing(app, school):
    errors: list[Exception] = []

    def worker(number):
        try:
            with app.app_context():
                for step in range(10):
                    with database.atomic():
                        AuditEvent.select().where(AuditEvent.target == f"w{number}").count()
                        AuditEvent.create(action="bench", target=f"w{number}", details=str(step))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert AuditEvent.select().where(AuditEvent.action == "bench").count() == 200
