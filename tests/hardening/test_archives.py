"""Zip bombs: an upload or an import never inflates more than the limits allow.

Each bomb is a small generated file that would inflate to 160 MB; the peak of Python's
allocations while the app handles it must stay well under 100 MB above the baseline.
"""
from __future__ import annotations

import tracemalloc
from io import BytesIO

import pytest

from tests.conftest import text
from tests.hardening import bombs
from webapp import archives
from webapp.models import Practice, User
from webapp.practices import uploads

LIMIT = 100 * bombs.MB


def peak_above_baseline(action):
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline = tracemalloc.get_traced_memory()[0]
        result = action()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak - baseline


def test_limits_are_read_from_the_central_directory():
    with pytest.raises(archives.ArchiveRejected) as error:
        archives.open_checked(bombs.odt_bomb())
    assert error.value.code in ("member_too_large", "ratio")
    with pytest.raises(archives.ArchiveRejected) as error:
        archives.open_checked(bombs.many_members())
    assert error.value.code == "too_many_members"
    with pytest.raises(archives.ArchiveRejected) as error:
        archives.open_checked(b"PK\x03\x04 not really")
    assert error.value.code == "not_zip"


def test_a_member_is_read_with_a_cap_even_when_its_declared_size_lies():
    liar = bombs.lying_sizes(bombs.odt_bomb(40 * bombs.MB))
    def read():
        with archives.open_checked(liar) as archive:
            return archives.read_member(archive, "mimetype", cap=200)
    data, peak = peak_above_baseline(read)
    assert data is None or len(data) <= 200
    assert peak < LIMIT


def _propose(client, name, content):
    return client.post("/practices/new", content_type="multipart/form-data", data={
        "title": "Практика", "description": "", "form": "", "authors_text": "", "tags": "",
        "files": [(BytesIO(content), name)]})


@pytest.mark.parametrize("name,make", [("bomb.odt", bombs.odt_bomb), ("bomb.xlsx", bombs.xlsx_bomb),
                                       ("parts.docx", bombs.many_members)])
def test_a_mentee_uploading_a_bomb_gets_a_clear_refusal(client, auth, school, name, make):
    content = make()
    assert len(content) < 1024 * 1024
    auth.login("mentee")
    response, peak = peak_above_baseline(lambda: _propose(client, name, content))
    assert response.status_code == 400
    assert "распаковывается в слишком большой объём" in text(response)
    assert peak < LIMIT, peak
    assert Practice.select().count() == 0


def test_a_bomb_with_forged_sizes_is_not_inflated_by_the_type_check():
    liar = bombs.lying_sizes(bombs.odt_bomb())
    matches, peak = peak_above_baseline(lambda: uploads.content_matches("odt", liar))
    assert matches is False
    assert peak < LIMIT, peak


def test_an_xlsx_import_bomb_is_refused(as_coordinator):
    content = bombs.xlsx_bomb()
    response, peak = peak_above_baseline(lambda: as_coordinator.post(
        "/users/import", data={"file": (BytesIO(content), "people.xlsx")}, content_type="multipart/form-data"))
    assert response.status_code == 400
    assert "распаковывается в слишком большой объём" in text(response)
    assert peak < LIMIT, peak


def test_an_xlsx_import_bomb_with_forged_sizes_stays_small(as_coordinator):
    before = User.select().count()
    content = bombs.lying_sizes(bombs.xlsx_bomb())
    response, peak = peak_above_baseline(lambda: as_coordinator.post(
        "/users/import", data={"file": (BytesIO(content), "people.xlsx")}, content_type="multipart/form-data"))
    assert response.status_code in (200, 400)
    assert peak < LIMIT, peak
    assert User.select().count() == before
