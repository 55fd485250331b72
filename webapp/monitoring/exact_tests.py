"""The two distributions the before/after comparison needs, in plain Python.

The monitoring pages run in the web servers; importing ``scipy.stats`` there cost every worker
64 MB for two numbers (bench/bench_load.py: 90 → 154 MB after the first /monitoring). Both are
checked against scipy in tests/monitoring/test_exact_tests.py.

* :func:`signed_rank_p`: the two-sided Wilcoxon signed-rank test of paired values, zeros dropped
  (Wilcoxon's method). Up to :data:`EXACT_MAX` non-zero differences the p-value is exact: the
  distribution of the positive rank sum over all 2^n sign assignments, with tied differences
  given their average rank (so answers on a 1–5 scale, full of ties, get an exact p too; scipy
  falls back to random resampling there, and its p changes from call to call). Above it, the
  normal approximation with the tie correction, as scipy's asymptotic method.
* :func:`t_quantile`: a quantile of Student's t distribution, by bisection on its distribution
  function (Simpson's rule on the density), for the 95 % confidence interval of the mean change.
"""
from __future__ import annotations

import math
from functools import lru_cache

EXACT_MAX = 50


def average_ranks(values: list[float]) -> list[float]:
    """Ranks 1..n of ``values``; tied values share the mean of their ranks."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            ranks[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


@lru_cache(maxsize=1024)
def _rank_sum_counts(doubled_ranks: tuple[int, ...]) -> tuple[int, ...]:
    """counts[s]: sign assignments whose positive doubled-rank sum is s."""
    counts = [1]
    for r in doubled_ranks:
        grown = counts + [0] * r
        for s, c in enumerate(counts):
            if c:
                grown[s + r] += c
        counts = grown
    return tuple(counts)


def signed_rank_p(after: list[float], before: list[float]) -> float:
    """Two-sided p of the Wilcoxon signed-rank test of ``after`` against ``before``."""
    diffs = [a - b for a, b in zip(after, before) if a != b]
    n = len(diffs)
    if n == 0:
        return 1.0
    ranks = average_ranks([abs(d) for d in diffs])
    r_plus = sum(r for r, d in zip(ranks, diffs) if d > 0)
    if n <= EXACT_MAX:
        doubled = tuple(sorted(round(2 * r) for r in ranks))
        counts = _rank_sum_counts(doubled)
        total = 2 ** n
        s = round(2 * r_plus)
        below = sum(counts[:s + 1]) / total
        above = sum(counts[s:]) / total
        return min(1.0, 2 * min(below, above))
    mean = n * (n + 1) / 4
    ties: dict[float, int] = {}
    for r in ranks:
        ties[r] = ties.get(r, 0) + 1
    variance = n * (n + 1) * (2 * n + 1) / 24 - sum(t ** 3 - t for t in ties.values()) / 48
    if variance <= 0:
        return 1.0
    z = (r_plus - mean) / math.sqrt(variance)
    return min(1.0, math.erfc(abs(z) / math.sqrt(2)))


def _t_cdf_above_zero(x: float, df: int, steps: int = 400) -> float:
    """P(0 < T < x) for x >= 0 (Simpson's rule on the density)."""
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    h = x / steps
    total = 0.0
    for k in range(steps + 1):
        weight = 1 if k in (0, steps) else (4 if k % 2 else 2)
        t = k * h
        total += weight * math.exp(log_c - (df + 1) / 2 * math.log1p(t * t / df))
    return total * h / 3


@lru_cache(maxsize=256)
def t_quantile(q: float, df: int) -> float:
    """The ``q`` quantile (0.5 < q < 1) of Student's t with ``df`` degrees of freedom."""
    if not 0.5 < q < 1 or df < 1:
        raise ValueError(f"t_quantile needs 0.5 < q < 1 and df >= 1, got q={q}, df={df}")
    target = q - 0.5
    lo, hi = 0.0, 1.0
    while _t_cdf_above_zero(hi, df) < target:
        lo, hi = hi, hi * 2
        if hi > 1e6:
            raise ValueError(f"t_quantile({q}, {df}) is out of range")
    for _ in range(60):
        mid = (lo + hi) / 2
        if _t_cdf_above_zero(mid, df) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2
