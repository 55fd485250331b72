"""Score components and their default weights: plain data, cheap to import.

The web app reads these for its forms without loading numpy or scikit-learn; the
computation of the components is :mod:`matching.components`.
"""
from __future__ import annotations

import math
import numbers
from types import MappingProxyType
from typing import Mapping

__all__ = ["COMPONENTS", "DEFAULT_WEIGHTS", "check_weights"]

COMPONENTS: tuple[str, ...] = ("problems", "text", "subjects", "availability", "format")

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "problems": 0.40, "text": 0.30, "subjects": 0.15, "availability": 0.10, "format": 0.05,
})


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
