"""A run's review comes in pages of mentee cards: each well under 100 KB of HTML, every mentee on exactly one
page, and a decision taken on page 2 brings the coordinator back to page 2."""
from __future__ import annotations

import re

from tests.conftest import text
from webapp import demo
from webapp.models import MatchingRun, Suggestion
from webapp.pairing.cards import CARDS_PAGE_SIZE


def test_the_demo_run_review_is_paginated_and_complete(demo_app):
    client = demo_app.test_client()
    client.post("/login", data={"login": "kurator", "password": demo.DEMO_PASSWORD})
    client.post("/matching/runs", data={"kind": "traditional", "top_k": "5", "min_score": "0"})
    run = MatchingRun.select().order_by(MatchingRun.id.desc()).get()
    mentees = {s.mentee_id for s in Suggestion.select(Suggestion.mentee).where(Suggestion.run == run)}
    assert len(mentees) > 2 * CARDS_PAGE_SIZE  # the demo run needs several pages

    seen, number, sizes = [], 1, []
    while True:
        response = client.get(f"/matching/runs/{run.id}", query_string={"page": number})
        assert response.status_code == 200
        sizes.append(len(response.data))
        ids = [int(i) for i in re.findall(r'id="card-(\d+)"', text(response))]
        assert 0 < len(ids) <= CARDS_PAGE_SIZE
        seen += ids
        if 'rel="next"' not in text(response):
            break
        number += 1
    assert sorted(seen) == sorted(mentees)
    assert max(sizes) < 100_000, sizes
    assert f"Страница {number} из {number}" in text(response)

    # a decision on page 2 answers with page 2 (plain form: the redirect keeps the page and the card)
    page_two = text(client.get(f"/matching/runs/{run.id}", query_string={"page": 2}))
    first_open = re.search(r'action="/matching/suggestions/(\d+)/approve"', page_two).group(1)
    answer = client.post(f"/matching/suggestions/{first_open}/approve", data={"show": "all", "page": "2"})
    assert answer.status_code == 303 and "page=2" in answer.location and "#card-" in answer.location
    # a page past the end shows the last page instead of failing
    assert client.get(f"/matching/runs/{run.id}", query_string={"page": 9999}).status_code == 200
