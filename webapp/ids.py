"""Record ids from URLs and forms: whole numbers in the range a database column holds.

A forged id such as 99999999999999999999 must read as "no such record" (404), never reach the
database (SQLite and PostgreSQL refuse integers that large with an error).
"""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


def parse_id(raw) -> int | None:
    """``raw`` as a record id, or None when it is not one."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    else:
        text = str(raw or "").strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 10:
            return None
        value = int(text)
    return value if 1 <= value <= MAX_ID else None


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` in routes: a number past MAX_ID matches no route, so the answer is 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def ids_or_404(raws) -> list[int]:
    """Every value of a multi-valued field as an id; one forged value answers 404."""
    from flask import abort
    ids = [parse_id(raw) for raw in raws]
    if any(i is None for i in ids):
        abort(404)
    return ids
