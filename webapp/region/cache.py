"""The regional table kept between requests, under a fingerprint of everything its figures read.

Building the table reads every school's pairs and monitoring answers (seconds for a hundred schools);
the fingerprint is a dozen whole-table aggregates (counts, latest ids and times) plus the region's
schools, so any write that could change a figure makes a new key and a stale table is never served.
Each worker process keeps its own few tables, apart from the monitoring cache (a region's build fills
that one with a hundred schools' entries, which would push the table out).
"""
from __future__ import annotations

import peewee as pw

from webapp.models import (Answer, Assignment, Consent, GroupMember, MeetingLog, MentoringGroup, Organisation,
                           PlanItem, QuestionnaireVersion, Response, UnpairedMentee)
from webapp.monitoring import cache
from webapp.region import table


def _aggregates(model, *columns) -> tuple:
    return model.select(pw.fn.COUNT(model.id), *columns).tuples().get()


def fingerprint(region) -> tuple:
    submitted = pw.fn.SUM(pw.Case(None, ((Response.status == "submitted", 1),), 0))
    active = pw.fn.SUM(pw.Case(None, ((MentoringGroup.status == "active", 1),), 0))
    done = pw.fn.SUM(pw.Case(None, ((PlanItem.status == "done", 1),), 0))
    parts = [
        _aggregates(Response, pw.fn.MAX(Response.updated_at), submitted),
        _aggregates(MentoringGroup, pw.fn.SUM(MentoringGroup.stage), active, pw.fn.MAX(MentoringGroup.ended_on),
                    pw.fn.MAX(MentoringGroup.id)),
        _aggregates(GroupMember, pw.fn.MAX(GroupMember.id)),
        _aggregates(Assignment, pw.fn.MAX(Assignment.id)),
        _aggregates(Answer, pw.fn.MAX(Answer.id)),
        _aggregates(PlanItem, pw.fn.MAX(PlanItem.id), done),
        _aggregates(MeetingLog, pw.fn.MAX(MeetingLog.id)),
        _aggregates(UnpairedMentee, pw.fn.MAX(UnpairedMentee.updated_at)),
        _aggregates(QuestionnaireVersion, pw.fn.MAX(QuestionnaireVersion.published_at)),
        Consent.select(pw.fn.COUNT(Consent.revoked_at), pw.fn.MAX(Consent.revoked_at)).tuples().get(),
        tuple(table.schools_of(region).select(Organisation.id, Organisation.short_name, Organisation.municipality,
                                              Organisation.year_start_month, Organisation.year_start_day).tuples()),
    ]
    return tuple(str(p) for p in parts)


_kept = cache.KeptValues(8)


def region_table(region, start_year: int) -> table.RegionTable:
    return _kept.get_or_compute((region.id, start_year, fingerprint(region)), lambda: table.build(region, start_year))
