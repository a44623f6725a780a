"""The statistics behind compare's verdict, against scipy and hand-computed values."""

import math

import numpy as np
import pytest

from shapedoctor.experiments import stats

scipy_stats = pytest.importorskip("scipy.stats")


@pytest.mark.parametrize("k, n", [(0, 0), (0, 1), (1, 7), (3, 10), (5, 10), (10, 10), (12, 30), (40, 100),
                                  (480, 1000), (7, 8)])
def test_exact_binomial_matches_scipy(k, n):
    want = scipy_stats.binomtest(k, n, 0.5).pvalue if n else 1.0
    assert stats.binomial_two_sided(k, n) == pytest.approx(want, rel=1e-9, abs=1e-300)


def test_mcnemar_exact_by_hand():
    # A right / B wrong on 1 series, A wrong / B right on 6: p = 2 * (C(7,0) + C(7,1)) / 2^7 = 16/128
    a = np.array([1] * 1 + [0] * 6 + [1] * 20 + [0] * 3, bool)
    b = np.array([0] * 1 + [1] * 6 + [1] * 20 + [0] * 3, bool)
    assert stats.mcnemar_exact(a, b) == pytest.approx(0.125)
    # with one run per candidate the per-series sign test is exactly McNemar's test
    assert stats.sign_test(a[None], b[None]) == (1, 6, pytest.approx(0.125))


def test_sign_test_uses_series_as_the_unit_over_runs():
    # three runs each; series 0-9: A right in 3/3 runs, B in 2/3 -> 10 wins; series 10: B better -> 1 loss
    a = np.ones((3, 20))
    b = np.ones((3, 20))
    b[0, :10] = 0
    a[:, 10] = 0
    wins, losses, p = stats.sign_test(a, b)
    assert (wins, losses) == (10, 1)
    assert p == pytest.approx(scipy_stats.binomtest(10, 11, 0.5).pvalue)
    # repeating the same runs does not add evidence
    assert stats.sign_test(np.vstack([a, a]), np.vstack([b, b]))[2] == pytest.approx(p)


def test_holm_by_hand():
    # sorted 0.005, 0.01, 0.03, 0.04 -> 4*0.005, 3*0.01, 2*0.03, max(0.06, 1*0.04)
    assert stats.holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert stats.holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])
    assert stats.holm([]) == []


def test_bootstrap_interval_matches_the_normal_approximation_for_one_run():
    rng = np.random.default_rng(1)
    n = 2000
    a = (rng.random(n) < 0.9).astype(float)
    b = np.where(rng.random(n) < 0.3, 1 - a, a)  # B disagrees with A on ~30% of the series
    mean, low, high = stats.bootstrap_diff(a[None], b[None], level=0.95, n_boot=4000)
    d = a - b
    se = d.std(ddof=1) / math.sqrt(n)
    assert mean == pytest.approx(d.mean())
    assert low == pytest.approx(d.mean() - 1.96 * se, abs=0.25 * se)
    assert high == pytest.approx(d.mean() + 1.96 * se, abs=0.25 * se)


def test_bootstrap_widens_when_runs_disagree_and_is_reproducible():
    rng = np.random.default_rng(2)
    truth = (rng.random(300) < 0.8).astype(float)
    steady = np.vstack([truth] * 3)
    shaky = np.vstack([truth, truth, np.zeros(300)])  # one collapsed run
    narrow = stats.bootstrap_diff(steady, steady.copy(), n_boot=2000)
    assert narrow == (0.0, 0.0, 0.0)
    _, low, high = stats.bootstrap_diff(steady, shaky, n_boot=2000)
    assert low <= 0.0 < high and high - low > 0.3
    assert stats.bootstrap_diff(steady, shaky, n_boot=2000) == (_, low, high)
    with pytest.raises(ValueError, match="different series"):
        stats.bootstrap_diff(steady, shaky[:, :10])


