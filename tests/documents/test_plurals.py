"""Numbers with nouns: Russian forms without any compiled catalogue, English through the catalogue,
on the dashboard and in the CLI."""
from __future__ import annotations

import pytest

from tests.conftest import text
from webapp.plurals import plural

CASES = [(1, "1 наставник"), (2, "2 наставника"), (5, "5 наставников"), (11, "11 наставников"),
         (21, "21 наставник"), (22, "22 наставника"), (25, "25 наставников"), (111, "111 наставников")]


@pytest.mark.parametrize("number,expected", CASES)
def test_russian_forms_need_no_catalogue(number, expected):
    assert plural(number, "%(num)d наставник", "%(num)d наставника", "%(num)d наставников") == expected


@pytest.mark.parametrize("number,expected", [(1, "1 пара или группа"), (2, "2 пары или группы"),
                                             (5, "5 пар или групп"), (11, "11 пар или групп"),
                                             (21, "21 пара или группа"), (22, "22 пары или группы"),
                                             (25, "25 пар или групп"), (111, "111 пар или групп")])
def test_pairs(app, number, expected):
    with app.test_request_context("/"):
        assert plural(number, "%(num)d пара или группа", "%(num)d пары или группы", "%(num)d пар или групп") \
            == expected


@pytest.mark.parametrize("number,expected", [(1, "mentor"), (2, "mentors"), (5, "mentors"), (21, "mentors")])
def test_english_comes_from_the_catalogue(app, number, expected):
    with app.test_request_context("/"):
        from flask import session
        from flask_babel import refresh
        session["lang"] = "en"
        refresh()
        assert plural(number, "наставник", "наставника", "наставников") == expected


def test_the_dashboard_agrees_numbers_with_nouns(client, auth, school):
    auth.login("kurator")
    page = text(client.get("/dashboard"))
    # the test school: 2 mentors (mentor, both), 2 mentees (mentee, both), no pairs
    assert '<strong data-count="mentors">2</strong> наставника' in page
    assert '<strong data-count="pairs">0</strong> пар или групп' in page
