"""School years: boundaries, the organisation's own first day, the year filter."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import text
from tests.factories import PASSWORD
from tests.programme_life.conftest import answer, make_pair
from webapp.models import MentoringGroup
from webapp.monitoring import dataset, school_year
from webapp.monitoring.school_year import SchoolYearError


def test_default_boundaries_are_1_september_to_31_august(school):
    org = school["org"]
    year = school_year.year_of(org, dt.date(2026, 8, 31))
    assert (year.start_year, year.first_day, year.last_day, year.label) == (
        2025, dt.date(2025, 9, 1), dt.date(2026, 8, 31), "2025/2026")
    assert school_year.year_of(org, dt.date(2026, 9, 1)).start_year == 2026


def test_the_schools_own_first_day(school):
    org = school["org"]
    org.year_start_month, org.year_start_day = 8, 15  # the requisite the documents area sets too
    org.save()
    assert school_year.year_of(org, dt.date(2026, 8, 15)).start_year == 2026
    assert school_year.year_of(org, dt.date(2026, 8, 14)).last_day == dt.date(2026, 8, 14)
    for bad in ("13-01", "02-30", "abc", "02-29"):
        with pytest.raises(SchoolYearError):
            school_year.parse_start(bad)


def test_the_year_filter_excludes_other_years(school, as_coordinator):
    org = school["org"]
    this = make_pair(org, school["mentor"], [school["mentee"]], status="ended")  # started 1.10.2025
    old = make_pair(org, school["mentor"], [school["both"]], status="ended")
    MentoringGroup.update(started_on=dt.date(2024, 10, 1), ended_on=dt.date(2025, 5, 20)).where(
        MentoringGroup.id == old.id).execute()
    answer(this, school["mentee"], "mentee", "entry", {"comfort": 3})
    answer(old, school["both"], "mentee", "entry", {"comfort": 9})
    y2025 = school_year.of_start_year(org, 2025)
    y2024 = school_year.of_start_year(org, 2024)
    assert {o.group_id for o in dataset.observations(org, year=y2025)} == {this.id}
    assert {o.group_id for o in dataset.observations(org, year=y2024)} == {old.id}
    assert {e.group_id for e in dataset.expected(org, year=y2024)} == {old.id}
    page = text(as_coordinator.get("/monitoring?year=2024"))
    assert "2024/2025" in page and f"/monitoring/pairs/{old.id}" in page and f"/monitoring/pairs/{this.id}" not in page
    page = text(as_coordinator.get("/monitoring?year=2025"))
    assert f"/monitoring/pairs/{this.id}" in page and f"/monitoring/pairs/{old.id}" not in page
    assert "Сравнение с прошлым учебным годом" in page
    # an unknown or forged year falls back to a year the school has
    assert as_coordinator.get("/monitoring?year=1900").status_code == 200
    assert as_coordinator.get("/monitoring/outcomes?year=abc").status_code == 200


def test_coordinator_sets_the_first_day(school, as_coordinator):
    org = school["org"]
    response = as_coordinator.post("/monitoring/school-year", data={"start": "08-20"})
    assert response.status_code == 303
    org = type(org).get_by_id(org.id)
    assert (org.year_start_month, org.year_start_day) == (8, 20)
    assert "Учебный год начинается 20.08." in text(as_coordinator.get("/monitoring"))
    for bad, message in (("13-01", "ММ-ДД"), ("abc", "ММ-ДД"), ("2025-09-01", "Не длиннее 5 символов"),
                         ("02-29", "ММ-ДД")):
        page = text(as_coordinator.post("/monitoring/school-year", data={"start": bad}, follow_redirects=True))
        assert message in page and f'value="{bad}"' in page  # the refused value is there to correct
        stored = type(org).get_by_id(org.id)
        assert (stored.year_start_month, stored.year_start_day) == (8, 20)  # nothing lost
    as_coordinator.post("/monitoring/school-year", data={"start": ""})
    stored = type(org).get_by_id(org.id)
    assert (stored.year_start_month, stored.year_start_day) == (9, 1)  # back to 1 September


def test_only_staff_set_the_first_day_and_csrf_is_required(school, client, auth, make_app):
    auth.login("mentor")
    assert client.post("/monitoring/school-year", data={"start": "08-20"}).status_code == 403
    protected = make_app(WTF_CSRF_ENABLED=True).test_client()
    token = text(protected.get("/login")).split('name="csrf_token" value="')[1].split('"')[0]
    protected.post("/login", data={"login": "kurator", "password": PASSWORD, "csrf_token": token})
    response = protected.post("/monitoring/school-year", data={"start": "08-20"})
    assert response.status_code == 400
    stored = type(school["org"]).get_by_id(school["org"].id)
    assert (stored.year_start_month, stored.year_start_day) == (9, 1)
