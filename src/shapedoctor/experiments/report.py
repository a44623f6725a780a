"""results.json, report.md, accuracy.png and curves.png for `shapedoctor compare`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from . import stats

FAWAZ_SOURCE = ("Fawaz, Forestier, Weber, Idoumghar, Muller (2019), 'Deep learning for time series "
                "classification: a review', Data Mining and Knowledge Discovery 33:917-963, UCR archive results")
# Published test accuracy (%) of the MLP, FCN and ResNet in the review above.
PUBLISHED = {
    "GunPoint": {"MLP": 92.7, "FCN": 100.0, "ResNet": 99.1},
    "ItalyPowerDemand": {"MLP": 95.4, "FCN": 96.1, "ResNet": 96.3},
    "Coffee": {"MLP": 99.6, "FCN": 100.0, "ResNet": 100.0},
}
PROTOCOL_TEXT = {
    "fawaz": ("Fawaz-style: a fixed number of epochs, batch 16, Adam 1e-3, ReduceLROnPlateau (x0.5 after 50 "
              "epochs without improvement, min 1e-4) on the training loss; the weights of the epoch with the "
              "lowest training loss are evaluated. No validation split: the training set is too small for one."),
    "early-stopping": ("early stopping: a stratified 20% of the training set is held out for validation; "
                       "ReduceLROnPlateau and EarlyStopping (best weights restored) on the validation loss."),
    "reconstruction": ("autoencoder on sliding windows (128 points, stride 1) of the anomaly-free prefix, MSE, "
                       "Adam 1e-3, batch 64, fixed epochs; a point's score is the mean reconstruction error of the "
                       "windows containing it, the highest-scoring point after the prefix is the predicted "
                       "location; UCR rule: a hit within 100 points of the labelled (or injected) region. Scores "
                       "are reported per series and per injected kind, never pooled."),
}


def reference_for(name: str) -> dict:
    if name not in PUBLISHED:
        return {}
    return {"source": FAWAZ_SOURCE, "test_accuracy": {k: v / 100 for k, v in PUBLISHED[name].items()}}


def summarise(name: str, params: int | None, runs: list, error: str | None = None) -> dict:
    """One candidate's runs; the std is the sample std (ddof=1) over runs, None with one run."""
    acc = np.array([r["test_accuracy"] for r in runs], float)
    secs = np.array([r["train_seconds"] for r in runs], float)
    entry = {"name": name, "params": params,
             "test_accuracy_mean": float(acc.mean()) if len(acc) else None,
             "test_accuracy_std": stats.sample_std(acc),
             "train_seconds_mean": float(secs.mean()) if len(secs) else None,
             "runs": runs}
    if runs and runs[0].get("protocol") == "reconstruction":
        labelled, injected = {}, {}
        for r in runs:
            if "hit" in r:
                one = labelled.setdefault(r["series"], {"hits": 0, "runs": 0, "locations": []})
                one["hits"] += int(r["hit"])
                one["runs"] += 1
                one["locations"].append(r["location"])
            for v in r.get("injected", []):
                one = injected.setdefault(v["kind"], {"hits": 0, "n": 0, "chance": 0.0, "by_series": {}})
                one["hits"] += int(v["hit"])
                one["n"] += 1
                one["chance"] += v["chance"]
                got, total = one["by_series"].get(r["series"], (0, 0))
                one["by_series"][r["series"]] = (got + int(v["hit"]), total + 1)
        for one in injected.values():
            one["chance"] /= max(1, one["n"])
            one["by_series"] = {k: f"{g}/{t}" for k, (g, t) in one["by_series"].items()}
        entry["labelled"], entry["injected"] = labelled, injected
    if error:
        entry["error"] = error
    return entry


