"""Statistics for `shapedoctor compare`: is one candidate really better than another on this test set?

Every run keeps the predicted class of every test series, so two candidates are compared on the *same* series:

  paired test   per test series, the fraction of a candidate's runs that classify it correctly; the series on
                which A is more often right than B are "wins", the reverse "losses", equal ones are ignored; the
                two-sided exact binomial (sign) test of wins vs losses with p = 1/2.  With one run per
                candidate this is exactly the exact McNemar test on the discordant pairs; with several runs the
                series stay the unit of evidence (runs of one series are not independent), so repeating a
                run never inflates the evidence.
  interval      percentile bootstrap of the accuracy difference A - B: the test series are resampled (the same
                draw for both candidates: the pairing is kept) and, independently, each candidate's runs are
                resampled (seed i of A has nothing to do with seed i of B), B_BOOT times with a fixed seed.
  multiplicity  the m = k(k-1)/2 pairs of k candidates are one family: p-values are Holm-adjusted and every
                interval is at level 1 - alpha/m (Bonferroni, so the m intervals hold together).
  verdict       the candidate with the best mean accuracy is named the winner only when, against every other
                candidate, its interval excludes 0 and its adjusted p-value is below alpha; otherwise no
                winner, and the candidates that cannot be told apart from the best are listed.

Across datasets (Demšar 2006): Friedman's test on the per-dataset ranks and the Nemenyi critical difference.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

ALPHA = 0.05
B_BOOT = 10_000
METHOD = ("per-series exact sign test (exact McNemar for one run each; series as the unit over several runs), "
          "Holm-adjusted over all pairs; percentile bootstrap interval of the accuracy difference resampling test "
          "series (paired) and runs (per candidate), {boot} resamples, each interval at level 1 - {alpha}/m for m "
          "pairs; winner only when every interval against it excludes 0 and every adjusted p < {alpha}")

# Demšar (2006) Table 5(a): Nemenyi critical values q_0.05 for k = 2..10 classifiers (studentized range / sqrt 2).
NEMENYI_Q05 = {2: 1.960, 3: 2.343, 4: 2.569, 5: 2.728, 6: 2.850, 7: 2.949, 8: 3.031, 9: 3.102, 10: 3.164}


def sample_std(values) -> float | None:
    """Sample standard deviation (ddof=1); None for fewer than two values."""
    values = np.asarray(values, float)
    return float(values.std(ddof=1)) if len(values) > 1 else None


def decimals_for(sd: float | None, digits: int = 2) -> int:
    """Decimals that show `sd` with `digits` significant digits (0.0534 -> 3, 1.23 -> 1, 12 -> 0)."""
    if sd is None or not np.isfinite(sd) or sd <= 0:
        return 1
    return max(0, digits - 1 - math.floor(math.log10(sd)))


def mean_sd_text(mean: float, sd: float | None, scale: float = 100.0, unit: str = "%") -> str:
    """'96.04% ± 0.52': the sd with two significant digits and the mean to the same decimals; an sd of exactly
    0 (every run alike) is shown as '± 0'."""
    if sd is None:
        return f"{scale * mean:.1f}{unit} (one run)"
    if sd == 0:
        return f"{scale * mean:.1f}{unit} ± 0"
    d = decimals_for(scale * sd)
    # a rounding that reaches the next power of ten (0.0996 -> 0.10) needs one decimal less
    text_sd = f"{scale * sd:.{d}f}"
    if len(text_sd.replace(".", "").lstrip("0")) > 2 and d > 0:
        d -= 1
        text_sd = f"{scale * sd:.{d}f}"
    return f"{scale * mean:.{d}f}{unit} ± {text_sd}"


# ------------------------------------------------------------------------------------------ paired test

def binomial_two_sided(k: int, n: int) -> float:
    """Two-sided exact binomial test of k successes in n trials with p = 1/2 (scipy.stats.binomtest's p-value):
    2 * P(X <= min(k, n-k)), capped at 1; exact rational arithmetic, so no underflow for large n."""
    if n == 0:
        return 1.0
    low = min(k, n - k)
    tail = sum(math.comb(n, i) for i in range(low + 1))
    return float(min(Fraction(1), Fraction(2 * tail, 2 ** n)))


def sign_test(correct_a, correct_b) -> tuple:
    """(wins of A, losses of A, p) over the test series; correct_x is (runs, series) of 0/1."""
    a = np.asarray(correct_a, float).mean(axis=0)
    b = np.asarray(correct_b, float).mean(axis=0)
    wins, losses = int(np.sum(a > b)), int(np.sum(a < b))
    return wins, losses, binomial_two_sided(wins, wins + losses)


def mcnemar_exact(correct_a, correct_b) -> float:
    """Exact McNemar test of two classifiers' 0/1 correctness on the same series (one run each)."""
    a, b = np.asarray(correct_a, bool), np.asarray(correct_b, bool)
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(~a & b))
    return binomial_two_sided(only_a, only_a + only_b)