def test_verdict_names_a_winner_only_when_every_interval_excludes_zero():
    rng = np.random.default_rng(3)
    n = 400
    good = (rng.random((3, n)) < 0.95).astype(float)
    bad = (rng.random((3, n)) < 0.70).astype(float)
    similar = (rng.random((3, n)) < 0.945).astype(float)
    clear = stats.compare({"bad": bad, "good": good}, n_boot=2000)
    assert clear["winner"] == "good" and clear["indistinguishable"] == []
    (pair,) = clear["pairs"]
    assert set(pair) >= {"a", "b", "diff_mean", "ci_low", "ci_high", "p_value"}
    assert (pair["a"], pair["b"]) == ("good", "bad") and pair["ci_low"] > 0 and pair["p_value"] < 0.05
    assert "winner: good" in stats.verdict_text(clear)

    close = stats.compare({"good": good, "similar": similar, "bad": bad}, n_boot=2000)
    assert close["winner"] is None
    assert set(close["indistinguishable"]) == {"good", "similar"}
    assert len(close["pairs"]) == 3 and close["interval_level"] == pytest.approx(1 - 0.05 / 3)
    raw = [p["p_raw"] for p in close["pairs"]]
    assert [p["p_value"] for p in close["pairs"]] == pytest.approx(stats.holm(raw))
    text = stats.verdict_text(close)
    assert text.startswith("no winner: ") and "worse than" in text and "bad" in text.splitlines()[-1]
    assert stats.compare({"only": good})["winner"] is None


def test_sample_std_and_two_significant_digits():
    assert stats.sample_std([0.9, 1.0]) == pytest.approx(np.std([0.9, 1.0], ddof=1))
    assert stats.sample_std([0.5]) is None
    assert stats.mean_sd_text(0.96043, 0.0052) == "96.04% ± 0.52"
    assert stats.mean_sd_text(0.95, 0.0005) == "95.000% ± 0.050"  # not '± 0.0'
    assert stats.mean_sd_text(0.9, 0.0709) == "90.0% ± 7.1"
    assert stats.mean_sd_text(0.9, 0.000996) == "90.00% ± 0.10"
    assert stats.mean_sd_text(0.74, 0.0) == "74.0% ± 0"
    assert stats.mean_sd_text(0.74, None) == "74.0% (one run)"


def test_friedman_matches_scipy_with_ties():
    rng = np.random.default_rng(4)
    scores = np.round(rng.random((6, 4)), 1)  # rounding makes ties
    scores[0, :2] = 0.5
    want = scipy_stats.friedmanchisquare(*scores.T)
    got = stats.friedman(scores)
    assert got == pytest.approx((want.statistic, want.pvalue))


def test_average_ranks_and_nemenyi_cd():
    ranks = stats.average_ranks([[0.9, 0.8, 0.8, 0.7], [0.1, 0.2, 0.3, 0.4]])
    assert ranks.tolist() == [[1, 2.5, 2.5, 4], [4, 3, 2, 1]]
    # Demšar 2006, section 3.2.2: k = 4 classifiers on N = 14 datasets, q = 2.569 -> CD = 1.25
    assert stats.nemenyi_cd(4, 14) == pytest.approx(2.569 * math.sqrt(20 / 84))
    assert stats.nemenyi_cd(4, 14) == pytest.approx(1.25, abs=0.005)
    for k, q in stats.NEMENYI_Q05.items():
        assert q == pytest.approx(scipy_stats.studentized_range.ppf(0.95, k, np.inf) / math.sqrt(2), abs=2e-3)
    assert stats.nemenyi_cd(12, 5) == pytest.approx(
        scipy_stats.studentized_range.ppf(0.95, 12, np.inf) / math.sqrt(2) * math.sqrt(12 * 13 / 30))


def test_means_equal_but_for_rounding_tie():
    a = np.mean([0.9333333333333333, 0.94, 0.9466666666666667])
    b = np.mean([0.94, 0.9466666666666667, 0.9333333333333333])
    assert stats.average_ranks([[a, b, 0.5]]).tolist() == [[1.5, 1.5, 3]]
