"""The courses a mentor has taken are visible in the bank of mentors when choosing mentors."""
from __future__ import annotations

import datetime as dt

from tests.banks.builders import consent
from tests.conftest import text
from webapp.models import TrainingCourse


def test_bank_of_mentors_shows_training(as_coordinator, school):
    consent(school["mentor"])
    TrainingCourse.create(organisation=school["org"], user=school["mentor"], name="Наставничество в школе",
                          organiser="ИРО", started_on=dt.date(2025, 3, 1), ended_on=dt.date(2025, 3, 20), hours=36)
    page = text(as_coordinator.get("/banks/mentors"))
    assert "Обучение наставников" in page and "Наставничество в школе (36 ч)" in page
    assert "Обучение наставников" not in text(as_coordinator.get("/banks/mentees"))