def write_all(out: Path, results: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    if results.get("task") == "anomaly":
        _atomic(out / "results.json", json.dumps(results))
        _atomic(out / "report.md", anomaly_markdown(results))
        plot_curves(results, out / "curves.png")
        for series in results["dataset"]["series"]:
            if series.get("anomaly"):
                plot_anomaly_series(results, series["name"], out / f"anomaly-{series['name']}.png")
        plot_injected(results, out / "injected.png")
        return
    _atomic(out / "results.json", json.dumps(results, indent=2))
    _atomic(out / "report.md", markdown(results))
    plot_accuracy(results, out / "accuracy.png")
    plot_curves(results, out / "curves.png")


def _atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def ranked(results):
    done = [c for c in results["candidates"] if c["runs"]]
    return sorted(done, key=lambda c: -round(c["test_accuracy_mean"], 12))  # stable, as stats.compare


def _pct(v):
    return f"{100 * v:.1f}%"


def accuracy_text(c: dict) -> str:
    return stats.mean_sd_text(c["test_accuracy_mean"], c["test_accuracy_std"])


def verdict(results: dict) -> str:
    comparison = results.get("comparison")
    if comparison:
        return comparison["verdict"]
    order = ranked(results)
    if not order:
        return "no candidate finished."
    return f"best: {order[0]['name']} ({_pct(order[0]['test_accuracy_mean'])}); no paired test for this task."


def console_table(results: dict) -> str:
    """The results table and the verdict as plain text (what compare prints at the end)."""
    if results.get("task") == "anomaly":
        return anomaly_text(results)
    d, anomaly = results["dataset"], False
    metric = "UCR score" if anomaly else "test accuracy"
    rows = [(c["name"], f"{c['params']:,}", accuracy_text(c), str(len(c["runs"])), f"{c['train_seconds_mean']:.0f}")
            for c in ranked(results)]
    rows += [(c["name"], "-", f"failed: {c['error']}", "0", "-") for c in results["candidates"] if c.get("error")
             and not c["runs"]]
    head = ("candidate", "params", f"{metric} (mean ± sd)", "runs", "s/run")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
    fmt = "  ".join(f"{{:{'<' if i in (0, 2) else '>'}{w}}}" for i, w in enumerate(widths))
    what = (f"{d['n_test']} test series" if not anomaly else f"{d['n_test']} series")
    lines = [f"{d['name']}: {what}, {results['epochs']} epochs, {len(results['seeds'])} run(s) per candidate",
             fmt.format(*head)] + [fmt.format(*r) for r in rows]
    return "\n".join(lines + [verdict(results)])


def markdown(results: dict) -> str:
    d, anomaly = results["dataset"], results.get("task") == "anomaly"
    metric = "UCR score" if anomaly else "test accuracy"
    lines = [f"# shapedoctor compare: {d['name']}", ""]
    if anomaly:
        lines.append("Series: " + "; ".join(f"{s['name']} ({s['length']} points, normal prefix {s['train_end']}, "
                                              f"anomaly {s['anomaly'][0]}-{s['anomaly'][1]})"
                                              for s in d["series"]))
    else:
        lines.append(f"{d['n_train']} training and {d['n_test']} test series of length {d['length']}, "
                     f"{d['channels']} channel(s), {d['classes']} classes; z-normalised per series.")
    adapted = next((c["repair"] for c in results["candidates"] if c.get("repair")), None)
    if adapted:
        lines += ["", f"Candidates: the verified repairs of `{Path(adapted['file']).name}`"
                      + (f", its model adapted to the data ({'; '.join(adapted['adapted'])})"
                         if adapted.get("adapted") else "") + "."]
    protocols = sorted({r["protocol"] for c in results["candidates"] for r in c["runs"]})
    lines += ["", "## Protocol", ""]
    lines += [f"- **{p}**: {PROTOCOL_TEXT[p]}" for p in protocols]
    lines += [f"- {results['epochs']} epochs, seeds {', '.join(map(str, results['seeds']))} "
              "(one run per seed and candidate); mean ± sample standard deviation (ddof=1) over runs, the "
              "deviation to two significant digits."]
    extra = " | hits" if anomaly else ""
    lines += ["", "## Results", "", f"| candidate | params | {metric} (mean ± sd) | runs | train s/run{extra} |",
              "|---|---:|---:|---:|---:|" + ("---|" if anomaly else "")]
    for c in ranked(results):
        hits = " | " + ", ".join(f"{s} {h}" for s, h in c["hits"].items()) if anomaly else ""
        lines.append(f"| {c['name']} | {c['params']:,} | {accuracy_text(c)} | {len(c['runs'])} | "
                     f"{c['train_seconds_mean']:.1f}{hits} |")
    for c in results["candidates"]:
        if c.get("error"):
            lines.append(f"| {c['name']} | failed: {c['error']} | | | |")
    comparison = results.get("comparison")
    head, *rest = verdict(results).split("\n")
    lines += ["", "## Verdict", "", f"**{head}**"] + ([""] + [f"- {r.strip()}" for r in rest] if rest else [])
    if comparison and comparison["pairs"]:
        level = f"{100 * comparison['interval_level']:.4g}%"
        lines += ["", f"Method: {comparison['method']}.", "",
                  f"| a | b | a − b (points) | {level} CI | series a/b right more often | Holm p | separated |",
                  "|---|---|---:|---|---:|---:|---|"]
        for p in comparison["pairs"]:
            interval = f"[{stats._pts(p['ci_low'], 100)}, {stats._pts(p['ci_high'], 100)}]"
            lines.append(f"| {p['a']} | {p['b']} | {stats._pts(p['diff_mean'], 100)} | {interval} | "
                         f"{p['wins']}/{p['losses']} | {stats._p(p['p_value'])} | "
                         f"{'yes' if p['significant'] else 'no'} |")
    ref = results.get("reference") or {}
    if ref:
        lines += ["", "## Published reference", "",
                  " · ".join(f"{k} {_pct(v)}" for k, v in ref["test_accuracy"].items()), "",
                  f"Source: {ref['source']}"]
    if results.get("interrupted"):
        lines += ["", "_Interrupted: only the runs that finished are included; re-run to complete._"]
    lines += ["", "![accuracy](accuracy.png)", "", "![learning curves](curves.png)", ""]
    return "\n".join(lines)


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def accuracy_limits(values) -> tuple:
    """y-axis limits (percent) that fit the values with a margin: the differences stay visible."""
    values = [v for v in values if v is not None and np.isfinite(v)]
    if not values:
        return 0.0, 100.0
    lo, hi = min(values), max(values)
    pad = max(0.5, 0.15 * (hi - lo))
    low, high = max(0.0, lo - pad), min(100.0 + pad / 2, hi + 2 * pad)  # room above for the value labels
    return low, high


def plot_accuracy(results: dict, path: Path) -> None:
    plt = _plt()
    done = ranked(results)
    anomaly = results.get("task") == "anomaly"
    fig, ax = plt.subplots(figsize=(1.3 * max(3, len(done)) + 4.5, 4.2))
    xs = np.arange(len(done))
    means = [100 * c["test_accuracy_mean"] for c in done]
    sds = [100 * (c["test_accuracy_std"] or 0) for c in done]
    shown = [100 * r["test_accuracy"] for c in done for r in c["runs"]]  # references do not set the scale
    low, high = accuracy_limits(shown + [m + s for m, s in zip(means, sds)] + [m - s for m, s in zip(means, sds)])
    ax.bar(xs, [m - low for m in means], bottom=low, yerr=sds, capsize=6, color="#7aa6c2", edgecolor="#2b5876",
           label="mean ± sd over runs")
    for x, c, m, sd in zip(xs, done, means, sds):
        ys = [100 * r["test_accuracy"] for r in c["runs"]]
        ax.scatter(np.full(len(ys), x) + np.linspace(-0.15, 0.15, len(ys)), ys, s=14, color="k", zorder=3)
        text = stats.mean_sd_text(c["test_accuracy_mean"], c["test_accuracy_std"], unit="")
        ax.annotate(text, (x, max([m + sd] + ys)), textcoords="offset points", xytext=(0, 4), ha="center",
                    fontsize=8)
    styles = {"FCN": ("#d62728", "--"), "ResNet": ("#2ca02c", ":"), "MLP": ("#9467bd", "-.")}
    for model, acc in (results.get("reference") or {}).get("test_accuracy", {}).items():
        color, ls = styles.get(model, ("gray", "--"))
        off = "" if low <= 100 * acc <= high else ", off the scale"
        ax.axhline(100 * acc, color=color, ls=ls, lw=1.2,
                   label=f"published {model} {100 * acc:.1f}% (Fawaz 2019{off})")
    ax.set_xticks(xs, [c["name"] for c in done], rotation=15)
    ax.set_ylabel("UCR score (% runs hit)" if anomaly else "test accuracy (%)")
    ax.set_ylim(low, high)
    comparison = results.get("comparison") or {}
    tied = comparison.get("indistinguishable", [])
    verdict_line = (f"winner: {comparison['winner']} (paired test and intervals vs every other)"
                    if comparison.get("winner") else
                    f"no winner: {', '.join(tied) if len(tied) <= 3 else f'{len(tied)} candidates'} indistinguishable"
                    if comparison.get("pairs") else "")
    title = f"{results['dataset']['name']}: {results['epochs']} epochs, {len(results['seeds'])} runs per candidate"
    ax.set_title(title + (f"\n{verdict_line}" if verdict_line else ""), fontsize=10)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def median_run(runs: list) -> int:
    """Index of the run with the median test accuracy (the lower middle one for an even count)."""
    order = sorted(range(len(runs)), key=lambda i: runs[i]["test_accuracy"])
    return order[(len(order) - 1) // 2]


def plot_curves(results: dict, path: Path) -> None:
    """One panel per candidate (shared axes): every run's training loss thin, the median run bold, validation
    loss dotted when there is one."""
    plt = _plt()
    done = ranked(results)
    if not done:
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.text(0.5, 0.5, "no finished runs", ha="center", va="center")
        fig.savefig(path, dpi=110)
        plt.close(fig)
        return
    cols = min(3, len(done))
    rows = -(-len(done) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.0 * rows), squeeze=False, sharex=True, sharey=True)
    for ax, c in zip(axes.flat, done):
        mid = median_run(c["runs"])
        for j, r in enumerate(c["runs"]):
            bold = j == mid
            for split, ls in (("", "-"), ("val_", ":")):
                ys = r["history"].get(split + "loss")
                if ys:
                    label = (("median run" if bold else "other runs" if j == (1 if mid == 0 else 0) else None)
                             if not split else ("validation (median run)" if bold else None))
                    ax.plot(np.arange(1, len(ys) + 1), ys, ls, color="#1f4e79" if bold else "#9bbbd4",
                            lw=1.6 if bold else 0.8, label=label, zorder=3 if bold else 2)
        ax.set_yscale("log")
        ax.set_title(f"{c['name']}: {accuracy_text(c)}", fontsize=9)
        ax.grid(alpha=0.3)
    for ax in axes.flat[len(done):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("epoch")
    for ax in axes[:, 0]:
        ax.set_ylabel("loss")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    if handles:
        axes.flat[0].legend(fontsize=7)
    fig.suptitle(f"{results['dataset']['name']}: learning curves per candidate (median run bold)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ----------------------------------------------------------------------------------------------- across datasets

def cross_dataset(per_dataset: list) -> dict:
    """Friedman + Nemenyi (Demšar 2006) over the candidates that finished on every classification dataset, ranked
    by mean test accuracy per dataset (rank 1 = best, ties averaged)."""
    rows = [r for r in per_dataset if r.get("comparison") is not None]
    names = [c["name"] for c in ranked(rows[0])] if rows else []
    for r in rows[1:]:
        have = {c["name"] for c in r["candidates"] if c["runs"]}
        names = [n for n in names if n in have]
    out = {"datasets": [r["dataset"]["name"] for r in rows], "candidates": names,
           "winners": {r["dataset"]["name"]: r["comparison"]["winner"] for r in rows}}
    if len(rows) < 2 or len(names) < 2:
        out["note"] = "a critical-difference analysis needs at least 2 datasets and 2 candidates that ran on all"
        return out
    scores = np.array([[next(c["test_accuracy_mean"] for c in r["candidates"] if c["name"] == n) for n in names]
                       for r in rows])
    ranks = stats.average_ranks(scores)
    statistic, p = stats.friedman(scores)
    cd = stats.nemenyi_cd(len(names), len(rows))
    out.update({"mean_accuracy": scores.tolist(), "ranks": ranks.tolist(),
                "average_ranks": ranks.mean(axis=0).tolist(),
                "friedman": {"statistic": statistic, "p_value": p}, "nemenyi_cd": cd, "alpha": stats.ALPHA,
                "method": "Friedman test on per-dataset ranks of mean test accuracy, Nemenyi critical difference "
                          f"at alpha = {stats.ALPHA} (Demšar 2006)"})
    return out


def cross_text(summary: dict) -> str:
    if "average_ranks" not in summary:
        return f"across datasets: {summary.get('note', '')}"
    order = np.argsort(summary["average_ranks"])
    ranks = ", ".join(f"{summary['candidates'][i]} {summary['average_ranks'][i]:.2f}" for i in order)
    f = summary["friedman"]
    verdict = ("the candidates differ (Friedman p < 0.05)" if f["p_value"] < stats.ALPHA else
               "no candidate ranks reliably better across these datasets (Friedman p >= 0.05)")
    return (f"across {len(summary['datasets'])} datasets: average rank {ranks}; Friedman chi2 = "
            f"{f['statistic']:.2f}, {stats._p_is(f['p_value'])}; Nemenyi CD = {summary['nemenyi_cd']:.2f}: {verdict}")


def write_cross(out: Path, summary: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _atomic(out / "results.json", json.dumps(summary, indent=2))
    lines = [f"# shapedoctor compare: {len(summary['datasets'])} datasets", ""]
    if "average_ranks" in summary:
        names = summary["candidates"]
        lines += ["| dataset | " + " | ".join(names) + " | winner (paired test) |",
                  "|---|" + "---:|" * len(names) + "---|"]
        for d, accs, ranks in zip(summary["datasets"], summary["mean_accuracy"], summary["ranks"]):
            lines.append(f"| {d} | " + " | ".join(f"{100 * a:.1f}% ({r:g})" for a, r in zip(accs, ranks))
                         + f" | {summary['winners'].get(d) or 'none'} |")
        lines.append("| average rank | " + " | ".join(f"{r:.2f}" for r in summary["average_ranks"]) + " | |")
        lines += ["", cross_text(summary), "", f"Method: {summary['method']}.", "", "![critical difference](cd.png)"]
        plot_cd(names, summary["average_ranks"], summary["nemenyi_cd"], out / "cd.png",
                f"{len(summary['datasets'])} datasets: {', '.join(summary['datasets'])}")
    else:
        lines.append(summary.get("note", ""))
    lines += ["", "Per dataset: " + ", ".join(f"[{d}]({_slug_link(d)}/report.md)" for d in summary["datasets"]), ""]
    _atomic(out / "summary.md", "\n".join(lines))


def _slug_link(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)


def cd_groups(ranks, cd: float) -> list:
    """Maximal runs of candidates (sorted by rank) whose average ranks differ by less than cd: the bars of a
    critical-difference diagram (index lists into the sorted order), only groups of two or more."""
    r = np.sort(np.asarray(ranks, float))
    groups = []
    for i in range(len(r)):
        j = i
        while j + 1 < len(r) and r[j + 1] - r[i] < cd:
            j += 1
        if j > i and not any(g[0] <= i and j <= g[-1] for g in groups):
            groups.append(list(range(i, j + 1)))
    return groups


def plot_cd(names, ranks, cd: float, path: Path, title: str = "") -> None:
    """A critical-difference diagram (Demšar 2006): average ranks on an axis (1 = best, left), a bar of length
    CD, and thick lines joining candidates that are not significantly different."""
    plt = _plt()
    k = len(names)
    order = np.argsort(ranks)
    r = np.asarray(ranks, float)[order]
    labels = [names[i] for i in order]
    half = (k + 1) // 2
    step = 0.35
    height = 1.4 + step * half + 0.25 * len(cd_groups(r, cd))
    fig, ax = plt.subplots(figsize=(8, height))
    lo, hi = 1, k
    ax.hlines(0, lo, hi, color="k", lw=1)
    for t in range(lo, hi + 1):
        ax.vlines(t, 0, 0.08, color="k", lw=1)
        ax.text(t, 0.12, str(t), ha="center", va="bottom", fontsize=9)
    ax.hlines(0.55, lo, lo + cd, color="k", lw=1.5)
    ax.vlines([lo, lo + cd], 0.5, 0.6, color="k", lw=1.5)
    ax.text(lo + cd / 2, 0.62, f"CD = {cd:.2f}", ha="center", va="bottom", fontsize=9)
    for i, (rank, label) in enumerate(zip(r, labels)):
        left = i < half
        depth = -(i + 1 if left else k - i) * step
        end = lo - 0.3 if left else hi + 0.3
        ax.plot([rank, rank, end], [0, depth, depth], color="k", lw=0.8)
        ax.text(end + (-0.05 if left else 0.05), depth, f"{label} ({rank:.2f})", ha="right" if left else "left",
                va="center", fontsize=9)
    for level, g in enumerate(cd_groups(r, cd)):
        y = -0.12 - 0.12 * level
        ax.hlines(y, r[g[0]] - 0.03, r[g[-1]] + 0.03, color="#444", lw=4)
    ax.set_xlim(lo - 2.2, hi + 2.2)
    ax.set_ylim(-step * half - 0.3, 0.95)
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ----------------------------------------------------------------------------------------------- anomaly task

def _anomaly_rows(results: dict):
    """(labelled rows, injected rows) for the anomaly report: per series and per kind, never pooled."""
    cands = [c for c in results["candidates"] if c["runs"]]
    names = [c["name"] for c in cands]
    labelled = []
    for s in results["dataset"]["series"]:
        if not s.get("anomaly"):
            continue
        b, e = s["anomaly"]
        cells = []
        for c in cands:
            one = c["labelled"].get(s["name"])
            where = ", ".join(map(str, one["locations"])) if one else ""
            cells.append("-" if one is None else f"{one['hits']}/{one['runs']} (at {where})")
        labelled.append((f"{s['name']} ({b}-{e})", cells))
    kinds = [k for k in _kinds() if any(k in c["injected"] for c in cands)]
    injected = []
    for k in kinds:
        cells, chance = [], None
        for c in cands:
            one = c["injected"].get(k)
            if one is None:
                cells.append("-")
                continue
            chance = one["chance"]
            cells.append(f"{one['hits']}/{one['n']} ({100 * one['hits'] / one['n']:.0f}%)")
        injected.append((k, cells, chance))
    return names, labelled, injected


def _kinds():
    from .anomaly import KINDS

    return KINDS


def anomaly_text(results: dict) -> str:
    names, labelled, injected = _anomaly_rows(results)
    lines = [f"anomaly task: {results['epochs']} epochs, {len(results['seeds'])} run(s) per candidate and series"]

    def table(head, rows):
        widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
        return ["  ".join(f"{str(v):<{w}}" for v, w in zip(r, widths)) for r in [head] + rows]

    if labelled:
        lines += ["labelled anomalies: runs that hit (UCR rule) and where each run pointed"]
        lines += table(["series"] + names, [[n] + cells for n, cells in labelled])
    if injected:
        lines += ["injected anomalies: hit rate per kind (all series, positions and runs)"]
        lines += table(["kind"] + names + ["chance"],
                       [[k] + cells + [f"{100 * ch:.0f}%" if ch is not None else "-"] for k, cells, ch in injected])
    return "\n".join(lines)


def anomaly_markdown(results: dict) -> str:
    names, labelled, injected = _anomaly_rows(results)
    d = results["dataset"]
    lines = [f"# shapedoctor compare: anomaly task ({d['name']})", "", "Series:", ""]
    for s in d["series"]:
        what = (f"labelled anomaly {s['anomaly'][0]}-{s['anomaly'][1]}" if s.get("anomaly") else "no labelled anomaly")
        lines.append(f"- **{s['name']}**: {s['length']} points, normal prefix {s['train_end']}, {what}; "
                     f"{s.get('injected', 0)} injected variants")
    lines += ["", "## Protocol", "", f"- {PROTOCOL_TEXT['reconstruction']}",
              f"- {results['epochs']} epochs, seeds {', '.join(map(str, results['seeds']))}.",
              "- Injected kinds: spike (3 points, +6 sd), level-shift (150 points, +2 sd), noise-burst (100 points, "
              "+N(0, 1 sd)), time-warp (200 points on a smooth monotone warp), missing-beat (one period flat at "
              "the local median); 4 positions per kind and series, the same for every candidate and run; only "
              "in the part of a series before its own labelled anomaly."]
    for c in results["candidates"]:
        if c.get("error"):
            lines.append(f"- {c['name']} failed: {c['error']}")
    if labelled:
        lines += ["", "## Labelled anomalies (per series)", "",
                  "| series | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        lines += [f"| {n} | " + " | ".join(cells) + " |" for n, cells in labelled]
        lines += [""] + [f"![{s['name']}](anomaly-{s['name']}.png)" for s in d["series"] if s.get("anomaly")]
    if injected:
        lines += ["", "## Injected anomalies: hit rate per kind and candidate", "",
                  "| kind | " + " | ".join(names) + " | chance |", "|---|" + "---:|" * (len(names) + 1)]
        lines += [f"| {k} | " + " | ".join(cells) + f" | {100 * ch:.0f}% |" for k, cells, ch in injected]
        lines += ["", "Per series: " + "; ".join(
            f"{c['name']} {k}: " + ", ".join(f"{s} {h}" for s, h in c["injected"][k]["by_series"].items())
            for c in results["candidates"] if c["runs"] for k in c["injected"]), "", "![injected](injected.png)"]
    lines += ["", "![learning curves](curves.png)", ""]
    return "\n".join(lines)


def plot_anomaly_series(results: dict, name: str, path: Path) -> None:
    """The series with its labelled region, then per candidate the anomaly score of each run and where each run
    pointed."""
    plt = _plt()
    from .anomaly import load_series

    x, train_end, region = load_series(name)
    cands = [(c, [r for r in c["runs"] if r["series"] == name and r.get("scores")]) for c in results["candidates"]]
    cands = [(c, runs) for c, runs in cands if runs]
    fig, axes = plt.subplots(1 + len(cands), 1, figsize=(11, 1.9 * (1 + len(cands))), sharex=True, squeeze=False)
    axes = axes[:, 0]
    t = np.arange(len(x))
    axes[0].plot(t, x, lw=0.5, color="k")
    axes[0].axvspan(0, train_end, color="#dddddd", label="normal prefix (training)")
    axes[0].axvspan(region[0] - 100, region[1] + 100, color="#f4c7c3", label="labelled anomaly ± 100 (a hit)")
    axes[0].axvspan(region[0], region[1], color="#d62728", alpha=0.6)
    axes[0].set_ylabel(name, fontsize=8)
    axes[0].legend(fontsize=7, loc="upper left")
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for ax, (c, runs), color in zip(axes[1:], cands, colors):
        for r in runs:
            scores = np.asarray(r["scores"])
            ax.plot(np.arange(len(scores)), scores, lw=0.6, color=color, alpha=0.8)
            ax.axvline(r["location"], color="green" if r["hit"] else "red", ls="--", lw=1)
        ax.axvspan(region[0] - 100, region[1] + 100, color="#f4c7c3", alpha=0.6)
        ax.set_yscale("log")
        hits = sum(r["hit"] for r in runs)
        ax.set_ylabel("score", fontsize=8)
        ax.set_title(f"{c['name']}: {hits}/{len(runs)} runs hit; top location per run dashed "
                     f"(green hit, red miss): {', '.join(str(r['location']) for r in runs)}", fontsize=8, loc="left")
    axes[-1].set_xlabel("time")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_injected(results: dict, path: Path) -> None:
    """Hit rate per injected kind (rows) and candidate (columns), with the chance rate."""
    plt = _plt()
    names, _, injected = _anomaly_rows(results)
    if not injected:
        return
    rates = np.full((len(injected), len(names)), np.nan)
    cands = [c for c in results["candidates"] if c["runs"]]
    for i, (k, _, _) in enumerate(injected):
        for j, c in enumerate(cands):
            one = c["injected"].get(k)
            if one:
                rates[i, j] = 100 * one["hits"] / one["n"]
    fig, ax = plt.subplots(figsize=(2.2 * len(names) + 3, 0.6 * len(injected) + 1.6))
    im = ax.imshow(rates, vmin=0, vmax=100, cmap="viridis", aspect="auto")
    for i, (k, cells, chance) in enumerate(injected):
        for j, cell in enumerate(cells):
            ax.text(j, i, cell, ha="center", va="center", fontsize=8,
                    color="white" if np.nan_to_num(rates[i, j]) < 60 else "black")
    ax.set_xticks(range(len(names)), names, fontsize=8)
    ax.set_yticks(range(len(injected)), [f"{k} (chance {100 * ch:.0f}%)" for k, _, ch in injected], fontsize=8)
    fig.colorbar(im, ax=ax, label="hit rate (%)")
    ax.set_title(f"injected anomalies: hit rate per kind ({results['epochs']} epochs, {len(results['seeds'])} runs)",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
