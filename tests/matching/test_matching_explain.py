"""Explanations add up to the score; the same input gives the same output."""
import pytest

from matching import DEFAULT_WEIGHTS, MatchScorer, PairAssigner
from matching.synthetic import make_profiles


PROFILES = (60, 20, 2, 7)  # mentees, mentors, organisations, seed


@pytest.fixture(scope="module")
def fitted():
    mentors, mentees = make_profiles(*PROFILES)
    return mentors, mentees, MatchScorer(weights={"text": 0.5}).fit(mentors, mentees)


def test_contributions_add_up_to_the_score(fitted):
    _, _, scorer = fitted
    n = 0
    for eid, suggestions in scorer.suggest(top_k=5).items():
        for s in suggestions:
            ex = s.explanation
            assert round(sum(c.points for c in ex.components), 1) == pytest.approx(ex.score)
            exact = scorer.pair_score(s.mentor_id, eid)
            assert abs(ex.score - exact) <= 0.05 + 1e-9
            assert sum(c.weight for c in ex.components) == pytest.approx(1.0)
            for c in ex.components:
                assert 0.0 <= c.value <= 1.0
                assert c.points == pytest.approx(100 * c.weight * c.value, abs=0.11)
            n += 1
    assert n > 100


def test_suggestions_are_sorted_and_explained_in_russian(fitted):
    mentors, mentees, scorer = fitted
    for eid, suggestions in scorer.suggest(top_k=3).items():
        scores = [s.score for s in suggestions]
        assert scores == sorted(scores, reverse=True)
        assert [s.rank for s in suggestions] == list(range(1, len(suggestions) + 1))
    mentee = next(e for e in mentees if scorer.suggest(mentee_ids=[e.id])[e.id])
    s = scorer.suggest(mentee_ids=[mentee.id])[mentee.id][0]
    text = s.explanation.to_text()
    assert text.startswith("Совпадение ")
    assert "из 100" in text and "Форма наставничества" in text
    ex = s.explanation
    assert set(ex.covered_problems) | set(ex.missing_problems) == set(mentee.requested_problems)
    assert not set(ex.covered_problems) & set(ex.missing_problems)
    assert ex.to_dict()["mentor_id"] == s.mentor_id


def test_same_input_same_output():
    """On the profiles of ``fitted``: their sentence vectors are computed once, there (2 s of CPU)."""
    runs = []
    for _ in range(2):
        mentors, mentees = make_profiles(*PROFILES)
        scorer = MatchScorer().fit(mentors, mentees)
        sugg = {k: [(s.mentor_id, s.score, s.explanation.to_text()) for s in v]
                for k, v in scorer.suggest(top_k=4).items()}
        a = PairAssigner(objective="maximin", spread=5).fit(scorer)
        runs.append((sugg, a.pairs_, [(u.mentee_id, u.code) for u in a.unmatched_]))
    assert runs[0] == runs[1]


def test_default_weights_documented_and_normalised():
    assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)
    scorer = MatchScorer(weights={"problems": 2, "text": 0, "subjects": 0, "availability": 0,
                                  "format": 0})
    mentors, mentees = make_profiles(10, 5, seed=1)
    scorer.fit(mentors, mentees)
    assert scorer.weights_["problems"] == 1.0
