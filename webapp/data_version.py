"""The data version: one number (with a random stamp) that changes with every committed transaction
that writes something pages show, kept in the database (table ``data_version``, migration 20).

The database classes of webapp/db.py call :func:`wrote` for every statement they run, so writes by
requests, background tasks, commands, other server processes and other servers all count, whatever
code made them. The number goes up inside the writing transaction itself (just before COMMIT), so a
reader never sees the new version before the new data. A write outside a transaction (autocommit)
bumps right after its statement.

Writes that change nothing a page shows are left out, or every request would invalidate every page:
the task queue's own tables, workers' heartbeats, failed log-ins, the audit log (only a person's
detail page, never cached, shows it), a sign-in's time, a running task's heartbeat and progress.
"""
from __future__ import annotations

import re
import secrets

TABLE = "data_version"

#: tables whose writes never change a cached page
IGNORED_TABLES = frozenset({TABLE, "task_worker", "login_failure", "audit_event", "schema_version"})
IGNORED_PREFIXES = ("huey_",)  # the task queue's storage (webapp/tasks/storage.py)
#: columns whose updates alone never change a cached page, per table
IGNORED_COLUMNS = {
    "account": frozenset({"last_login_at"}),
    "background_task": frozenset({"heartbeat_at", "progress", "step"}),
}

_WRITE = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)'
                    r'\s+"?(\w+)"?', re.IGNORECASE)
_SET = re.compile(r'\sSET\s(.*?)(?:\sWHERE\s|$)', re.IGNORECASE | re.DOTALL)
_ASSIGNED = re.compile(r'"?(\w+)"?\s*=')
_WRITE_WORDS = re.compile(r'\b(INSERT|UPDATE|DELETE|REPLACE)\b', re.IGNORECASE)


def counts(sql: str) -> bool:
    """Does this statement write something a page may show?"""
    head = sql.lstrip()[:7].upper()
    if head.startswith(("SELECT", "PRAGMA", "SAVEPOI", "RELEASE", "BEGIN", "COMMIT", "ROLLBAC", "CREATE",
                        "ALTER", "DROP", "EXPLAIN", "VACUUM", "ANALYZE", "SET ", "SHOW")):
        return False
    found = _WRITE.match(sql)
    if found is None:
        # a CTE (WITH ... INSERT/UPDATE/DELETE) or another shape: count it when it may write
        return head.startswith("WITH") and bool(_WRITE_WORDS.search(sql))
    table = found.group(1).lower()
    if table in IGNORED_TABLES or table.startswith(IGNORED_PREFIXES):
        return False
    ignored = IGNORED_COLUMNS.get(table)
    if ignored and found.group(0).lstrip().upper().startswith("UPDATE"):
        assignments = _SET.search(sql)
        if assignments:
            columns = {c.lower() for c in _ASSIGNED.findall(assignments.group(1))}
            if columns and columns <= ignored:
                return False
    return True


def bump_statement(param: str) -> tuple[str, tuple]:
    return (f"UPDATE {TABLE} SET version = version + 1, stamp = {param} WHERE id = 1",
            (secrets.token_hex(8),))


def read(db) -> tuple[int, str] | None:
    """The current (version, stamp), or None when the database has no version table yet."""
    if not db.has_data_version():
        return None
    return tuple(db.execute_sql(f"SELECT version, stamp FROM {TABLE} WHERE id = 1").fetchone() or ()) or None
