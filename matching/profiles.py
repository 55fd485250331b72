"""Participant profiles: plain dataclasses, normalised and validated on creation.

Every check raises :class:`ValueError` with a message naming the participant and the
field, so the web application can show it to a coordinator.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Hashable, Iterable, Mapping

from .catalogue import CATEGORIES, FORMATS, FORMS, PROBLEMS, TYPES

__all__ = ["MentorProfile", "MenteeProfile", "normalise_token"]


def normalise_token(value: str) -> str:
    """Lower-case, ``ё`` -> ``е``, collapse whitespace: how subjects and slots compare."""
    return " ".join(str(value).lower().replace("ё", "е").split())


def _check_id(value: Any, what: str) -> Hashable:
    if value is None or isinstance(value, bool) or isinstance(value, float):
        raise ValueError(f"{what}: id must be a str or int, got {value!r}")
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(f"{what}: id must not be empty")
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    raise ValueError(f"{what}: id must be a str or int, got {type(value).__name__}")


def _iterable(values, who: str, name: str):
    if isinstance(values, str):
        return [values]
    if not hasattr(values, "__iter__"):
        raise ValueError(f"{who}: {name} must be a list, got {values!r}")
    return values


def _keys(values: Iterable[str] | None, allowed: Mapping[str, str], who: str, name: str
          ) -> frozenset[str]:
    if values is None:
        return frozenset()
    values = _iterable(values, who, name)
    out = set()
    for v in values:
        if not isinstance(v, str) or v not in allowed:
            raise ValueError(
                f"{who}: unknown {name} {v!r}; expected one of {sorted(allowed)}")
        out.add(v)
    return frozenset(out)


def _tokens(values: Iterable[str] | None, who: str, name: str) -> frozenset[str]:
    if values is None:
        return frozenset()
    values = _iterable(values, who, name)
    out = set()
    for v in values:
        if not isinstance(v, str):
            raise ValueError(f"{who}: {name} must be strings, got {v!r}")
        t = normalise_token(v)
        if t:
            out.add(t)
    return frozenset(out)


def _choice(value: Any, allowed: Mapping[str, str], who: str, name: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{who}: unknown {name} {value!r}; expected one of {sorted(allowed)}")
    return value


def _text(value: Any, who: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{who}: text must be a string, got {type(value).__name__}")
    return value


def _priorities(value: Any, who: str) -> dict[str, float]:
    """Accept ``{problem: weight}`` or a ranked sequence (most important first)."""
    if value is None:
        return {}
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Mapping):
        if not hasattr(value, "__iter__"):
            raise ValueError(f"{who}: requested problems must be a dict or a list, got {value!r}")
        ranked = list(value)
        if len(set(ranked)) != len(ranked):
            raise ValueError(f"{who}: requested problems repeat in the ranking")
        value = {p: float(len(ranked) - i) for i, p in enumerate(ranked)}
    out: dict[str, float] = {}
    for problem, weight in value.items():
        _choice(problem, PROBLEMS, who, "problem")
        if isinstance(weight, bool) or not isinstance(weight, numbers.Real):
            raise ValueError(f"{who}: priority of {problem!r} must be a number, got {weight!r}")
        weight = float(weight)
        if math.isnan(weight) or math.isinf(weight) or weight < 0:
            raise ValueError(
                f"{who}: priority of {problem!r} must be a finite number >= 0, got {weight!r}")
        if weight > 0:  # 0 means "not requested"
            out[problem] = weight
    return dict(sorted(out.items()))


@dataclass
class MentorProfile:
    """A mentor's competence profile (профиль наставника).

    ``problems``: catalogue keys the mentor can help with; ``forms``: forms of mentoring
    offered (empty = every form their category allows); ``capacity``: how many mentees
    at most (0 = not taking anyone now); ``availability``: slots like ``"mon_afternoon"``.
    """

    id: Hashable
    category: str
    organisation: Hashable
    capacity: int = 1
    problems: Iterable[str] = field(default_factory=frozenset)
    subjects: Iterable[str] = field(default_factory=frozenset)
    forms: Iterable[str] = field(default_factory=frozenset)
    types: Iterable[str] = field(default_factory=frozenset)
    format: str = "both"
    availability: Iterable[str] = field(default_factory=frozenset)
    org_is_school: bool = True
    text: str = ""

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Normalise the fields in place; raise ValueError on bad input."""
        self.id = _check_id(self.id, "mentor")
        who = f"mentor {self.id!r}"
        self.category = _choice(self.category, CATEGORIES, who, "category")
        self.organisation = _check_id(self.organisation, f"{who} organisation")
        cap = self.capacity
        if isinstance(cap, bool) or not isinstance(cap, numbers.Integral) or cap < 0:
            raise ValueError(f"{who}: capacity must be an integer >= 0, got {cap!r}")
        self.capacity = int(cap)
        self.problems = _keys(self.problems, PROBLEMS, who, "problem")
        self.subjects = _tokens(self.subjects, who, "subjects")
        self.forms = _keys(self.forms, FORMS, who, "form")
        self.types = _keys(self.types, TYPES, who, "type")
        self.format = _choice(self.format, FORMATS, who, "format")
        self.availability = _tokens(self.availability, who, "availability")
        self.org_is_school = bool(self.org_is_school)
        self.text = _text(self.text, who)


@dataclass
class MenteeProfile:
    """A mentee's request (запрос наставляемого).

    ``requested_problems``: ``{problem_key: priority}`` with priorities > 0 (for example
    1..3, higher = more important; 0 = not requested), or a ranked list of keys, most
    important first (weights n, n-1, ..., 1).
    """

    id: Hashable
    category: str
    organisation: Hashable
    requested_problems: Any = field(default_factory=dict)
    subjects: Iterable[str] = field(default_factory=frozenset)
    format: str = "both"
    availability: Iterable[str] = field(default_factory=frozenset)
    org_is_school: bool = True
    text: str = ""
    grade: int | None = None

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Normalise the fields in place; raise ValueError on bad input."""
        self.id = _check_id(self.id, "mentee")
        who = f"mentee {self.id!r}"
        self.category = _choice(self.category, CATEGORIES, who, "category")
        self.organisation = _check_id(self.organisation, f"{who} organisation")
        self.requested_problems = _priorities(self.requested_problems, who)
        self.subjects = _tokens(self.subjects, who, "subjects")
        self.format = _choice(self.format, FORMATS, who, "format")
        self.availability = _tokens(self.availability, who, "availability")
        self.org_is_school = bool(self.org_is_school)
        self.text = _text(self.text, who)
        g = self.grade
        if g is not None:
            if isinstance(g, bool) or not isinstance(g, numbers.Integral) or not 1 <= g <= 11:
                raise ValueError(f"{who}: grade must be an integer 1..11 or None, got {g!r}")
            self.grade = int(g)
