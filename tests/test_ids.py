"""Ids from URLs and forms."""
from __future__ import annotations

import pytest
from werkzeug.exceptions import NotFound

from webapp.ids import MAX_ID, ids_or_404, parse_id


@pytest.mark.parametrize("raw, expected", [
    ("1", 1), (" 42 ", 42), (7, 7), (str(MAX_ID), MAX_ID),
    ("0", None), ("-1", None), ("", None), (None, None), ("abc", None), ("1.5", None), ("١٢", None),
    (str(MAX_ID + 1), None), ("99999999999999999999", None), (True, None), (10**30, None),
])
def test_parse_id(raw, expected):
    assert parse_id(raw) == expected


def test_ids_or_404():
    assert ids_or_404(["3", "5"]) == [3, 5]
    with pytest.raises(NotFound):
        ids_or_404(["3", "99999999999999999999"])
