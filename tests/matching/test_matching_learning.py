"""Stretch: weights learned from accepted/rejected suggestions."""
import pytest

from matching import MatchScorer
from matching.learning import WeightLearner
from matching.synthetic import make_profiles


def test_learns_that_coordinators_accept_subject_matches():
    mentors, mentees = make_profiles(80, 30, seed=2)
    scorer = MatchScorer().fit(mentors, mentees)
    decisions = []
    for eid, suggestions in scorer.suggest(top_k=5).items():
        for s in suggestions:
            subj = next(c.value for c in s.explanation.components if c.key == "subjects")
            decisions.append((s.mentor_id, eid, subj > 0))
    learner = WeightLearner().fit(scorer, decisions)
    assert max(learner.weights_, key=learner.weights_.get) == "subjects"
    assert sum(learner.weights_.values()) == pytest.approx(1.0)
    changes = learner.ranking_changes(scorer)
    assert changes and all(c.old_top != c.new_top for c in changes)


def test_needs_both_kinds_of_decisions():
    mentors, mentees = make_profiles(5, 3, seed=2)
    scorer = MatchScorer().fit(mentors, mentees)
    with pytest.raises(ValueError, match="both"):
        WeightLearner().fit(scorer, [(mentors[0].id, mentees[0].id, True)])
