"""The two figures a paired comparison needs, in pure Python: the two-sided Wilcoxon signed-rank p
and Student's t quantile.

They give what ``scipy.stats.wilcoxon(after, before, zero_method="wilcox")`` (its «auto» method) and
``scipy.stats.t.ppf`` give, without importing scipy inside a page request: the import alone took
~3 s in each server process, and the permutation test scipy runs for small samples with ties ~90 ms
a call, which made the first monitoring page after a start or a change take seconds.
scipy's choice of method is followed exactly:
  * no ties and no zero differences, at most 50 differences: the exact null distribution;
  * ties or zeros and at most 13 differences: every sign assignment (scipy's exact permutation test);
  * otherwise: the normal approximation with the tie correction.
"""
from __future__ import annotations

import math
from collections import Counter

EXACT_MAX = 50        # scipy: «auto» is exact up to 50 differences
PERMUTATION_MAX = 13  # scipy: 2**13 sign assignments are fewer than its 9,999 resamples, so it enumerates them
_EPS = 2.220446049250313e-16 * 100  # scipy's tolerance for «the same value» in a permutation test


def _average_ranks(values: list[float]) -> tuple[list[float], list[int]]:
    """Ranks of ``values`` (ties get their average rank) and the size of every group of equal values."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    groups = []
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        groups.append(end - start + 1)
        start = end + 1
    return ranks, groups


def _subset_sums(ranks: list[float]) -> Counter:
    """How many sign assignments give each sum of positive ranks (ranks doubled: halves become whole)."""
    sums = Counter({0: 1})
    for rank in ranks:
        twice = int(round(rank * 2))
        grown = Counter(sums)
        for total, count in sums.items():
            grown[total + twice] += count
        sums = grown
    return sums


def _normal_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


def wilcoxon_p(after, before) -> float:
    """Two-sided p of the Wilcoxon signed-rank test of ``after - before`` (zero differences dropped)."""
    differences = [float(a) - float(b) for a, b in zip(after, before)]
    size = len(differences)  # scipy chooses the method on the count with zeros
    nonzero = [d for d in differences if d != 0]
    zeros = size - len(nonzero)
    count = len(nonzero)
    if count == 0:
        return 1.0
    ranks, groups = _average_ranks([abs(d) for d in nonzero])
    r_plus = sum(r for r, d in zip(ranks, nonzero) if d > 0)
    ties = any(g > 1 for g in groups)
    if size <= EXACT_MAX and not ties and not zeros:
        sums = _subset_sums(ranks)
        total = 2 ** count
        k = int(r_plus)
        at_most = sum(c for s, c in sums.items() if s // 2 <= k) / total
        at_least = sum(c for s, c in sums.items() if s // 2 >= k) / total
        return min(1.0, 2 * min(at_most, at_least))
    if size <= PERMUTATION_MAX:
        sums = _subset_sums(ranks)
        total = 2 ** count
        gamma = abs(_EPS * r_plus)
        at_most = sum(c for s, c in sums.items() if s / 2 <= r_plus + gamma) / total
        at_least = sum(c for s, c in sums.items() if s / 2 >= r_plus - gamma) / total
        return min(1.0, 2 * min(at_most, at_least))
    mean = count * (count + 1) / 4
    spread = math.sqrt((count * (count + 1) * (2 * count + 1) - sum(g ** 3 - g for g in groups) / 2) / 24)
    return min(1.0, 2 * _normal_sf(abs((r_plus - mean) / spread)))  # scipy's default: no continuity correction


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the regularised incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 300):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1) < 1e-15:
            break
    return result


def _incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(a, b, x) / a
    return 1 - front * _beta_fraction(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    tail = 0.5 * _incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t > 0 else tail


def t_quantile(p: float, df: float) -> float:
    """Student's t quantile: the t with ``t_cdf(t, df) == p`` (0 < p < 1)."""
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low <= 1e-13 * max(1.0, high):
            break
    return (low + high) / 2
