"""One school's figures of one school year, as raw counts the region adds up.

The monitoring indicators are the school's own (:mod:`webapp.monitoring.process_figures` and
:mod:`webapp.monitoring.statistics`); this module only gathers them per school as plain numbers. No
name, login or free-text answer leaves it: the monitoring observations are reduced to the 1–10
scores of the exit survey.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from matching.catalogue import FORMS, TYPES
from webapp.models import GroupMember, Questionnaire, QuestionnaireVersion, Response
from webapp.models.questionnaire import MENTEE_REQUEST, SUBMITTED
from webapp.monitoring import dataset, process_figures, statistics
from webapp.monitoring.school_year import SchoolYear, start_of

STAGES = (1, 2, 3, 4, 5)
FORM_KEYS = tuple(FORMS)
TYPE_KEYS = tuple(TYPES)
RATE_STAGES = ("entry", "mid", "exit")

#: Count columns, each a number of people (or of pairs, each made of people).
COUNT_KEYS = (("mentors", "mentees", "pairs") + tuple(f"form:{k}" for k in FORM_KEYS)
              + tuple(f"type:{k}" for k in TYPE_KEYS) + tuple(f"stage:{s}" for s in STAGES)
              + ("requests", "covered"))
#: (part, whole) counts behind the shares; kept, never shown as counts.
SHARE_PARTS = ("unpaired", "paired_or_unpaired", "plan_on_time", "plan_items", "ended_early", "ended",
               *(f"answered:{s}" for s in RATE_STAGES), *(f"asked:{s}" for s in RATE_STAGES))
#: Additive groups inside one row: the pairs by form, by type and by stage each sum to all pairs.
ROW_GROUPS = (("pairs", [f"form:{k}" for k in FORM_KEYS]), ("pairs", [f"type:{k}" for k in TYPE_KEYS]),
              ("pairs", [f"stage:{s}" for s in STAGES]))


@dataclass
class Figures:
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in COUNT_KEYS + SHARE_PARTS})
    scores: dict[str, list[int]] = field(default_factory=dict)  # exit survey item -> the 1–10 answers

    def add(self, other: "Figures") -> "Figures":
        for key, n in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + n
        for key, values in other.scores.items():
            self.scores.setdefault(key, []).extend(values)
        return self

    def item_stats(self) -> dict:
        """{item: statistics.ItemStat} over every answer gathered (the school's own computation)."""
        return {key: statistics.item_stat(values) for key, values in self.scores.items()}


def school_year(organisation, start_year: int) -> SchoolYear:
    return SchoolYear(start_year, *start_of(organisation))


def of_school(organisation, start_year: int) -> Figures:
    year = school_year(organisation, start_year)
    result = Figures()
    c = result.counts
    groups = dataset.groups_of(organisation, year=year)
    c["pairs"] = len(groups)
    for g in groups.values():
        if f"form:{g.form}" in c:
            c[f"form:{g.form}"] += 1
        if f"type:{g.kind}" in c:
            c[f"type:{g.kind}"] += 1
        stage = g.stage if g.stage in STAGES else 1
        c[f"stage:{stage}"] += 1
    # a pair of an unknown form or type (an old record) still sums up: count it with the first key
    c[f"form:{FORM_KEYS[0]}"] += len(groups) - sum(c[f"form:{k}"] for k in FORM_KEYS)
    c[f"type:{TYPE_KEYS[0]}"] += len(groups) - sum(c[f"type:{k}"] for k in TYPE_KEYS)
    mentees_in_pairs: set[int] = set()
    mentors_in_pairs: set[int] = set()
    if groups:
        for user_id, role in (GroupMember.select(GroupMember.user, GroupMember.role)
                              .where(GroupMember.group.in_(list(groups))).tuples()):
            (mentors_in_pairs if role == "mentor" else mentees_in_pairs).add(user_id)
    c["mentors"], c["mentees"] = len(mentors_in_pairs), len(mentees_in_pairs)
    requesters = {user_id for (user_id,) in (
        Response.select(pw.fn.DISTINCT(Response.user)).join(QuestionnaireVersion).join(Questionnaire)
        .where((Response.organisation == organisation) & (Questionnaire.purpose == MENTEE_REQUEST)
               & (Response.status == SUBMITTED)
               & Response.submitted_at.between(dt.datetime.combine(year.first_day, dt.time()),
                                               dt.datetime.combine(year.last_day, dt.time(23, 59, 59))))
        .tuples())}
    c["requests"] = len(requesters)
    c["covered"] = len(requesters & mentees_in_pairs)
    process = process_figures.compute(organisation, year)
    c["unpaired"], c["paired_or_unpaired"] = process.without_pair.part, process.without_pair.whole
    c["plan_on_time"], c["plan_items"] = process.plan_on_time.part, process.plan_on_time.whole
    c["ended_early"], c["ended"] = process.ended_early.part, process.ended_early.whole
    for stage in RATE_STAGES:
        rate = process.rates.get(stage)
        c[f"answered:{stage}"], c[f"asked:{stage}"] = (rate.answered, rate.asked) if rate else (0, 0)
    for o in dataset.observations(organisation, year=year):
        if o.stage == "exit":
            for key, value in o.scores.items():
                result.scores.setdefault(key, []).append(int(value))
    return result
