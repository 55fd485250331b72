"""Mentor–mentee matching for the «Наставник» programme (no Flask, no database).

Profiles in (:class:`MentorProfile`, :class:`MenteeProfile`), scores and explained
suggestions out (:class:`MatchScorer`), and an optimal whole-school assignment under the
hard rules and capacities (:class:`PairAssigner`). See ``docs/matching.md``.

``import matching`` is light: the names below are loaded on first use (PEP 562), so numpy,
scipy, scikit-learn and the word embeddings are imported only when matching actually runs.
``matching.catalogue`` is plain data.
"""
from __future__ import annotations

import importlib

from .catalogue import (CATEGORIES, FORMATS, FORMS, PROBLEMS, STUDENT_PROBLEMS,
                        TEACHER_PROBLEMS, TYPES)

_LAZY = {
    "MatchScorer": "scorer", "PairAssigner": "assignment", "AssignedPair": "assignment",
    "UnmatchedMentee": "assignment", "greedy_pairs": "assignment",
    "UNMATCHED_REASONS_RU": "assignment", "UNMATCHED_CODES": "assignment",
    "TextSimilarity": "text", "Suggestion": "explain", "Explanation": "explain",
    "ComponentContribution": "explain", "render_ru": "explain", "WeightLearner": "learning",
    "RankingChange": "learning", "MentorProfile": "profiles", "MenteeProfile": "profiles",
    "COMPONENTS": "weights", "DEFAULT_WEIGHTS": "weights", "RULE_CODES": "rules",
}

__all__ = sorted(_LAZY) + ["CATEGORIES", "FORMS", "FORMATS", "TYPES", "PROBLEMS",
                           "TEACHER_PROBLEMS", "STUDENT_PROBLEMS"]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'matching' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
