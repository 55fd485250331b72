"""Paired before/after statistics against hand-computed values on a fixed data set."""
from __future__ import annotations

import math
import subprocess
import sys

import pytest

from webapp.monitoring import paired

BEFORE = [3, 4, 5, 6, 4, 5]
AFTER = [5, 5, 7, 6, 6, 8]  # differences 2, 1, 2, 0, 2, 3


def test_mean_change_and_confidence_interval_by_hand():
    result = paired.compare(list(zip(BEFORE, AFTER)))
    assert result.n == 6
    assert result.mean_before == pytest.approx(27 / 6, abs=1e-12)
    assert result.mean_after == pytest.approx(37 / 6, abs=1e-12)
    assert result.mean_change == pytest.approx(10 / 6, abs=1e-12)
    # sd of the differences: sqrt(5.3333… / 5) = 1.0327956; t(0.975, 5) = 2.5705818366
    half = 2.5705818366147395 * math.sqrt((16 / 3) / 5) / math.sqrt(6)
    assert result.ci_low == pytest.approx(10 / 6 - half, abs=1e-6)
    assert result.ci_high == pytest.approx(10 / 6 + half, abs=1e-6)
    assert result.ci_low == pytest.approx(0.5828, abs=1e-4) and result.ci_high == pytest.approx(2.7505, abs=1e-4)


def test_wilcoxon_p_value_matches_scipy_and_the_exact_value():
    from scipy import stats
    result = paired.compare(list(zip(BEFORE, AFTER)))
    expected = stats.wilcoxon(AFTER, BEFORE, zero_method="wilcox").pvalue
    assert abs(result.p_value - expected) < 1e-6
    # no ties, no zeros, all six differences positive: exact two-sided p = 2 / 2**6
    exact = paired.compare([(1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7)])
    assert abs(exact.p_value - 0.03125) < 1e-6
    assert exact.verdict == paired.IMPROVED


def test_verdicts():
    assert paired.compare([(5, 5)] * 4).verdict == paired.INSUFFICIENT  # n < 5: no figures at all
    assert paired.compare([(5, 5)] * 4).mean_change is None
    assert paired.compare([(5, 5)] * 6).verdict == paired.NO_CHANGE and paired.compare([(5, 5)] * 6).p_value == 1.0
    worse = [(7, 1), (7, 2), (7, 3), (7, 4), (7, 5), (7, 6)]
    assert paired.compare(worse).verdict == paired.WORSE
    assert paired.compare(worse, lower_is_better=True).verdict == paired.IMPROVED  # burnout going down
    mixed = [(5, 6), (5, 4), (5, 7), (5, 3), (5, 6), (5, 5)]
    assert paired.compare(mixed).verdict == paired.NO_CHANGE


def test_only_people_who_answered_both_are_paired():
    before = {1: 3, 2: 4, 3: 5, 4: None}
    after = {2: 6, 3: 7, 4: 8, 5: 9}
    assert paired.pairs_of(before, after) == [(4.0, 6.0), (5.0, 7.0)]


def test_the_application_starts_without_scipy():
    code = ("import sys; from webapp import create_app; create_app({'TESTING': True, "
            "'DATABASE_URL': 'sqlite:///:memory:'}); print('scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().endswith("False"), out.stderr[-2000:]


def test_monitoring_pages_do_not_import_scipy(tmp_path):
    """Importing scipy took ~3 s inside the first monitoring request of every server process."""
    code = ("import sys; from webapp.monitoring import paired; "
            "r = paired.compare([(1, 2), (1, 3), (2, 4), (3, 3), (1, 5), (2, 2), (4, 5)]); "
            "print(r.verdict, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["no_change", "False"], out.stderr[-2000:]  # p = 0,0625 with a zero difference
