"""Score components: each is a number in [0, 1] for a (mentee, mentor) pair.

========== ======= ==================================================================
component  default what it measures
========== ======= ==================================================================
problems   0.40    share of the mentee's requested problems the mentor covers,
                   weighted by the mentee's priorities (0 if nothing requested)
text       0.30    free-text similarity by meaning (:class:`matching.text.TextSimilarity`)
subjects   0.15    share of the mentee's subjects the mentor teaches (0 if none given)
availability 0.10  common time slots: min(shared, 2) / min(mentee's slots, 2)
                   (two shared slots = full marks; 0 if either side gave none)
format     0.05    1 if the meeting formats fit ("both" fits anything), else 0
========== ======= ==================================================================

The score is ``100 * sum(w_c * value_c) / sum(w_c)``, so each component contributes
``100 * w_c * value_c / sum(w)`` points and the contributions add up to the score.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from .catalogue import FORMATS, PROBLEM_KEYS
from .weights import COMPONENTS, DEFAULT_WEIGHTS, check_weights
from .profiles import MenteeProfile, MentorProfile

__all__ = ["COMPONENTS", "DEFAULT_WEIGHTS", "check_weights",
           "ComponentFeatures"]

_FORMAT_KEYS = tuple(FORMATS)
_FORMAT_FIT = np.array([[1.0 if a == b or "both" in (a, b) else 0.0 for b in _FORMAT_KEYS]
                        for a in _FORMAT_KEYS])


def _binary(rows: Sequence[frozenset[str]], vocab: dict[str, int]) -> sp.csr_matrix:
    indptr, indices = [0], []
    for items in rows:
        indices.extend(sorted(vocab[t] for t in items if t in vocab))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocab), 1)))


class ComponentFeatures:
    """Encoded profiles; :meth:`block` returns every component for a block of pairs."""

    def __init__(self, mentors: Sequence[MentorProfile], mentees: Sequence[MenteeProfile],
                 text, mentor_text, mentee_text) -> None:
        """``text``: a fitted :class:`matching.text.TextSimilarity`; ``mentor_text`` and
        ``mentee_text``: its :class:`~matching.text.TextVectors` of the two sides."""
        pindex = {p: k for k, p in enumerate(PROBLEM_KEYS)}
        req = np.zeros((len(mentees), len(PROBLEM_KEYS)))
        for i, e in enumerate(mentees):
            total = sum(e.requested_problems.values())
            for p, w in e.requested_problems.items():
                req[i, pindex[p]] = w / total
        self.requests = req
        cov = np.zeros((len(mentors), len(PROBLEM_KEYS)))
        for j, m in enumerate(mentors):
            for p in m.problems:
                cov[j, pindex[p]] = 1.0
        self.competences = cov
        subj = {t: k for k, t in enumerate(sorted({s for e in mentees for s in e.subjects}))}
        self.mentee_subjects = _binary([e.subjects for e in mentees], subj)
        self.mentor_subjects = _binary([m.subjects for m in mentors], subj)
        self.mentee_subject_count = np.asarray(self.mentee_subjects.sum(axis=1)).ravel()
        slots = {t: k for k, t in enumerate(sorted({s for e in mentees for s in e.availability}))}
        self.mentee_slots = _binary([e.availability for e in mentees], slots)
        self.mentor_slots = _binary([m.availability for m in mentors], slots)
        self.mentee_slot_count = np.asarray(self.mentee_slots.sum(axis=1)).ravel()
        self.mentee_format = np.array([_FORMAT_KEYS.index(e.format) for e in mentees], dtype=np.int8)
        self.mentor_format = np.array([_FORMAT_KEYS.index(m.format) for m in mentors], dtype=np.int8)
        self.text = text
        self.mentee_text = mentee_text
        self.mentor_text = mentor_text

    def block(self, e_idx: np.ndarray, m_idx: np.ndarray) -> dict[str, np.ndarray]:
        """Component values, each of shape ``(len(e_idx), len(m_idx))``, in ``[0, 1]``."""
        out: dict[str, np.ndarray] = {}
        out["problems"] = np.clip(self.requests[e_idx] @ self.competences[m_idx].T, 0.0, 1.0)
        out["text"] = self.text.block_scores(self.mentee_text, e_idx, self.mentor_text, m_idx)
        shared = (self.mentee_subjects[e_idx] @ self.mentor_subjects[m_idx].T).toarray()
        n = self.mentee_subject_count[e_idx][:, None]
        out["subjects"] = np.divide(shared, n, out=np.zeros_like(shared), where=n > 0)
        shared = (self.mentee_slots[e_idx] @ self.mentor_slots[m_idx].T).toarray()
        n = np.minimum(self.mentee_slot_count[e_idx], 2)[:, None]
        out["availability"] = np.divide(np.minimum(shared, 2), n, out=np.zeros_like(shared),
                                        where=n > 0)
        out["format"] = _FORMAT_FIT[self.mentee_format[e_idx][:, None],
                                    self.mentor_format[m_idx][None, :]]
        return out

    def pairs(self, e_idx: np.ndarray, m_idx: np.ndarray) -> dict[str, np.ndarray]:
        """Component values for the listed pairs ``(e_idx[k], m_idx[k])``, 1-D arrays."""
        out: dict[str, np.ndarray] = {}
        out["problems"] = np.clip(
            np.einsum("ij,ij->i", self.requests[e_idx], self.competences[m_idx]), 0.0, 1.0)
        out["text"] = self.text.pair_scores(self.mentee_text, e_idx, self.mentor_text, m_idx)
        shared = np.asarray(self.mentee_subjects[e_idx].multiply(
            self.mentor_subjects[m_idx]).sum(axis=1)).ravel()
        n = self.mentee_subject_count[e_idx]
        out["subjects"] = np.divide(shared, n, out=np.zeros_like(shared), where=n > 0)
        shared = np.asarray(self.mentee_slots[e_idx].multiply(
            self.mentor_slots[m_idx]).sum(axis=1)).ravel()
        n = np.minimum(self.mentee_slot_count[e_idx], 2)
        out["availability"] = np.divide(np.minimum(shared, 2), n, out=np.zeros_like(shared),
                                        where=n > 0)
        out["format"] = _FORMAT_FIT[self.mentee_format[e_idx], self.mentor_format[m_idx]]
        return out

    @staticmethod
    def combine(values: Mapping[str, np.ndarray], weights: Mapping[str, float]) -> np.ndarray:
        """Score 0..100 from component values and normalised weights."""
        score = None
        for key in COMPONENTS:
            part = values[key] * (100.0 * weights[key])
            score = part if score is None else score + part
        return score
