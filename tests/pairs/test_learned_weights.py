"""Weights learned from the coordinator's accepted and rejected suggestions."""
from __future__ import annotations

import re

from tests.conftest import text
from tests.pairs.test_matching_runs import start
from webapp.models import MatchingRun, Suggestion


def test_too_few_decisions_are_said_plainly(coordinator, people):
    page = text(coordinator.get("/matching/learned-weights"))
    assert "Пока мало решений" in page and "принято 0, отклонено 0" in page


def test_learned_weights_and_ranking_changes(coordinator, people):
    start(coordinator)
    run = MatchingRun.select().order_by(MatchingRun.id.desc()).get()
    rows = list(Suggestion.select().where(Suggestion.run == run).order_by(Suggestion.id))
    assert len(rows) >= 4
    # the coordinator keeps accepting the candidates with the most shared subjects
    explanations = {s.id: s.explanation for s in rows}
    for s in rows:
        subjects = next((c["value"] for c in explanations[s.id]["components"] if c["key"] == "subjects"), 0)
        Suggestion.update(status="accepted" if subjects > 0 else "rejected").where(Suggestion.id == s.id).execute()
    if len({s.status for s in Suggestion.select().where(Suggestion.run == run)}) < 2:
        first = rows[0]
        Suggestion.update(status="rejected" if first.status == "accepted" else "accepted").where(Suggestion.id == first.id).execute()
    page = text(coordinator.get("/matching/learned-weights"))
    learned = {k: float(v) for k, v in re.findall(r'data-weight="learned-(\w+)">([\d.]+)<', page)}
    assert set(learned) == {"problems", "text", "subjects", "availability", "format"}
    assert abs(sum(learned.values()) - 1) < 0.02
    link = re.search(r'href="(/matching\?[^"]+)"', page).group(1).replace("&amp;", "&")
    form = text(coordinator.get(link))
    shown = float(re.search(r'name="w_subjects" type="text" value="([^"]+)"', form).group(1))
    assert abs(shown - learned["subjects"]) < 0.006
    assert re.search(r'value="custom" checked', form)  # the learned weights are the coordinator's own


def test_bad_weights_in_the_link_are_ignored(coordinator, people):
    page = text(coordinator.get("/matching?w_text=-5&w_subjects=nan&w_format=abc&w_problems=1e308&w_availability=0.7"))
    values = dict(re.findall(r'name="w_(\w+)" type="text" value="([^"]+)"', page))
    assert values == {"problems": "0.4", "text": "0.3", "subjects": "0.15", "availability": "0.7", "format": "0.05"}
