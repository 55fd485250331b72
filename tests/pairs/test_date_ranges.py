"""A pair's dates stay within the school years the product knows; far dates are refused with a message."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import text
from tests.pairs.test_programmes import pair  # noqa: F401 - fixture
from webapp.models import MentoringGroup


@pytest.mark.parametrize("field,value", [("started_on", "9999-12-31"), ("started_on", "0001-01-01"),
                                         ("planned_end_on", "9999-12-31"), ("started_on", "31.12.1999")])
def test_far_pair_dates_are_refused_and_pages_still_open(pair, coordinator, field, value):  # noqa: F811
    data = {"form": "teacher_teacher", "kind": "traditional", "started_on": "2025-09-01", "planned_end_on": "2026-05-31"}
    data[field] = value
    response = coordinator.post(f"/pairs/{pair.id}/details", data=data, follow_redirects=True)
    assert "Дата должна быть не раньше 01.01.2000" in text(response)
    group = MentoringGroup.get_by_id(pair.id)
    assert group.started_on.year < 9999 and (group.planned_end_on is None or group.planned_end_on.year < 9999)
    assert coordinator.get(f"/pairs/{pair.id}").status_code == 200
    assert coordinator.get(f"/pairs/{pair.id}/programme.docx").status_code == 200


def test_sensible_dates_are_kept(pair, coordinator):  # noqa: F811
    response = coordinator.post(f"/pairs/{pair.id}/details", data={
        "form": "teacher_teacher", "kind": "traditional", "started_on": "2025-09-01", "planned_end_on": "2026-05-31"})
    assert response.status_code in (200, 303)
    assert MentoringGroup.get_by_id(pair.id).planned_end_on == dt.date(2026, 5, 31)


def test_far_meeting_and_plan_dates_are_refused(pair, coordinator):  # noqa: F811
    for url, data in ((f"/pairs/{pair.id}/meetings", {"met_on": "9999-12-31", "topic": "Встреча"}),
                      (f"/pairs/{pair.id}/plan", {"title": "Пункт", "deadline": "9999-12-31"})):
        response = coordinator.post(url, data=data, follow_redirects=True)
        assert response.status_code < 500
        assert "Дата должна быть не раньше 01.01.2000" in text(response), url