def bootstrap_diff(correct_a, correct_b, level: float = 0.95, n_boot: int = B_BOOT, seed: int = 0) -> tuple:
    """(mean difference, low, high): percentile bootstrap of accuracy(A) - accuracy(B), resampling the test
    series jointly and each candidate's runs independently.  correct_x: (runs, series) of 0/1."""
    a, b = np.asarray(correct_a, float), np.asarray(correct_b, float)
    n = a.shape[1]
    if b.shape[1] != n:
        raise ValueError(f"the candidates were tested on different series ({n} vs {b.shape[1]})")
    observed = float(a.mean() - b.mean())
    rng = np.random.default_rng(seed)
    diffs = []
    for start in range(0, n_boot, 1000):
        size = min(1000, n_boot - start)
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=size) / n  # (size, n): a series resample
        run_acc_a, run_acc_b = weights @ a.T, weights @ b.T  # (size, runs): each run's accuracy on it
        pick_a = rng.integers(0, a.shape[0], size=(size, a.shape[0]))
        pick_b = rng.integers(0, b.shape[0], size=(size, b.shape[0]))
        rows = np.arange(size)[:, None]
        diffs.append(run_acc_a[rows, pick_a].mean(axis=1) - run_acc_b[rows, pick_b].mean(axis=1))
    diffs = np.concatenate(diffs)
    tail = (1 - level) / 2
    low, high = np.quantile(diffs, [tail, 1 - tail])
    return observed, float(low), float(high)


