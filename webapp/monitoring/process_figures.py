"""Process indicators of a school year computed from what the product holds (nothing asked): the
share of plan items done on time, meetings per month from the journals, days from the request to the
pair, mentees left without a pair, pairs ended early and why, response rates."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import median

from webapp.models import (GroupMember, MeetingLog, PlanItem, Programme, Questionnaire, QuestionnaireVersion,
                           Response, UnpairedMentee)
from webapp.models.programme import DONE_ITEM
from webapp.models.questionnaire import MENTEE_REQUEST, SUBMITTED
from webapp.monitoring import dataset, statistics
from webapp.monitoring.assigning import PAIR_STAGES


@dataclass
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        """None for fewer than 5 in the whole: never a percentage of one person."""
        return round(100.0 * self.part / self.whole, 1) if self.whole >= 5 else None


@dataclass
class Process:
    pairs: int = 0
    plan_on_time: Share = field(default_factory=lambda: Share(0, 0))
    meetings_per_month: float | None = None
    days_to_pair: float | None = None  # median
    days_to_pair_n: int = 0
    without_pair: Share = field(default_factory=lambda: Share(0, 0))
    ended_early: Share = field(default_factory=lambda: Share(0, 0))
    early_reasons: list[str] = field(default_factory=list)
    rates: dict = field(default_factory=dict)


def _months(start: dt.date, end: dt.date) -> float:
    return max((end - start).days, 1) / 30.44


def compute(organisation, year, today: dt.date | None = None) -> Process:
    today = today or dt.date.today()
    groups = dataset.groups_of(organisation, year=year)
    result = Process(pairs=len(groups))
    ids = list(groups) or [0]
    items = list(PlanItem.select(PlanItem.deadline, PlanItem.status, PlanItem.done_on).join(Programme)
                 .where(Programme.group.in_(ids) & PlanItem.deadline.is_null(False)
                        & (PlanItem.deadline <= min(today, year.last_day))))
    result.plan_on_time = Share(sum(1 for i in items if i.status == DONE_ITEM
                                    and (i.done_on is None or i.done_on <= i.deadline)), len(items))
    meetings: dict[int, int] = {}
    for programme_group, count in (MeetingLog.select(Programme.group, MeetingLog.id).join(Programme)
                                   .where(Programme.group.in_(ids)).tuples()):
        meetings[programme_group] = meetings.get(programme_group, 0) + 1
    rates = [meetings.get(g.id, 0) / _months(g.started_on, min(g.ended_on or today, today, year.last_day))
             for g in groups.values() if g.started_on <= today]
    result.meetings_per_month = round(sum(rates) / len(rates), 2) if len(rates) >= 5 else None
    members = list(GroupMember.select(GroupMember.group, GroupMember.user).where(
        GroupMember.group.in_(ids) & (GroupMember.role == "mentee")))
    requests = dict(Response.select(Response.user, Response.submitted_at).join(QuestionnaireVersion)
                    .join(Questionnaire).where((Response.organisation == organisation)
                                               & (Questionnaire.purpose == MENTEE_REQUEST)
                                               & (Response.status == SUBMITTED)).tuples())
    waits = []
    for m in members:
        asked = requests.get(m.user_id)
        if asked is not None and asked.date() <= groups[m.group_id].started_on:  # a later request is a new one
            waits.append((groups[m.group_id].started_on - asked.date()).days)
    result.days_to_pair_n = len(waits)
    result.days_to_pair = float(median(waits)) if len(waits) >= 5 else None
    unpaired = (UnpairedMentee.select().where((UnpairedMentee.organisation == organisation)
                                              & UnpairedMentee.updated_at.between(
                                                  dt.datetime.combine(year.first_day, dt.time()),
                                                  dt.datetime.combine(year.last_day, dt.time(23, 59)))).count())
    paired_mentees = len({m.user_id for m in members})
    result.without_pair = Share(unpaired, unpaired + paired_mentees)
    early = [g for g in groups.values() if g.ended_on and g.planned_end_on and g.ended_on < g.planned_end_on]
    ended = [g for g in groups.values() if g.ended_on]
    result.ended_early = Share(len(early), len(ended))
    result.early_reasons = [g.end_reason for g in early if g.end_reason]
    observations = [o for o in dataset.observations(organisation, year=year) if o.stage in PAIR_STAGES]
    expected = [e for e in dataset.expected(organisation, year=year) if e.stage in PAIR_STAGES]
    result.rates = statistics.response_rates(expected, observations)
    return result
