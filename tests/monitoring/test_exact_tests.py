"""The plain-Python paired statistics agree with scipy.stats (which the web servers no longer load)."""
import random

import pytest
from scipy import stats

from webapp.monitoring.exact_tests import EXACT_MAX, average_ranks, signed_rank_p, t_quantile


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 9, 14, 29, 49, 120, 500])
@pytest.mark.parametrize("q", [0.975, 0.95, 0.6])
def test_t_quantile_matches_scipy(q, df):
    assert t_quantile(q, df) == pytest.approx(float(stats.t.ppf(q, df)), rel=1e-6)


@pytest.mark.parametrize("bad", [(0.5, 3), (1.0, 3), (0.9, 0), (0.2, 5)])
def test_t_quantile_refuses_what_it_cannot_answer(bad):
    with pytest.raises(ValueError):
        t_quantile(*bad)


def test_average_ranks_share_ties():
    assert average_ranks([3, 1, 3, 2]) == [3.5, 1.0, 3.5, 2.0]


@pytest.mark.parametrize("seed", range(12))
def test_without_ties_the_exact_p_is_scipys(seed):
    rnd = random.Random(seed)
    n = rnd.randint(5, EXACT_MAX)
    before = [rnd.random() * 10 for _ in range(n)]
    after = [b + rnd.gauss(0.6 * (seed % 3 - 1), 1) for b in before]
    expected = stats.wilcoxon(after, before, zero_method="wilcox", method="exact").pvalue
    assert signed_rank_p(after, before) == pytest.approx(float(expected), rel=1e-9)


@pytest.mark.parametrize("seed", range(8))
def test_ties_on_a_small_scale_match_scipys_full_enumeration(seed):
    """Answers 1..5 are full of ties; for n <= 13 scipy enumerates every sign, as we always do."""
    rnd = random.Random(seed)
    n = rnd.randint(6, 13)
    before = [rnd.randint(1, 5) for _ in range(n)]
    after = [min(5, max(1, b + rnd.choice([-1, 0, 1, 1, 2]))) for b in before]
    nonzero = [(a, b) for a, b in zip(after, before) if a != b]
    expected = stats.wilcoxon([a for a, _ in nonzero], [b for _, b in nonzero],
                              method=stats.PermutationMethod(n_resamples=10_000)).pvalue
    assert signed_rank_p(after, before) == pytest.approx(float(expected), rel=1e-9)


@pytest.mark.parametrize("seed", range(6))
def test_large_samples_use_scipys_normal_approximation(seed):
    rnd = random.Random(seed)
    n = rnd.randint(3 * EXACT_MAX, 400)   # well over EXACT_MAX differences that are not 0
    before = [rnd.randint(1, 5) for _ in range(n)]
    after = [min(5, max(1, b + rnd.choice([-1, 0, 1, 1]))) for b in before]
    assert sum(a != b for a, b in zip(after, before)) > EXACT_MAX
    expected = stats.wilcoxon(after, before, zero_method="wilcox", method="asymptotic").pvalue
    assert signed_rank_p(after, before) == pytest.approx(float(expected), rel=1e-9)


def test_no_change_gives_p_one():
    assert signed_rank_p([3, 3, 4], [3, 3, 4]) == 1.0
