"""The regional table of a school year, built once and shared: in the database (``RegionSnapshot``, JSON)
under a fingerprint of everything its figures read, and in each process's memory.

Building the table reads every school's pairs and monitoring answers (seconds for a hundred schools);
the fingerprint is a dozen whole-table aggregates (counts, latest ids and times) plus the region's
schools, so any write that could change a figure makes a new key. In a live region some school writes
every few seconds, so the dashboard does not build in the request: it shows the last build with its
time, marked as being recalculated, and a worker rebuilds it (task kind ``region_snapshot``, one task per
fingerprint). The first build of a year, or one no worker has taken for ``STUCK_AFTER``, is built in the
request. The exports (``region_table``) always use the current figures.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import peewee as pw

from webapp.db import database
from webapp.models import (Answer, Assignment, Consent, GroupMember, MeetingLog, MentoringGroup, Organisation,
                           PlanItem, QuestionnaireVersion, Region, RegionSnapshot, Response, UnpairedMentee)
from webapp.monitoring import cache
from webapp.region import table
from webapp.region.suppression import Cell

REBUILD_KIND = "region_snapshot"
STUCK_AFTER = dt.timedelta(minutes=2)  # a rebuild no worker has taken by then is built in the request


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


@dataclass
class Shown:
    """What the dashboard shows: the table, when it was built, and whether newer data is being counted."""
    table: table.RegionTable
    built_at: dt.datetime
    recalculating: bool = False


def region_table(region, start_year: int) -> table.RegionTable:
    """The table of the current data (the exports and the report task use it)."""
    mark = _mark(fingerprint(region))
    return _kept.get_or_compute((region.id, start_year, mark), lambda: _stored_or_built(region, start_year, mark))


def shown_table(region, start_year: int) -> Shown:
    """The dashboard's table: the current one when it is ready, else the last build while a worker counts anew."""
    mark = _mark(fingerprint(region))
    snapshot = RegionSnapshot.get_or_none((RegionSnapshot.region == region) & (RegionSnapshot.start_year == start_year))
    if snapshot is None or snapshot.fingerprint == mark or _rebuild_stuck(region, start_year, mark):
        built = region_table(region, start_year)
        when = snapshot.built_at if snapshot is not None and snapshot.fingerprint == mark else dt.datetime.now()
        return Shown(built, when)
    return Shown(from_json(snapshot.data), snapshot.built_at, recalculating=True)


def rebuild(region, start_year: int) -> table.RegionTable:
    """Build the table from the current data and store it (a worker's task, or the first request)."""
    mark = _mark(fingerprint(region))  # taken before: a write during the build leaves the stored table stale
    built = table.build(region, start_year)
    _store(region, start_year, mark, built)
    return built


def _stored_or_built(region, start_year: int, mark: str) -> table.RegionTable:
    snapshot = RegionSnapshot.get_or_none((RegionSnapshot.region == region) & (RegionSnapshot.start_year == start_year))
    if snapshot is not None and snapshot.fingerprint == mark:
        return from_json(snapshot.data)
    built = table.build(region, start_year)
    _store(region, start_year, mark, built)
    return built


def _store(region, start_year: int, mark: str, built: table.RegionTable) -> None:
    values = dict(fingerprint=mark, data=to_json(built), built_at=dt.datetime.now())
    try:
        with database.atomic():
            updated = (RegionSnapshot.update(**values).where((RegionSnapshot.region == region)
                                                             & (RegionSnapshot.start_year == start_year)).execute())
            if not updated:
                RegionSnapshot.create(region=region, start_year=start_year, **values)
    except pw.IntegrityError:  # another server stored the same year at the same moment: theirs stands
        pass


def _rebuild_stuck(region, start_year: int, mark: str) -> bool:
    """Queue the rebuild of this data (once per fingerprint); True when no worker has taken it in time."""
    from webapp.tasks import lifecycle
    key = hashlib.md5(f"{REBUILD_KIND}:{region.id}:{start_year}:{mark}".encode()).hexdigest()
    task, _made = lifecycle.submit(REBUILD_KIND, request_key=key, target_id=region.id,
                                   params={"region": region.id, "year": start_year})
    return task.status == "queued" and task.created_at < dt.datetime.now() - STUCK_AFTER


def _mark(parts: tuple) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def to_json(built: table.RegionTable) -> str:
    return json.dumps({"start_year": built.start_year, "items": built.items,
                       "rows": [{"kind": r.kind, "label": r.label, "municipality": r.municipality,
                                 "school_id": r.school_id,
                                 "cells": {k: [c.value, c.hidden] for k, c in r.cells.items()}} for r in built.rows]},
                      ensure_ascii=False)


def from_json(text: str) -> table.RegionTable:
    data = json.loads(text)
    rows = [table.Row(r["kind"], r["label"], r["municipality"], r["school_id"],
                      {k: Cell(value, hidden) for k, (value, hidden) in r["cells"].items()}) for r in data["rows"]]
    return table.RegionTable(data["start_year"], rows, data["items"])


def run_rebuild(task, progress) -> str:
    """The ``region_snapshot`` task: rebuild a year's table for every server to show."""
    region = Region.get_or_none(Region.id == task.params.get("region"))
    year = task.params.get("year")
    if region is not None and isinstance(year, int):
        progress(10, "building")
        rebuild(region, year)
    return ""
