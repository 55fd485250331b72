"""Monitoring aggregates kept between requests, dropped as soon as the data under them changes.

Reading a school's monitoring answers is the costly part of every monitoring page. The cache keeps
what was read per organisation under a *fingerprint* of the data it came from — counts and latest
times of responses, pairs, assignments, questionnaire versions, revoked consents, term marks and
the school's first day of the year — which one
cheap query per table yields. Any write that could change a figure changes the fingerprint, so a
stale entry is never served; each worker process keeps its own small cache.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from collections import OrderedDict

import peewee as pw
from flask import g, has_request_context, request

from webapp.models import Assignment, Consent, MentoringGroup, Organisation, QuestionnaireVersion, Response, TermMark
from webapp.models.questionnaire import SUBMITTED

MAX_ENTRIES = 64


def fingerprint(organisation) -> tuple:
    org_id = organisation.id if hasattr(organisation, "id") else organisation
    submitted = pw.fn.SUM(pw.Case(None, ((Response.status == SUBMITTED, 1),), 0))
    responses = (Response.select(pw.fn.COUNT(Response.id), submitted, pw.fn.MAX(Response.updated_at))
                 .where(Response.organisation == org_id).tuples().get())
    active = pw.fn.SUM(pw.Case(None, ((MentoringGroup.status == "active", 1),), 0))
    groups = (MentoringGroup.select(pw.fn.COUNT(MentoringGroup.id), pw.fn.SUM(MentoringGroup.stage), active,
                                    pw.fn.MAX(MentoringGroup.ended_on))
              .where(MentoringGroup.organisation == org_id).tuples().get())
    assignments = Assignment.select(pw.fn.COUNT(Assignment.id), pw.fn.MAX(Assignment.id)).tuples().get()
    versions = (QuestionnaireVersion.select(pw.fn.COUNT(QuestionnaireVersion.id),
                                            pw.fn.MAX(QuestionnaireVersion.published_at)).tuples().get())
    revoked = (Consent.select(pw.fn.COUNT(Consent.revoked_at), pw.fn.MAX(Consent.revoked_at))
               .where(Consent.organisation == org_id).tuples().get())
    marks = (TermMark.select(pw.fn.COUNT(TermMark.id), pw.fn.MAX(TermMark.id), pw.fn.MAX(TermMark.imported_at))
             .where(TermMark.organisation == org_id).tuples().get())
    year_start = (Organisation.select(Organisation.year_start_month, Organisation.year_start_day)
                  .where(Organisation.id == org_id).tuples().get())
    return (org_id, *map(str, (*responses, *groups, *assignments, *versions, *revoked, *marks, *year_start)))


class KeptValues:
    """A small least-recently-used store of computed values, safe across threads."""

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: tuple, compute):
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_kept = KeptValues(MAX_ENTRIES)
_passing = threading.local()


@contextmanager
def passed_by():
    """Inside it, ``cached`` computes without fingerprinting or keeping: for a caller that keeps the whole
    result itself (the region's table reads a hundred schools once; their entries would only push others out)."""
    _passing.on = True
    try:
        yield
    finally:
        _passing.on = False


def _request_fingerprint(organisation) -> tuple:
    """The fingerprint, taken once per GET request: a monitoring page asks for 8–12 cached values and
    the seven queries of a fingerprint each time made most of its queries. A GET writes nothing, so
    the data cannot change under it; any other request (a POST that writes, then renders) or code
    outside a request takes a new fingerprint every time."""
    if not has_request_context() or request.method not in ("GET", "HEAD"):
        return fingerprint(organisation)
    org_id = organisation.id if hasattr(organisation, "id") else organisation
    taken = g.setdefault("_monitoring_fingerprints", {})
    if org_id not in taken:
        taken[org_id] = fingerprint(org_id)
    return taken[org_id]


def cached(name: str, organisation, compute):
    """``compute()`` once per fingerprint of the organisation's monitoring data."""
    if getattr(_passing, "on", False):
        return compute()
    return _kept.get_or_compute((name, _request_fingerprint(organisation)), compute)


def clear() -> None:
    _kept.clear()
