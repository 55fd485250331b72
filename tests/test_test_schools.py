"""The two schools most tests use are made once per run and read back from a copy (tests/conftest.py
``school``): what is read back must be exactly what ``make_school()`` returns."""
from tests.factories import make_school, school_in_database


def test_the_schools_read_back_are_the_schools_made(app):
    made = make_school()
    assert {key: (type(row).__name__, row.id) for key, row in school_in_database().items()} == \
        {key: (type(row).__name__, row.id) for key, row in made.items()}


def test_a_test_of_the_schools_gets_the_schools(school):
    assert school["kurator"].has_role("coordinator") and school["other_mentee"].organisation_id == school["other_org"].id
    assert school["org"].curator_id == school["kurator"].id
