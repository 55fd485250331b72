"""Process indicators computed from stored data, against hand-computed values."""
from __future__ import annotations

import datetime as dt

from tests.factories import make_user
from tests.outcomes.conftest import submitted
from tests.programme_life.conftest import make_pair
from webapp.models import MeetingLog, MentoringGroup, PlanItem, Programme, UnpairedMentee
from webapp.models.questionnaire import MENTEE_REQUEST
from webapp.monitoring import process_figures, school_year


def test_process_indicators_by_hand(school):
    org = school["org"]
    year = school_year.of_start_year(org, 2025)
    groups = []
    for index in range(5):
        mentee = make_user(org, f"m{index}", ["mentee"], category="student")
        # requests 10, 20, 30, 40, 50 days before the pairs start on 1.10.2025 → median 30
        submitted(org, mentee, MENTEE_REQUEST, {"requests_student": {"low_results": "1"}, "goals": "Учиться"},
                  dt.datetime(2025, 10, 1, 12) - dt.timedelta(days=10 * (index + 1)))
        group = make_pair(org, school["mentor"], [mentee], form="student_student", status="ended")
        groups.append(group)
        programme = Programme.create(group=group)
        # two items due in the year: the first done on time, the second done late for pairs 0 and 1
        PlanItem.create(programme=programme, name="Первая встреча", deadline=dt.date(2025, 10, 10), status="done",
                        done_on=dt.date(2025, 10, 9))
        late = index < 2
        PlanItem.create(programme=programme, name="Проект", deadline=dt.date(2026, 3, 1), status="done",
                        done_on=dt.date(2026, 3, 5) if late else dt.date(2026, 2, 27))
        for day in range(index + 1):  # 1..5 meetings
            MeetingLog.create(programme=programme, met_on=dt.date(2025, 10, 2) + dt.timedelta(days=7 * day),
                              topic="Встреча")
    MentoringGroup.update(planned_end_on=dt.date(2026, 5, 25)).execute()
    MentoringGroup.update(ended_on=dt.date(2026, 2, 1), end_reason="переезд").where(
        MentoringGroup.id == groups[0].id).execute()
    UnpairedMentee.create(organisation=org, mentee=make_user(org, "alone", ["mentee"], category="student"),
                          code="no_mentor", updated_at=dt.datetime(2025, 11, 1))
    figures = process_figures.compute(org, year, today=dt.date(2026, 8, 1))
    assert figures.pairs == 5
    assert (figures.plan_on_time.part, figures.plan_on_time.whole) == (8, 10)
    assert figures.plan_on_time.percent == 80.0
    assert (figures.days_to_pair, figures.days_to_pair_n) == (30.0, 5)
    assert (figures.without_pair.part, figures.without_pair.whole) == (1, 6)
    assert (figures.ended_early.part, figures.ended_early.whole, figures.early_reasons) == (1, 5, ["переезд"])
    # meetings per month: pair 0 ran 1.10.2025–1.02.2026 (123 days), others to 25.05.2026 (236 days)
    months = [123 / 30.44] + [236 / 30.44] * 4
    expected = sum(n / m for n, m in zip([1, 2, 3, 4, 5], months)) / 5
    assert abs(figures.meetings_per_month - round(expected, 2)) < 1e-9


def test_small_groups_are_not_percentages(school):
    org = school["org"]
    make_pair(org, school["mentor"], [school["mentee"]], status="ended")
    figures = process_figures.compute(org, school_year.of_start_year(org, 2025), today=dt.date(2026, 8, 1))
    assert figures.pairs == 1 and figures.meetings_per_month is None and figures.ended_early.percent is None
