"""Before/after over the same people: paired n, means, the mean change with its 95 % confidence
interval (Student's t) and the Wilcoxon signed-rank test for ordinal items, and a verdict code.

Pure Python (webapp/monitoring/exact_tests.py): the web servers never import scipy.stats.
Verdict codes: ``improved``, ``no_change``, ``worse``, ``insufficient`` (fewer than ``MIN_N`` people
answered both); words are chosen at the edge (VERDICT_LABELS).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from webapp.monitoring.exact_tests import signed_rank_p, t_quantile

MIN_N = 5
ALPHA = 0.05
IMPROVED, NO_CHANGE, WORSE, INSUFFICIENT = "improved", "no_change", "worse", "insufficient"
VERDICT_LABELS = {IMPROVED: "улучшение", NO_CHANGE: "без изменений", WORSE: "ухудшение",
                  INSUFFICIENT: "недостаточно ответов"}


@dataclass(frozen=True)
class Paired:
    n: int
    mean_before: float | None = None
    mean_after: float | None = None
    mean_change: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    verdict: str = INSUFFICIENT

    @property
    def enough(self) -> bool:
        return self.verdict != INSUFFICIENT


def pairs_of(before: dict, after: dict) -> list[tuple[float, float]]:
    """(before, after) of every person (key) present in both dicts with a number in each."""
    return [(float(before[k]), float(after[k])) for k in sorted(before, key=str)
            if k in after and before[k] is not None and after[k] is not None]


@lru_cache(maxsize=4096)
def _wilcoxon_p(after: tuple, before: tuple) -> float:
    """Two-sided Wilcoxon signed-rank p (zeros dropped), remembered per set of answers."""
    return signed_rank_p(list(after), list(before))


def compare(pairs: list[tuple[float, float]], lower_is_better: bool = False, min_n: int = MIN_N) -> Paired:
    """Paired analysis of (before, after) values of the same people."""
    n = len(pairs)
    if n < min_n:
        return Paired(n)
    before = [b for b, _a in pairs]
    after = [a for _b, a in pairs]
    diffs = [a - b for b, a in pairs]
    mean_change = sum(diffs) / n
    sd = math.sqrt(sum((d - mean_change) ** 2 for d in diffs) / (n - 1))
    half = t_quantile(1 - ALPHA / 2, n - 1) * sd / math.sqrt(n)
    p_value = 1.0 if all(d == 0 for d in diffs) else _wilcoxon_p(tuple(after), tuple(before))
    verdict = NO_CHANGE
    if p_value < ALPHA and mean_change != 0:
        better = mean_change < 0 if lower_is_better else mean_change > 0
        verdict = IMPROVED if better else WORSE
    return Paired(n, sum(before) / n, sum(after) / n, mean_change, mean_change - half, mean_change + half,
                  p_value, verdict)
