"""The estimator: scores every allowed mentor–mentee pair and explains its suggestions."""
from __future__ import annotations

import math
import numbers
from collections import Counter, defaultdict
from typing import Hashable, Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from .catalogue import AVAILABILITY_SLOTS, PROBLEM_KEYS
from .components import COMPONENTS, ComponentFeatures, check_weights
from .explain import ComponentContribution, Explanation, Suggestion, text_note
from .profiles import MenteeProfile, MentorProfile
from .rules import EligibilityRules, check_forms
from .text import DEFAULT_ENCODER_WEIGHT, DEFAULT_SEMANTIC_WEIGHT, TextSimilarity

__all__ = ["MatchScorer"]

_N_BEST = 3  # rule-allowed candidates kept per mentee for the "unmatched" report


def _check_pairs(pairs, name: str) -> list[tuple[Hashable, Hashable]]:
    if pairs is None:
        return []
    out = []
    for p in pairs:
        if isinstance(p, (str, bytes)) or not hasattr(p, "__len__") or len(p) != 2:
            raise ValueError(f"{name} must be (mentor_id, mentee_id) pairs, got {p!r}")
        out.append((p[0], p[1]))
    return out


class MatchScorer(BaseEstimator):
    """Scores mentor–mentee pairs 0..100 under the hard rules; suggests and explains.

    Parameters
    ----------
    weights : dict, optional
        Component weights merged over :data:`matching.components.DEFAULT_WEIGHTS`
        (problems 0.40, text 0.30, subjects 0.15, availability 0.10, format 0.05);
        normalised to sum 1. NaN, negative, unknown keys raise ValueError.
    form : None, str or list of str
        Forms of mentoring allowed in this run; None = every form.
    allow_cross_organisation : bool, default False
        Allow pairs whose mentor and mentee belong to different organisations (a regional
        pool of remote mentors). Such a pair meets remotely: both formats must allow it.
    commitments : mapping mentor_id -> int, optional
        Mentees each mentor already has in *other* runs (other schools of the region): the
        capacity is one, shared across schools, so these are taken off it. Unknown ids are
        ignored; negative or non-integer counts raise ValueError.
    min_score : float in [0, 100], default 0
        Pairs scoring below it are never suggested or assigned.
    excluded_pairs : iterable of (mentor_id, mentee_id)
        Pairs the coordinator excluded (unknown ids are ignored).
    fixed_pairs : iterable of (mentor_id, mentee_id)
        Pairs the coordinator already fixed: they use up the mentor's capacity and the
        mentee counts as served. They must obey the hard rules (ValueError otherwise).
    max_candidates : int or None, default None
        Keep only the best ``max_candidates`` mentors per mentee (pruning for large runs);
        None keeps every allowed pair, which makes the assignment exact.
    language : {"ru", "en"}
        Language of the free texts.
    text_semantic_weight : float in [0, 1], default 0.8
        Share of the semantic part (close-in-meaning words) in the text similarity; the
        rest is the lexical part (same stems). See :class:`matching.text.TextSimilarity`.
    text_encoder_weight : float in [0, 1], default 0.4
        Share of the whole-text part (the sentence encoder) in the text similarity where the
        texts share something; 0 = the encoder is not used (see ``TextSimilarity``).
    block_size : int, default 1000
        Mentees scored at a time (memory vs speed).

    Attributes (after ``fit``)
    --------------------------
    mentors_, mentees_ : list of profiles; mentor_index_, mentee_index_ : id -> position;
    weights_ : normalised weights; remaining_capacity_ : capacity left after fixed pairs;
    served_ : bool array, mentee already has a fixed pair; fixed_pairs_ : [(mentee_pos,
    mentor_pos)]; n_allowed_ : mentors the rules allow per mentee (capacity aside);
    n_above_min_ : of those, how many score >= min_score;
    candidate_indptr_, candidate_mentor_, candidate_score_ : per mentee (CSR layout) the
    allowed mentors scoring >= min_score, best first.
    """

    def __init__(self, weights=None, form=None, allow_cross_organisation=False, commitments=None,
                 min_score=0.0, excluded_pairs=(), fixed_pairs=(), max_candidates=None,
                 language="ru", text_semantic_weight=DEFAULT_SEMANTIC_WEIGHT,
                 text_encoder_weight=DEFAULT_ENCODER_WEIGHT, block_size=1000):
        self.weights = weights
        self.form = form
        self.allow_cross_organisation = allow_cross_organisation
        self.commitments = commitments
        self.min_score = min_score
        self.excluded_pairs = excluded_pairs
        self.fixed_pairs = fixed_pairs
        self.max_candidates = max_candidates
        self.language = language
        self.text_semantic_weight = text_semantic_weight
        self.text_encoder_weight = text_encoder_weight
        self.block_size = block_size

    # ------------------------------------------------------------------ fit
    def _validate_params(self) -> None:
        self.weights_ = check_weights(self.weights)
        self.forms_ = check_forms(self.form)
        ms = self.min_score
        if isinstance(ms, bool) or not isinstance(ms, numbers.Real) or math.isnan(ms) \
                or not 0 <= ms <= 100:
            raise ValueError(f"min_score must be a number in [0, 100], got {ms!r}")
        mc = self.max_candidates
        if mc is not None and (isinstance(mc, bool) or not isinstance(mc, numbers.Integral)
                               or mc < 1):
            raise ValueError(f"max_candidates must be None or an integer >= 1, got {mc!r}")
        bs = self.block_size
        if isinstance(bs, bool) or not isinstance(bs, numbers.Integral) or bs < 1:
            raise ValueError(f"block_size must be an integer >= 1, got {bs!r}")

    def fit(self, mentors: Sequence[MentorProfile], mentees: Sequence[MenteeProfile]
            ) -> "MatchScorer":
        """Validate profiles and options, score every allowed pair, keep the candidates."""
        self._validate_params()
        for name, items in (("mentors", mentors), ("mentees", mentees)):
            if items is None or isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
                raise ValueError(f"{name} must be a list of profiles, got {items!r}")
        mentors, mentees = list(mentors), list(mentees)
        for kind, items, cls in (("mentors", mentors, MentorProfile),
                                 ("mentees", mentees, MenteeProfile)):
            ids = Counter()
            for p in items:
                if not isinstance(p, cls):
                    raise ValueError(f"{kind} must be {cls.__name__} objects, got {p!r}")
                p.validate()
                ids[p.id] += 1
            dup = [i for i, n in ids.items() if n > 1]
            if dup:
                raise ValueError(f"duplicate {kind[:-1]} ids: {dup[:5]}")
        self.mentors_, self.mentees_ = mentors, mentees
        self.mentor_index_ = {m.id: j for j, m in enumerate(mentors)}
        self.mentee_index_ = {e.id: i for i, e in enumerate(mentees)}

        excluded = set()
        for mid, eid in _check_pairs(self.excluded_pairs, "excluded_pairs"):
            if mid in self.mentor_index_ and eid in self.mentee_index_:
                excluded.add((self.mentee_index_[eid], self.mentor_index_[mid]))
        fixed = []
        for mid, eid in _check_pairs(self.fixed_pairs, "fixed_pairs"):
            if mid not in self.mentor_index_:
                raise ValueError(f"fixed pair ({mid!r}, {eid!r}): unknown mentor id {mid!r}")
            if eid not in self.mentee_index_:
                raise ValueError(f"fixed pair ({mid!r}, {eid!r}): unknown mentee id {eid!r}")
            fixed.append((self.mentee_index_[eid], self.mentor_index_[mid]))
        if len(set(fixed)) != len(fixed):
            raise ValueError("fixed_pairs contains the same pair twice")
        capacity = np.array([m.capacity for m in mentors], dtype=np.int64)
        elsewhere = self._commitments(mentors)
        used = np.bincount([j for _, j in fixed], minlength=len(mentors)).astype(np.int64)
        over = np.flatnonzero(used > np.maximum(capacity - elsewhere, 0))
        if len(over):
            raise ValueError(f"fixed pairs exceed the capacity of mentor "
                             f"{mentors[over[0]].id!r} ({used[over[0]]} > {capacity[over[0]]} "
                             f"less {elsewhere[over[0]]} elsewhere)")
        self.remaining_capacity_ = np.maximum(capacity - elsewhere, 0) - used
        self.fixed_pairs_ = fixed
        self.served_ = np.zeros(len(mentees), dtype=bool)
        self.served_[[i for i, _ in fixed]] = True

        texts_m = [m.text for m in mentors]
        texts_e = [e.text for e in mentees]
        self.text_ = TextSimilarity(language=self.language,
                                    semantic_weight=self.text_semantic_weight,
                                    encoder_weight=self.text_encoder_weight)
        self.text_.fit(texts_m + texts_e)
        self.features_ = ComponentFeatures(mentors, mentees, self.text_,
                                           self.text_.transform(texts_m),
                                           self.text_.transform(texts_e))
        self.rules_ = EligibilityRules(mentors, mentees, self.forms_,
                                       self.allow_cross_organisation, excluded,
                                       self.remaining_capacity_)
        for i, j in fixed:
            code = self.rules_.why_not(i, j, ignore_capacity=True)
            if code is not None:
                raise ValueError(f"fixed pair ({mentors[j].id!r}, {mentees[i].id!r}) breaks "
                                 f"the rule {code!r}")
        self._score_all()
        return self

    def _commitments(self, mentors) -> np.ndarray:
        """Pairs each mentor holds in other runs, by mentor position (0 when not given)."""
        out = np.zeros(len(mentors), dtype=np.int64)
        given = self.commitments
        if given is None:
            return out
        if not hasattr(given, "items"):
            raise ValueError(f"commitments must be a mapping mentor_id -> int, got {given!r}")
        for mentor_id, n in given.items():
            if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 0:
                raise ValueError(f"commitments of mentor {mentor_id!r} must be an integer >= 0, got {n!r}")
            j = self.mentor_index_.get(mentor_id)
            if j is not None:
                out[j] = int(n)
        return out

    def _blocks(self):
        """(mentee positions, mentor positions) blocks that cover every possible pair."""
        n_e, n_m = len(self.mentees_), len(self.mentors_)
        bs = int(self.block_size)
        if n_e == 0 or n_m == 0:
            return
        if self.allow_cross_organisation:
            groups = [(np.arange(n_e), np.arange(n_m))]
        else:
            by_org_m = defaultdict(list)
            for j, o in enumerate(self.rules_.mentor_org):
                by_org_m[int(o)].append(j)
            by_org_e = defaultdict(list)
            for i, o in enumerate(self.rules_.mentee_org):
                by_org_e[int(o)].append(i)
            groups = [(np.array(es), np.array(by_org_m[o])) for o, es in by_org_e.items()
                      if o in by_org_m]
        for e_idx, m_idx in groups:
            for s in range(0, len(e_idx), bs):
                yield e_idx[s:s + bs], m_idx

    def _score_all(self) -> None:
        n_e = len(self.mentees_)
        rows, cols, vals = [], [], []
        best_rows, best_cols, best_vals = [], [], []
        n_allowed = np.zeros(n_e, dtype=np.int64)
        n_above = np.zeros(n_e, dtype=np.int64)
        k = self.max_candidates
        min_score = float(self.min_score)
        has_room = self.remaining_capacity_ > 0
        for e_idx, m_idx in self._blocks():
            mask, _ = self.rules_.block(e_idx, m_idx)
            if not mask.any():
                continue
            score = ComponentFeatures.combine(self.features_.block(e_idx, m_idx), self.weights_)
            n_allowed[e_idx] += mask.sum(axis=1)
            allowed = np.where(mask, score, -np.inf)
            above = allowed >= min_score
            n_above[e_idx] += above.sum(axis=1)
            usable = np.where(above & has_room[m_idx][None, :], allowed, -np.inf)
            for keep, (r_out, c_out, v_out), limit in (
                    (allowed, (best_rows, best_cols, best_vals), _N_BEST),
                    (usable, (rows, cols, vals), k)):
                if limit is not None and limit < keep.shape[1]:
                    part = np.argpartition(-keep, limit - 1, axis=1)[:, :limit]
                    pv = np.take_along_axis(keep, part, axis=1)
                else:
                    part = np.broadcast_to(np.arange(keep.shape[1]), keep.shape)
                    pv = keep
                r, c = np.nonzero(np.isfinite(pv))
                r_out.append(e_idx[r])
                c_out.append(m_idx[part[r, c]])
                v_out.append(pv[r, c])
        self.n_allowed_ = n_allowed
        self.n_above_min_ = n_above
        self.candidate_indptr_, self.candidate_mentor_, self.candidate_score_ = \
            self._csr(rows, cols, vals)
        self._best_indptr, self._best_mentor, self._best_score = \
            self._csr(best_rows, best_cols, best_vals)

    def _csr(self, rows, cols, vals):
        n_e = len(self.mentees_)
        r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        v = np.concatenate(vals) if vals else np.zeros(0)
        order = np.lexsort((c, -v, r))
        indptr = np.zeros(n_e + 1, dtype=np.int64)
        np.cumsum(np.bincount(r, minlength=n_e), out=indptr[1:])
        return indptr, c[order].astype(np.int64), v[order].astype(np.float64)

    # -------------------------------------------------------------- queries
    def candidates(self, mentee_id: Hashable) -> list[tuple[Hashable, float]]:
        """Allowed mentors with score >= min_score for one mentee, best first."""
        check_is_fitted(self, "candidate_indptr_")
        i = self._mentee_pos(mentee_id)
        a, b = self.candidate_indptr_[i], self.candidate_indptr_[i + 1]
        return [(self.mentors_[j].id, float(s))
                for j, s in zip(self.candidate_mentor_[a:b], self.candidate_score_[a:b])]

    def best_allowed(self, mentee_id: Hashable) -> list[tuple[Hashable, float]]:
        """Up to 3 best mentors the rules allow, ignoring the minimum score and capacity."""
        check_is_fitted(self, "candidate_indptr_")
        i = self._mentee_pos(mentee_id)
        a, b = self._best_indptr[i], self._best_indptr[i + 1]
        return [(self.mentors_[j].id, float(s))
                for j, s in zip(self._best_mentor[a:b], self._best_score[a:b])]

    def pair_score(self, mentor_id: Hashable, mentee_id: Hashable) -> float:
        """Score 0..100 of any pair (rules not applied; see :meth:`why_not`)."""
        check_is_fitted(self, "candidate_indptr_")
        i, j = self._mentee_pos(mentee_id), self._mentor_pos(mentor_id)
        vals = self.features_.block(np.array([i]), np.array([j]))
        return float(ComponentFeatures.combine(vals, self.weights_)[0, 0])

    def why_not(self, mentor_id: Hashable, mentee_id: Hashable) -> str | None:
        """Code of the reason why a pair may not be suggested, or None if it may.

        Codes: the rule codes of :data:`matching.rules.RULE_CODES` and ``"below_min_score"``
        (the pair scores below ``min_score``; the threshold is the scorer's ``min_score``).
        Words for them live at the edge (``matching.reasons`` for plain use,
        the web app's catalogue for the UI).
        """
        check_is_fitted(self, "candidate_indptr_")
        i, j = self._mentee_pos(mentee_id), self._mentor_pos(mentor_id)
        code = self.rules_.why_not(i, j)
        if code is not None:
            return code
        if self.pair_score(mentor_id, mentee_id) < float(self.min_score):
            return "below_min_score"
        return None

    def suggest(self, top_k: int = 5, mentee_ids: Iterable[Hashable] | None = None,
                include_served: bool = False) -> dict[Hashable, list[Suggestion]]:
        """Top-k mentors per mentee with explanations, ``{mentee_id: [Suggestion, ...]}``.

        Mentees already served by a fixed pair get ``[]`` unless ``include_served``.
        Mentors with no capacity left and pairs breaking a rule never appear.
        """
        check_is_fitted(self, "candidate_indptr_")
        if isinstance(top_k, bool) or not isinstance(top_k, numbers.Integral) or top_k < 1:
            raise ValueError(f"top_k must be an integer >= 1, got {top_k!r}")
        positions = range(len(self.mentees_)) if mentee_ids is None else \
            [self._mentee_pos(m) for m in mentee_ids]
        ptr = self.candidate_indptr_
        sel_i, sel_j, sel_rank = [], [], []
        for i in positions:
            if self.served_[i] and not include_served:
                continue
            a = ptr[i]
            b = min(ptr[i + 1], a + top_k)
            sel_i.extend([i] * (b - a))
            sel_j.extend(self.candidate_mentor_[a:b].tolist())
            sel_rank.extend(range(1, b - a + 1))
        out: dict[Hashable, list[Suggestion]] = {self.mentees_[i].id: [] for i in positions}
        for i, j, rank, ex in zip(sel_i, sel_j, sel_rank, self._explain_many(sel_i, sel_j)):
            out[self.mentees_[i].id].append(
                Suggestion(self.mentees_[i].id, self.mentors_[j].id, rank, ex.score, ex))
        return out

    def explain(self, mentor_id: Hashable, mentee_id: Hashable) -> Explanation:
        """Structured explanation of one pair (``.to_text()`` gives the Russian words)."""
        check_is_fitted(self, "candidate_indptr_")
        i, j = self._mentee_pos(mentee_id), self._mentor_pos(mentor_id)
        return self._explain_many([i], [j])[0]

    # -------------------------------------------------------------- helpers
    def _mentee_pos(self, mentee_id) -> int:
        try:
            return self.mentee_index_[mentee_id]
        except (KeyError, TypeError):
            raise ValueError(f"unknown mentee id {mentee_id!r}") from None

    def _mentor_pos(self, mentor_id) -> int:
        try:
            return self.mentor_index_[mentor_id]
        except (KeyError, TypeError):
            raise ValueError(f"unknown mentor id {mentor_id!r}") from None

    def _explain_many(self, e_pos: Sequence[int], m_pos: Sequence[int]) -> list[Explanation]:
        if not len(e_pos):
            return []
        e_arr, m_arr = np.asarray(e_pos), np.asarray(m_pos)
        values = self.features_.pairs(e_arr, m_arr)
        w = self.weights_
        table = np.column_stack([values[c] for c in COMPONENTS])
        points = table * np.array([100.0 * w[c] for c in COMPONENTS])
        rounded = _round_rows(points)
        scores = np.round(rounded.sum(axis=1), 1).tolist()
        table, rounded = table.tolist(), rounded.tolist()
        weights = [w[c] for c in COMPONENTS]
        text_pos = COMPONENTS.index("text")
        slot_order = {s: n for n, s in enumerate(AVAILABILITY_SLOTS)}
        problem_order = {p: n for n, p in enumerate(PROBLEM_KEYS)}
        text = self.text_
        shared, roots, close, synonyms = text.explain_pairs(self.features_.mentee_text, e_arr,
                                                  self.features_.mentor_text, m_arr)
        whole = text.whole_text_pairs(self.features_.mentee_text, e_arr,
                                      self.features_.mentor_text, m_arr)
        mentees, mentors = self.mentees_, self.mentors_
        text_values = [row[text_pos] for row in table]
        requests: dict[int, list] = {}  # a mentee's requests by priority, computed once
        out = []
        for k, (i, j) in enumerate(zip(e_pos, m_pos)):
            e, m = mentees[i], mentors[j]
            comps = tuple(map(ComponentContribution, COMPONENTS, table[k], weights, rounded[k]))
            req = requests.get(i)
            if req is None:
                req = requests[i] = [p for p, _ in sorted(
                    e.requested_problems.items(), key=lambda kv: (-kv[1], problem_order[kv[0]]))]
            mp = m.problems
            note = None if text_values[k] > 0 else text_note(
                0.0, text.has_words(e.text), text.has_words(m.text))
            shared_slots = e.availability & m.availability
            out.append(Explanation(
                mentor_id=m.id, mentee_id=e.id, score=scores[k],
                form=EligibilityRules.form_key(m, e), components=comps,
                covered_problems=tuple(p for p in req if p in mp),
                missing_problems=tuple(p for p in req if p not in mp),
                shared_words=shared[k], root_words=roots[k], close_words=close[k],
                synonym_words=synonyms[k],
                text_note=note,
                whole_text=round(float(whole[k]), 3) if whole is not None and text_values[k] > 0
                else None,
                shared_subjects=tuple(sorted(e.subjects & m.subjects)),
                shared_slots=tuple(sorted(shared_slots, key=lambda s: (slot_order.get(s, 99), s)))
                if len(shared_slots) > 1 else tuple(shared_slots)))
        return out


def _round_rows(points: np.ndarray, decimals: int = 1) -> np.ndarray:
    """Row-wise :func:`matching.explain.round_parts` (largest remainder), vectorised."""
    scale = 10 ** decimals
    scaled = points * scale
    floors = np.floor(scaled)
    total = np.round(points.sum(axis=1) * scale)
    rest = (total - floors.sum(axis=1)).astype(np.int64)
    frac = scaled - floors
    # rank of each part by remainder (larger first, then lower index)
    order = np.argsort(-frac, axis=1, kind="stable")
    bump = np.zeros_like(floors)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(points.shape[1])[None, :].repeat(len(points), 0),
                      axis=1)
    bump[ranks < rest[:, None]] = 1.0
    return (floors + bump) / scale
