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
from collections import OrderedDict

import peewee as pw

from webapp.models import Assignment, Consent, MentoringGroup, Organisation, QuestionnaireVersion, Response, TermMark
from webapp.models.questionnaire import SUBMITTED

MAX_ENTRIES = 64
_entries: OrderedDict = OrderedDict()
_lock = threading.Lock()


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


def cached(name: str, organisation, compute):
    """``compute()`` once per fingerprint of the organisation's monitoring data."""
    return cached_under((name, fingerprint(organisation)), compute)


def cached_under(key: tuple, compute):
    """``compute()`` once per ``key``, a fingerprint the caller made (the region's figures use it)."""
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            return _entries[key]
    value = compute()
    with _lock:
        _entries[key] = value
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _entries.clear()
