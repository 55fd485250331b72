"""Mentor–mentee matching for the «Наставник» programme (no Flask, no database).

Profiles in (:class:`MentorProfile`, :class:`MenteeProfile`), scores and explained
suggestions out (:class:`MatchScorer`), and an optimal whole-school assignment under the
hard rules and capacities (:class:`PairAssigner`). See ``docs/matching.md``.

The names below are loaded on first use (PEP 562), so ``import matching.catalogue`` — plain
data the web application reads on every page — does not pull in scikit-learn and SciPy.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "AssignedPair": "assignment", "PairAssigner": "assignment", "UnmatchedMentee": "assignment",
    "greedy_pairs": "assignment", "UNMATCHED_REASONS_RU": "assignment",
    "CATEGORIES": "catalogue", "FORMATS": "catalogue", "FORMS": "catalogue", "PROBLEMS": "catalogue",
    "STUDENT_PROBLEMS": "catalogue", "TEACHER_PROBLEMS": "catalogue", "TYPES": "catalogue",
    "COMPONENTS": "catalogue", "DEFAULT_WEIGHTS": "catalogue",
    "ComponentContribution": "explain", "Explanation": "explain", "Suggestion": "explain",
    "render_ru": "explain",
    "RankingChange": "learning", "WeightLearner": "learning",
    "MenteeProfile": "profiles", "MentorProfile": "profiles",
    "MatchScorer": "scorer",
    "TextSimilarity": "text",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'matching' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