def holm(pvalues) -> list:
    """Holm-Bonferroni adjusted p-values (step-down, monotone, capped at 1), in the input order."""
    p = np.asarray(pvalues, float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    adjusted = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted.tolist()


# ------------------------------------------------------------------------------------------ the verdict

def compare(candidates: dict, alpha: float = ALPHA, n_boot: int = B_BOOT, seed: int = 0) -> dict:
    """candidates: {name: (runs, series) 0/1 correctness}, each with at least one run, same series.  Returns
    {"method", "alpha", "winner", "best", "indistinguishable", "pairs": [{"a", "b", "diff_mean", "ci_low",
    "ci_high", "p_value", "p_raw", "wins", "losses", "significant"}]}; in each pair `a` is the one with the
    higher mean accuracy, `diff_mean` = accuracy(a) - accuracy(b) and `p_value` is Holm-adjusted."""
    names = sorted(candidates, key=lambda n: -round(float(np.mean(candidates[n])), 12))  # stable: ties keep order
    m = len(names) * (len(names) - 1) // 2
    level = 1 - alpha / max(1, m)
    pairs = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            mean, low, high = bootstrap_diff(candidates[a], candidates[b], level, n_boot, seed)
            wins, losses, p = sign_test(candidates[a], candidates[b])
            pairs.append({"a": a, "b": b, "diff_mean": mean, "ci_low": low, "ci_high": high, "p_raw": p,
                          "wins": wins, "losses": losses})
    for pair, adjusted in zip(pairs, holm([p["p_raw"] for p in pairs])):
        pair["p_value"] = adjusted
        pair["significant"] = bool(adjusted < alpha and (pair["ci_low"] > 0 or pair["ci_high"] < 0))
    best = names[0] if names else None
    against_best = [p for p in pairs if p["a"] == best]
    winner = best if len(names) > 1 and all(p["significant"] and p["ci_low"] > 0 for p in against_best) else None
    tied = [best] + [p["b"] for p in against_best if not (p["significant"] and p["ci_low"] > 0)] if best else []
    return {"method": METHOD.format(boot=n_boot, alpha=alpha), "alpha": alpha, "interval_level": level,
            "winner": winner, "best": best, "indistinguishable": [] if winner else tied, "pairs": pairs}


def verdict_text(comparison: dict, scale: float = 100.0) -> str:
    """The verdict: the winner with its closest rival, or which candidates cannot be told apart (one line per
    pair against the best)."""
    pairs = comparison["pairs"]
    if not pairs:
        return "only one candidate has runs: nothing to compare."
    level = f"{100 * comparison['interval_level']:.4g}%"
    best = comparison["best"]
    against = [p for p in pairs if p["a"] == best]

    def detail(p):
        return (f"{p['a']} - {p['b']} = {_pts(p['diff_mean'], scale)} points, {level} CI [{_pts(p['ci_low'], scale)}, "
                f"{_pts(p['ci_high'], scale)}], Holm {_p_is(p['p_value'])}")

    if comparison["winner"]:
        weakest = min(against, key=lambda p: p["ci_low"])
        return (f"winner: {best}: better than every other candidate (intervals exclude 0); closest: "
                f"{detail(weakest)}")
    tied = comparison["indistinguishable"]
    lines = [f"no winner: {', '.join(tied)} cannot be told apart on this test set:"]
    lines += [f"  {detail(p)}" for p in against if p["b"] in tied]
    separated = [p["b"] for p in against if p["b"] not in tied]
    if separated:
        lines.append(f"  (worse than {best} with intervals excluding 0: {', '.join(separated)})")
    return "\n".join(lines)


def _pts(x: float, scale: float) -> str:
    return f"{scale * x:+.2f}" if x else "0.00"


def _p(p: float) -> str:
    return f"{p:.2g}" if p >= 1e-4 else "<0.0001"


def _p_is(p: float) -> str:
    """'p = 0.0018' or 'p < 0.0001'."""
    return f"p = {p:.2g}" if p >= 1e-4 else "p < 0.0001"


# ------------------------------------------------------------------------------------------ across datasets

def average_ranks(scores) -> np.ndarray:
    """scores (datasets, candidates), higher is better -> ranks (1 = best, ties averaged) per dataset.  Scores
    equal to 12 decimals tie (two means of the same accuracies summed in another order differ in the last bit)."""
    scores = np.round(np.asarray(scores, float), 12)
    ranks = np.empty_like(scores)
    for i, row in enumerate(scores):
        order = (-row).argsort(kind="stable")
        r = np.empty(len(row))
        r[order] = np.arange(1, len(row) + 1)
        for value in np.unique(row):
            tie = row == value
            r[tie] = r[tie].mean()
        ranks[i] = r
    return ranks


def friedman(scores) -> tuple:
    """(chi-square statistic, p-value) of Friedman's test, with the tie correction (as scipy's
    friedmanchisquare): scores (datasets N, candidates k)."""
    from scipy.stats import chi2

    ranks = average_ranks(scores)
    n, k = ranks.shape
    mean_ranks = ranks.mean(axis=0)
    stat = 12 * n / (k * (k + 1)) * (np.sum(mean_ranks ** 2) - k * (k + 1) ** 2 / 4)
    ties = 0.0
    for row in ranks:
        _, counts = np.unique(row, return_counts=True)
        ties += np.sum(counts ** 3 - counts)
    stat /= 1 - ties / (n * k * (k * k - 1))
    return float(stat), float(chi2.sf(stat, k - 1))


def nemenyi_cd(k: int, n: int, alpha: float = ALPHA) -> float:
    """Nemenyi critical difference of average ranks for k candidates on n datasets (Demšar 2006)."""
    if alpha == 0.05 and k in NEMENYI_Q05:
        q = NEMENYI_Q05[k]
    else:
        from scipy.stats import studentized_range

        q = float(studentized_range.ppf(1 - alpha, k, np.inf)) / math.sqrt(2)
    return q * math.sqrt(k * (k + 1) / (6 * n))
