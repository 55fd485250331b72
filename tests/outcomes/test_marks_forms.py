"""The marks import's column step and the hand-entered mark, read through their WTForms forms: a column
that is not one of the file's, a forged «confirm», a student id that is not an id — a Russian message,
nothing stored, what was typed kept."""
from __future__ import annotations

from tests.conftest import text
from tests.factories import make_user
from tests.outcomes.test_marks_import import CSV, _token, _upload
from webapp.models import TermMark


def test_columns_that_are_not_the_files_are_refused(school, as_coordinator):
    make_user(school["org"], "petrov", ["mentee"], full_name="Петров Пётр", category="student")
    token = _token(text(_upload(as_coordinator, "journal.csv", CSV.encode())))
    good = {"token": token, "person": "0", "subject": "2", "mark": "3", "moment": "before"}
    for changes in ({"person": "17"}, {"subject": "x" * 5000}, {"mark": ""}, {"moment": "never"}):
        reply = as_coordinator.post("/monitoring/marks/import?year=2025", data={**good, **changes, "confirm": "1"})
        assert reply.status_code == 400 and "Шаг 2" in text(reply), changes
    assert TermMark.select().count() == 0
    # «confirm» other than a yes only checks the rows
    page = text(as_coordinator.post("/monitoring/marks/import?year=2025", data={**good, "confirm": "false"}))
    assert "Без ошибок: 2" in page and TermMark.select().count() == 0
    page = text(as_coordinator.post("/monitoring/marks/import?year=2025", data={**good, "confirm": "1"}))
    assert "Загружено отметок: 2." in page and TermMark.select().count() == 2


def test_a_student_that_is_not_an_id_keeps_the_typed_mark(school, as_coordinator):
    from tests.programme_life.conftest import make_pair
    student = make_user(school["org"], "petrov", ["mentee"], full_name="Петров Пётр", category="student")
    make_pair(school["org"], school["mentor"], [student], form="student_student")
    good = {"student": str(student.id), "subject": "Алгебра", "mark": "4", "moment": "after"}
    for forged in ("", "9" * 20, "1" * 5000, "-3", " "):
        reply = as_coordinator.post("/monitoring/marks/entry?year=2025", data={**good, "student": forged},
                                    follow_redirects=True)
        page = text(reply)
        assert reply.status_code == 200 and "Выберите ученика из наставляемых этого учебного года." in page
        assert 'value="Алгебра"' in page, forged
    assert TermMark.select().count() == 0
