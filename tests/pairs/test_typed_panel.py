"""A refused action on a pair's page (htmx) comes back with what was typed, not an empty form."""
from __future__ import annotations

import datetime as dt

from tests.banks import builders
from tests.conftest import text
from webapp.models import MeetingLog

HX = {"HX-Request": "true"}


def test_a_refused_meeting_keeps_what_was_typed(as_coordinator, school):
    group = builders.pair(school["org"], school["mentor"], school["both"])
    outcome = "Договорились о плане: <три> встречи"
    reply = as_coordinator.post(f"/pairs/{group.id}/meetings", headers=HX,
                                data={"met_on": "не дата", "format": "remote", "duration_minutes": "45",
                                      "topic": "Знакомство", "outcome": outcome})
    page = text(reply)
    assert "<html" not in page and 'value="Знакомство"' in page
    assert 'value="Договорились о плане: &lt;три&gt; встречи"' in page
    assert MeetingLog.select().count() == 0


def test_a_saved_meeting_empties_the_form(as_coordinator, school):
    group = builders.pair(school["org"], school["mentor"], school["both"])
    page = text(as_coordinator.post(f"/pairs/{group.id}/meetings", headers=HX,
                                    data={"met_on": dt.date.today().isoformat(), "format": "remote", "duration_minutes": "45",
                                          "topic": "Знакомство", "outcome": ""}))
    assert 'id="topic" name="topic" maxlength="300" required value=""' in page and MeetingLog.select().count() == 1
