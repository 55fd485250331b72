"""A run cut off by a server restart does not stay «running» for ever."""
from __future__ import annotations

import datetime as dt

from tests.conftest import text
from webapp.models import MatchingRun
from webapp.models.pairing import FAILED, RUNNING
from webapp.pairing.run_status import ERROR_MESSAGES
from webapp.pairing.runs import STALE_AFTER


def test_a_stale_running_run_is_marked_failed_when_opened(coordinator, people, school):
    old = MatchingRun.create(organisation=school["org"], author=school["kurator"], status=RUNNING, step="Расчёт",
                             created_at=dt.datetime.now() - STALE_AFTER - dt.timedelta(minutes=1))
    fresh = MatchingRun.create(organisation=school["org"], author=school["kurator"], status=RUNNING, step="Расчёт")
    page = text(coordinator.get(f"/matching/runs/{old.id}"))
    assert ERROR_MESSAGES["interrupted"] in page
    assert MatchingRun.get_by_id(old.id).status == FAILED
    coordinator.get(f"/matching/runs/{fresh.id}")
    assert MatchingRun.get_by_id(fresh.id).status == RUNNING  # may still be working in a thread
