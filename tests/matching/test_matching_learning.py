"""Stretch: weights learned from accepted/rejected suggestions.

The decisions here follow the subjects component only, so the scorers leave the sentence encoder out
(``text_encoder_weight=0``): what is learned does not depend on it, and it would encode 110 texts.
"""
import pytest

from matching.learning import WeightLearner
from matching.synthetic import make_profiles
from tests.matching.scorers import WordsOnlyScorer as Scorer  # text scoring is not what these tests check


def test_learns_that_coordinators_accept_subject_matches():
    mentors, mentees = make_profiles(80, 30, seed=2)
    scorer = Scorer().fit(mentors, mentees)
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
    scorer = Scorer().fit(mentors, mentees)
    with pytest.raises(ValueError, match="both"):
        WeightLearner().fit(scorer, [(mentors[0].id, mentees[0].id, True)])


def test_coefficients_are_on_scaled_features_and_counts_are_kept():
    import numpy as np
    mentors, mentees = make_profiles(80, 30, seed=2)
    scorer = Scorer().fit(mentors, mentees)
    decisions = []
    for eid, suggestions in scorer.suggest(top_k=5).items():
        for s in suggestions:
            subj = next(c.value for c in s.explanation.components if c.key == "subjects")
            decisions.append((s.mentor_id, eid, subj > 0))
    learner = WeightLearner().fit(scorer, decisions)
    assert learner.n_accepted_ == sum(d[2] for d in decisions)
    assert learner.n_accepted_ + learner.n_rejected_ == len(decisions)
    # the model saw standardised features: zero mean, unit variance where values vary
    e = np.array([scorer._mentee_pos(d[1]) for d in decisions])
    m = np.array([scorer._mentor_pos(d[0]) for d in decisions])
    values = scorer.features_.pairs(e, m)
    X = learner.scaler_.transform(np.column_stack([values[c] for c in learner.coef_]))
    varying = X.std(axis=0) > 0
    assert np.allclose(X.mean(axis=0), 0, atol=1e-9)
    assert np.allclose(X.std(axis=0)[varying], 1)
    # the suggested weights follow the raw-scale coefficients
    for key, raw in learner.raw_coef_.items():
        assert raw == pytest.approx(learner.coef_[key] / learner.scaler_.scale_[
            list(learner.coef_).index(key)])
        assert (learner.weights_[key] > 0) == (raw > 0)
