"""The long lists make the same number of queries however many people a page shows (no N+1)."""
from __future__ import annotations

import logging

import pytest

from tests.banks.builders import consent
from tests.factories import make_user


class QueryRecorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record):
        self.sql.append(str(record.msg[0]) if isinstance(record.msg, tuple) else str(record.msg))


def _sql(client, url) -> list[str]:
    """The SQL of the queries a GET of ``url`` makes."""
    logger = logging.getLogger("peewee")
    recorder = QueryRecorder()
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(recorder)
    try:
        assert client.get(url).status_code == 200
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(old_level)
    return recorder.sql


def _queries(client, url) -> int:
    return len(_sql(client, url))


@pytest.fixture
def coordinator(as_coordinator):
    """Signed in, with the session's CSRF token made by a first page: the pages measured then take the
    same path (a page-cache miss: the data changed in between), whichever is measured first."""
    assert as_coordinator.get("/dashboard").status_code == 200
    return as_coordinator


def _add_mentees(school, n, start):
    for i in range(start, start + n):
        user = make_user(school["org"], f"pupil{i:03d}", ["mentee"], full_name=f"Ученик {i:03d}",
                         category="student", class_name="6А")
        consent(user, representative="Родитель Ученика", relation="мать")


@pytest.mark.parametrize("url", ["/users?class_name=6А", "/banks/mentees?class_name=6А"])
def test_list_queries_do_not_grow_with_the_page(coordinator, school, url):
    _add_mentees(school, 3, 0)
    few = _queries(coordinator, url)
    _add_mentees(school, 15, 3)
    many = _queries(coordinator, url)
    assert few > 3 and many == few, f"{url}: {few} queries for 3 people, {many} for 18"


def _add_pairs(school, n, start):
    from webapp.models import GroupMember, MentoringGroup
    for i in range(start, start + n):
        mentee = make_user(school["org"], f"paired{i:03d}", ["mentee"], full_name=f"Подопечный {i:03d}",
                           category="student", class_name="7А")
        group = MentoringGroup.create(organisation=school["org"], form="student_student")
        GroupMember.create(group=group, user=school["mentor"], role="mentor")
        GroupMember.create(group=group, user=mentee, role="mentee")


def test_pairs_list_queries_do_not_grow(coordinator, school):
    _add_pairs(school, 2, 0)
    few = _queries(coordinator, "/pairs")
    _add_pairs(school, 12, 2)
    many = _queries(coordinator, "/pairs")
    assert few > 2 and many == few, f"/pairs: {few} queries for 2 pairs, {many} for 14"


def test_the_signed_in_person_comes_with_their_organisation_in_one_query(coordinator):
    """Nearly every page reads the person's organisation (the header, every list's scope): it is loaded with
    the person, not by a query of its own on each request."""
    seen = _sql(coordinator, "/password")
    assert any('FROM "account"' in sql and 'JOIN "organisation"' in sql for sql in seen), seen
    assert not any(sql.startswith('SELECT') and 'FROM "organisation"' in sql for sql in seen), seen
