"""Score components: each is a number in [0, 1] for a (mentee, mentor) pair.

========== ======= ==================================================================
component  default what it measures
========== ======= ==================================================================
problems   0.40    share of the mentee's requested problems the mentor covers,
                   weighted by the mentee's priorities (0 if nothing requested)
text       0.30    free-text similarity (:class:`matching.text.TextSimilarity`)
subjects   0.15    share of the mentee's subjects the mentor teaches (0 if none given)
availability 0.10  common time slots: min(shared, 2) / min(mentee's slots, 2)
                   (two shared slots = full marks; 0 if either side gave none)
format     0.05    1 if the meeting formats fit ("both" fits anything), else 0
========== ======= ==================================================================

The score is ``100 * sum(w_c * value_c) / sum(w_c)``, so each component contributes
``100 * w_c * value_c / sum(w)`` points and the contributions add up to the score.
"""
from __future__ import annotations

import math
import numbers
from types import MappingProxyType
from typing import Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from .catalogue import COMPONENTS, DEFAULT_WEIGHTS, FORMATS, PROBLEM_KEYS
from .profiles import MenteeProfile, MentorProfile

__all__ = ["COMPONENTS", "DEFAULT_WEIGHTS", "COMPONENT_LABELS_RU", "check_weights",
           "ComponentFeatures"]


COMPONENT_LABELS_RU: Mapping[str, str] = MappingProxyType({
    "problems": "запрос и компетенции",
    "text": "сходство описаний",
    "subjects": "предметы",
    "availability": "свободное время",
    "format": "формат встреч",
})

_FORMAT_KEYS = tuple(FORMATS)
_FORMAT_FIT = np.array([[1.0 if a == b or "both" in (a, b) else 0.0 for b in _FORMAT_KEYS]
                        for a in _FORMAT_KEYS])


def check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """Merge ``weights`` over the defaults and normalise them to sum 1.

    Raises ValueError for unknown components, non-numbers, NaN, infinities, negative
    weights, or all weights zero.
    """
    if weights is None:
        weights = {}
    if not isinstance(weights, Mapping):
        raise ValueError(f"weights must be a dict {{component: weight}}, got {weights!r}")
    merged = dict(DEFAULT_WEIGHTS)
    for key, w in weights.items():
        if key not in DEFAULT_WEIGHTS:
            raise ValueError(f"unknown score component {key!r}; expected one of {COMPONENTS}")
        if isinstance(w, bool) or not isinstance(w, numbers.Real):
            raise ValueError(f"weight of {key!r} must be a number, got {w!r}")
        w = float(w)
        if math.isnan(w) or math.isinf(w) or w < 0:
            raise ValueError(f"weight of {key!r} must be a finite number >= 0, got {w!r}")
        merged[key] = w
    total = sum(merged.values())
    if total <= 0:
        raise ValueError("at least one component weight must be > 0")
    return {k: merged[k] / total for k in COMPONENTS}


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
                 mentor_text: sp.csr_matrix, mentee_text: sp.csr_matrix) -> None:
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
        self.mentee_text = mentee_text
        self.mentor_text = mentor_text

    def block(self, e_idx: np.ndarray, m_idx: np.ndarray) -> dict[str, np.ndarray]:
        """Component values, each of shape ``(len(e_idx), len(m_idx))``, in ``[0, 1]``."""
        out: dict[str, np.ndarray] = {}
        out["problems"] = np.clip(self.requests[e_idx] @ self.competences[m_idx].T, 0.0, 1.0)
        out["text"] = np.clip(
            (self.mentee_text[e_idx] @ self.mentor_text[m_idx].T).toarray(), 0.0, 1.0)
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
        out["text"] = np.clip(np.asarray(
            self.mentee_text[e_idx].multiply(self.mentor_text[m_idx]).sum(axis=1)).ravel(),
            0.0, 1.0)
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
