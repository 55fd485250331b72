"""The database handle: one peewee proxy bound at start-up from DATABASE_URL."""
from __future__ import annotations

import time
from urllib.parse import urlparse

import peewee
from playhouse.db_url import connect, parse, parseresult_to_dict, schemes
from playhouse.pool import PooledSqliteDatabase

from webapp import data_version

database = peewee.DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
}


BEGIN_ATTEMPTS = 4  # each waits up to busy_timeout for the write lock


class ImmediateWrites:
    """SQLite whose transactions take the write lock at BEGIN (``BEGIN IMMEDIATE``).

    A deferred transaction that reads first and writes later cannot upgrade its lock once another
    connection has committed in between, and SQLite refuses it at once, ignoring busy_timeout.
    Taking the lock at the start makes concurrent writers queue for it instead. When even that
    wait runs out, BEGIN is retried a few times before the error reaches the user.
    """

    def __init__(self, database, **kwargs):
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database, **kwargs)

    def begin(self, lock_type=None):
        for attempt in range(BEGIN_ATTEMPTS):
            try:
                return super().begin(lock_type)
            except peewee.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == BEGIN_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))


class CountsWritesInDataVersion:
    """Counts committed writes in the ``data_version`` row (webapp/data_version.py): a transaction
    that wrote something pages show bumps it once, just before its COMMIT; a write outside any
    transaction bumps right after its statement. The page cache keys pages on that row."""

    _has_version_table = False

    def has_data_version(self) -> bool:
        """Is there a version table to count in? (Not before migration 20: then nothing is counted,
        and the page cache stays off.) Looked up until found, then remembered."""
        if not self._has_version_table:
            self._has_version_table = self.table_exists(data_version.TABLE)
        return self._has_version_table

    def execute_sql(self, sql, params=None):
        cursor = super().execute_sql(sql, params)
        if data_version.counts(sql) and self.has_data_version():
            if self.in_transaction():
                self._state.wrote = True
            else:
                self._bump()
        return cursor

    def _bump(self) -> None:
        super().execute_sql(*data_version.bump_statement(self.param))

    def commit(self):
        if getattr(self._state, "wrote", False):
            self._state.wrote = False
            self._bump()
        return super().commit()

    def rollback(self):
        self._state.wrote = False
        return super().rollback()


class SchoolSqliteDatabase(CountsWritesInDataVersion, ImmediateWrites, peewee.SqliteDatabase):
    pass


class PooledSchoolSqliteDatabase(CountsWritesInDataVersion, ImmediateWrites, PooledSqliteDatabase):
    pass


def _versioned(database_class):
    """``database_class`` (PostgreSQL's, pooled or not) counting its writes like ours for SQLite."""
    return type(f"Versioned{database_class.__name__}", (CountsWritesInDataVersion, database_class), {})


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


def _unicode_lower(value):
    return value.lower() if isinstance(value, str) else value


def _pooled(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return url if "+pool" in scheme else f"{scheme}+pool://{rest}"


def open_database(url: str, *, pool: bool = False) -> peewee.Database:
    """Connect to ``url`` (sqlite:///path or postgresql://...) with our settings.

    ``pool``: the web application keeps connections open in a pool (``close()`` hands one back),
    so a request does not pay for opening the database and setting its pragmas.
    """
    pool_args = {"max_connections": 32, "stale_timeout": 300} if pool else {}
    if pool:
        url = _pooled(url)
    if url.startswith("sqlite"):
        kind = PooledSchoolSqliteDatabase if pool else SchoolSqliteDatabase
        if pool:  # a pooled connection is handed to whichever thread asks next (one at a time)
            pool_args["check_same_thread"] = False
        db = kind(parse(url)["database"], pragmas=SQLITE_PRAGMAS, autoconnect=True, **pool_args)
        # SQLite's lower() and LIKE fold only ASCII; Russian names need Python's.
        db.register_function(_unicode_lower, "unicode_lower", 1, deterministic=True)
    else:
        parsed = urlparse(url)
        kwargs = parseresult_to_dict(parsed)
        if not kwargs.get("database"):
            db = connect(url, autoconnect=True, **pool_args)  # peewee's own message for a URL without a name
        else:
            db = _versioned(schemes[parsed.scheme])(autoconnect=True, **kwargs, **pool_args)
    return db


def bind(url: str, *, pool: bool = True) -> peewee.Database:
    db = open_database(url, pool=pool)
    database.initialize(db)
    return db


def release_all() -> None:
    """Really close every pooled connection (before copying or removing the database file)."""
    if hasattr(database.obj, "close_all"):
        database.obj.close_all()
    elif database.obj is not None and not database.is_closed():
        database.close()


def init_app(app) -> None:
    bind(app.config["DATABASE_URL"])

    @app.before_request
    def _connect():
        database.connect(reuse_if_open=True)

    @app.teardown_appcontext
    def _close(exc):
        if not database.is_closed():
            database.close()


def lower(expression):
    """Unicode lower-case of a column, on SQLite and PostgreSQL alike."""
    if isinstance(database.obj, peewee.SqliteDatabase):
        return peewee.fn.unicode_lower(expression)
    return peewee.fn.LOWER(expression)


def contains(expression, text: str):
    """Case-insensitive substring match that works for Cyrillic (peewee escapes % and _)."""
    return lower(expression).contains(text.lower())
