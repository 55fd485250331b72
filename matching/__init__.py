"""Mentor–mentee matching for the «Наставник» programme (no Flask, no database).

Profiles in (:class:`MentorProfile`, :class:`MenteeProfile`), scores and explained
suggestions out (:class:`MatchScorer`), and an optimal whole-school assignment under the
hard rules and capacities (:class:`PairAssigner`). See ``docs/matching.md``.
"""
from .assignment import (UNMATCHED_REASONS_RU, AssignedPair, PairAssigner, UnmatchedMentee,
                         greedy_pairs)
from .catalogue import (CATEGORIES, FORMATS, FORMS, PROBLEMS, STUDENT_PROBLEMS,
                        TEACHER_PROBLEMS, TYPES)
from .components import COMPONENTS, DEFAULT_WEIGHTS
from .explain import ComponentContribution, Explanation, Suggestion, render_ru
from .learning import RankingChange, WeightLearner
from .profiles import MenteeProfile, MentorProfile
from .scorer import MatchScorer
from .text import TextSimilarity

__all__ = [
    "MentorProfile", "MenteeProfile", "MatchScorer", "PairAssigner", "TextSimilarity",
    "AssignedPair", "UnmatchedMentee", "Suggestion", "Explanation", "ComponentContribution",
    "render_ru", "greedy_pairs", "WeightLearner", "RankingChange", "UNMATCHED_REASONS_RU", "COMPONENTS", "DEFAULT_WEIGHTS",
    "CATEGORIES", "FORMS", "FORMATS", "TYPES", "PROBLEMS", "TEACHER_PROBLEMS",
    "STUDENT_PROBLEMS",
]
