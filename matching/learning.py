"""Learn component weights from the coordinator's decisions on past suggestions."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable

import numpy as np
from sklearn.base import BaseEstimator, clone
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

from .components import COMPONENTS
from .scorer import MatchScorer

__all__ = ["WeightLearner", "RankingChange"]


@dataclass(frozen=True)
class RankingChange:
    """How one mentee's best suggestion changes under the learned weights."""

    mentee_id: Hashable
    old_top: Hashable | None
    new_top: Hashable | None
    old_rank_of_new_top: int | None  # where the new favourite stood before (1 = first)


class WeightLearner(BaseEstimator):
    """Fit a logistic regression of accepted (1) / rejected (0) on the component values.

    The component values are standardised first (zero mean, unit variance over the
    decisions), so the coefficients ``coef_`` are comparable across components whatever
    their spread: each is the change in log-odds of acceptance per standard deviation.
    The suggested ``weights_`` are the coefficients brought back to the raw 0..1 values
    (``coef / std``, which ranks pairs the way the regression does), clipped at 0 and
    normalised to sum 1, ready for ``MatchScorer(weights=learner.weights_)``.
    ``n_accepted_`` and ``n_rejected_`` count the decisions they come from.

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularisation strength of :class:`~sklearn.linear_model.LogisticRegression`.
    """

    def __init__(self, C=1.0):
        self.C = C

    def fit(self, scorer: MatchScorer,
            decisions: Iterable[tuple[Hashable, Hashable, bool]]) -> "WeightLearner":
        """``decisions``: ``(mentor_id, mentee_id, accepted)`` for suggestions seen before."""
        check_is_fitted(scorer, "candidate_indptr_")
        e_pos, m_pos, y = [], [], []
        for d in decisions:
            if len(d) != 3:
                raise ValueError(f"decisions must be (mentor_id, mentee_id, accepted), got {d!r}")
            mentor_id, mentee_id, accepted = d
            m_pos.append(scorer._mentor_pos(mentor_id))
            e_pos.append(scorer._mentee_pos(mentee_id))
            y.append(1 if accepted else 0)
        if len(set(y)) < 2:
            raise ValueError("need both accepted and rejected suggestions to learn weights")
        values = scorer.features_.pairs(np.array(e_pos), np.array(m_pos))
        X = np.column_stack([values[c] for c in COMPONENTS])
        scaler = StandardScaler().fit(X)
        model = LogisticRegression(C=self.C).fit(scaler.transform(X), np.array(y))
        scaled = model.coef_.ravel()
        raw = scaled / scaler.scale_  # constant components: scale 1, coefficient 0
        coef = np.clip(raw, 0.0, None)
        if coef.sum() <= 0:
            raise ValueError("the decisions do not favour any component; weights unchanged")
        self.scaler_ = scaler
        self.model_ = model
        self.coef_ = dict(zip(COMPONENTS, scaled.tolist()))
        self.raw_coef_ = dict(zip(COMPONENTS, raw.tolist()))
        self.weights_ = dict(zip(COMPONENTS, (coef / coef.sum()).tolist()))
        self.n_accepted_ = int(sum(y))
        self.n_rejected_ = len(y) - self.n_accepted_
        return self

    def ranking_changes(self, scorer: MatchScorer, top_k: int = 5) -> list[RankingChange]:
        """Refit a copy of ``scorer`` with the learned weights; list mentees whose first
        suggestion changes."""
        check_is_fitted(self, "weights_")
        check_is_fitted(scorer, "candidate_indptr_")
        new = clone(scorer).set_params(weights=self.weights_).fit(scorer.mentors_,
                                                                  scorer.mentees_)
        changes = []
        for mentee in scorer.mentees_:
            old = [mid for mid, _ in scorer.candidates(mentee.id)]
            cur = [mid for mid, _ in new.candidates(mentee.id)]
            old_top = old[0] if old else None
            new_top = cur[0] if cur else None
            if old_top != new_top:
                rank = old.index(new_top) + 1 if new_top in old else None
                changes.append(RankingChange(mentee.id, old_top, new_top, rank))
        return changes
