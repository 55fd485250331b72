"""Hard rules: which mentor may be paired with which mentee at all.

A pair is allowed only if every rule holds (they are never traded against the score):

* the categories fit a form of mentoring (:data:`matching.catalogue.FORMS`), the form is one
  the run allows (``form=None``: any), the mentor offers it (a mentor with no ``forms``
  offers every form their category allows), and ``employer_university_student`` is used only
  when the mentee's organisation is not a school;
* the mentor has capacity left (capacity minus pairs the coordinator already fixed);
* mentor and mentee are different people (a person may be both, in other pairs);
* same organisation, unless cross-organisation pairs are allowed; a pair across organisations
  (a regional pool of remote mentors) meets remotely, so both the mentor's and the mentee's
  meeting format must allow remote meetings ("remote" or "both");
* the coordinator did not exclude the pair.

The minimum score is applied by the scorer on top of these.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Iterable, Sequence

import numpy as np

from .catalogue import CATEGORIES, FORMS
from .profiles import MenteeProfile, MentorProfile
from .reasons import RULE_REASONS_RU

__all__ = ["EligibilityRules", "RULE_CODES", "RULE_REASONS_RU", "check_forms"]

_CAT_KEYS = tuple(CATEGORIES)
_FORM_KEYS = tuple(FORMS)
_EUS = _FORM_KEYS.index("employer_university_student")

#: Codes :meth:`EligibilityRules.why_not` returns.
RULE_CODES = tuple(RULE_REASONS_RU)

# form index by (mentor category code, mentee category code); -1 = no form.
_FORM_OF = np.full((len(_CAT_KEYS), len(_CAT_KEYS)), -1, dtype=np.int8)
for _i, _rule in enumerate(FORMS.values()):
    _FORM_OF[_CAT_KEYS.index(_rule.mentor_category), _CAT_KEYS.index(_rule.mentee_category)] = _i


def check_forms(form) -> frozenset[str]:
    """Normalise the ``form`` option: None (all forms), one key, or an iterable of keys."""
    if form is None:
        return frozenset(FORMS)
    forms = [form] if isinstance(form, str) else list(form)
    if not forms:
        raise ValueError("form must be None, a form key or a non-empty list of form keys")
    for f in forms:
        if f not in FORMS:
            raise ValueError(f"unknown form of mentoring {f!r}; expected one of {sorted(FORMS)}")
    return frozenset(forms)


class EligibilityRules:
    """Vectorised hard rules over encoded profiles (built by the scorer's ``fit``)."""

    def __init__(self, mentors: Sequence[MentorProfile], mentees: Sequence[MenteeProfile],
                 forms: frozenset[str], allow_cross_organisation: bool,
                 excluded: Iterable[tuple[int, int]], remaining_capacity: np.ndarray) -> None:
        self.mentor_cat = np.array([_CAT_KEYS.index(m.category) for m in mentors], dtype=np.int8)
        self.mentee_cat = np.array([_CAT_KEYS.index(m.category) for m in mentees], dtype=np.int8)
        orgs: dict[Hashable, int] = {}
        self.mentor_org = np.array([orgs.setdefault(m.organisation, len(orgs)) for m in mentors],
                                   dtype=np.int64)
        self.mentee_org = np.array([orgs.setdefault(m.organisation, len(orgs)) for m in mentees],
                                   dtype=np.int64)
        self.mentee_school = np.array([m.org_is_school for m in mentees], dtype=bool)
        self.mentor_remote = np.array([m.format != "in_person" for m in mentors], dtype=bool)
        self.mentee_remote = np.array([m.format != "in_person" for m in mentees], dtype=bool)
        run_bits = sum(1 << i for i, f in enumerate(_FORM_KEYS) if f in forms)
        self.mentor_form_bits = np.array(
            [(sum(1 << i for i, f in enumerate(_FORM_KEYS) if f in m.forms) or 0xFF)
             for m in mentors], dtype=np.int64)
        self.run_bits = run_bits
        self.allow_cross_organisation = bool(allow_cross_organisation)
        self.remaining_capacity = remaining_capacity
        # pairs forbidden one by one: the same person on both sides, coordinator exclusions
        self.forbidden: dict[int, list[int]] = defaultdict(list)
        mentor_index = {m.id: j for j, m in enumerate(mentors)}
        for i, e in enumerate(mentees):
            j = mentor_index.get(e.id)
            if j is not None:
                self.forbidden[i].append(j)
        self.excluded = set(excluded)
        for i, j in self.excluded:
            self.forbidden[i].append(j)

    def block(self, e_idx: np.ndarray, m_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mask of pairs the rules allow (capacity aside) and each pair's form index.

        Both have shape ``(len(e_idx), len(m_idx))``; capacity is checked separately with
        :attr:`remaining_capacity`, so that "no room left" can be told from "not allowed".
        """
        form = _FORM_OF[self.mentor_cat[m_idx][None, :], self.mentee_cat[e_idx][:, None]]
        has_form = form >= 0
        bits = np.where(has_form, np.left_shift(1, np.maximum(form, 0).astype(np.int64)), 0)
        mask = has_form & ((bits & self.run_bits) != 0) \
            & ((bits & self.mentor_form_bits[m_idx][None, :]) != 0)
        mask &= ~((form == _EUS) & self.mentee_school[e_idx][:, None])
        same_org = self.mentee_org[e_idx][:, None] == self.mentor_org[m_idx][None, :]
        if not self.allow_cross_organisation:
            mask &= same_org
        else:
            mask &= same_org | (self.mentee_remote[e_idx][:, None] & self.mentor_remote[m_idx][None, :])
        if self.forbidden:
            pos = {int(j): c for c, j in enumerate(m_idx)}
            for r, i in enumerate(e_idx):
                for j in self.forbidden.get(int(i), ()):
                    c = pos.get(j)
                    if c is not None:
                        mask[r, c] = False
        return mask, form

    def why_not(self, i: int, j: int, ignore_capacity: bool = False) -> str | None:
        """Code of the first rule the pair (mentee i, mentor j) breaks, or None if allowed."""
        f = int(_FORM_OF[self.mentor_cat[j], self.mentee_cat[i]])
        if f < 0:
            return "category"
        if not (1 << f) & self.run_bits:
            return "form_not_selected"
        if not (1 << f) & self.mentor_form_bits[j]:
            return "form_not_offered"
        if f == _EUS and self.mentee_school[i]:
            return "school"
        if self.mentee_org[i] != self.mentor_org[j]:
            if not self.allow_cross_organisation:
                return "organisation"
            if not (self.mentee_remote[i] and self.mentor_remote[j]):
                return "remote"
        if j in self.forbidden.get(i, ()):
            return "excluded" if (i, j) in self.excluded else "self"
        if not ignore_capacity and self.remaining_capacity[j] <= 0:
            return "capacity"
        return None

    @staticmethod
    def form_key(mentor: MentorProfile, mentee: MenteeProfile) -> str | None:
        """Key of the form of mentoring the pair's categories fit, or None."""
        f = int(_FORM_OF[_CAT_KEYS.index(mentor.category), _CAT_KEYS.index(mentee.category)])
        return None if f < 0 else _FORM_KEYS[f]
