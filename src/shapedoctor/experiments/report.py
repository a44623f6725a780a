"""results.json, report.md, accuracy.png and curves.png for `shapedoctor compare`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

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
    "reconstruction": ("autoencoder on sliding windows (128 points) of the anomaly-free prefix, MSE, Adam 1e-3, "
                       "batch 64, fixed epochs; the centre of the worst-reconstructed later window is the "
                       "predicted location; UCR score: a hit within 100 points of the labelled region."),
}


def reference_for(name: str) -> dict:
    if name not in PUBLISHED:
        return {}
    return {"source": FAWAZ_SOURCE, "test_accuracy": {k: v / 100 for k, v in PUBLISHED[name].items()}}


def summarise(name: str, params: int | None, runs: list, error: str | None = None) -> dict:
    acc = np.array([r["test_accuracy"] for r in runs], float)
    secs = np.array([r["train_seconds"] for r in runs], float)
    entry = {"name": name, "params": params,
             "test_accuracy_mean": float(acc.mean()) if len(acc) else None,
             "test_accuracy_std": float(acc.std()) if len(acc) else None,
             "train_seconds_mean": float(secs.mean()) if len(secs) else None,
             "runs": runs}
    if runs and runs[0].get("protocol") == "reconstruction":
        entry["ucr_score"] = entry["test_accuracy_mean"]
        hits = {}
        for r in runs:
            got, total = hits.get(r["series"], (0, 0))
            hits[r["series"]] = (got + int(r["hit"]), total + 1)
        entry["hits"] = {s: f"{g}/{t}" for s, (g, t) in hits.items()}
    if error:
        entry["error"] = error
    return entry


def write_all(out: Path, results: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
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
    return sorted(done, key=lambda c: -c["test_accuracy_mean"])


def confidence(results) -> str:
    """How sure the winner is: do the runs of the top two overlap?"""
    order = ranked(results)
    if len(order) < 2:
        return "only one candidate finished: nothing to compare."
    a, b = order[:2]
    worst_a = min(r["test_accuracy"] for r in a["runs"])
    best_b = max(r["test_accuracy"] for r in b["runs"])
    if a["test_accuracy_mean"] == b["test_accuracy_mean"]:
        return f"{a['name']} and {b['name']} tie: no winner."
    if worst_a > best_b:
        return (f"clear: every run of {a['name']} ({_pct(worst_a)} or better) beats every run of "
                f"{b['name']} ({_pct(best_b)} at best), over {len(a['runs'])} and {len(b['runs'])} runs.")
    return (f"not sure: the runs overlap ({a['name']} down to {_pct(worst_a)}, {b['name']} up to "
            f"{_pct(best_b)}); more seeds (--seeds) would be needed to separate them.")


def _pct(v):
    return f"{100 * v:.1f}%"


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
    protocols = sorted({r["protocol"] for c in results["candidates"] for r in c["runs"]})
    lines += ["", "## Protocol", ""]
    lines += [f"- **{p}**: {PROTOCOL_TEXT[p]}" for p in protocols]
    lines += [f"- {results['epochs']} epochs, seeds {', '.join(map(str, results['seeds']))} "
              "(one run per seed and candidate)."]
    extra = " | hits" if anomaly else ""
    lines += ["", "## Results", "", f"| candidate | params | {metric} (mean ± std) | runs | train s/run{extra} |",
              "|---|---:|---:|---:|---:|" + ("---|" if anomaly else "")]
    for c in ranked(results):
        hits = " | " + ", ".join(f"{s} {h}" for s, h in c["hits"].items()) if anomaly else ""
        lines.append(f"| {c['name']} | {c['params']:,} | {_pct(c['test_accuracy_mean'])} ± "
                     f"{100 * c['test_accuracy_std']:.1f} | {len(c['runs'])} | {c['train_seconds_mean']:.1f}{hits} |")
    for c in results["candidates"]:
        if c.get("error"):
            lines.append(f"| {c['name']} | failed: {c['error']} | | | |")
    order = ranked(results)
    if len(order) > 1 and order[0]["test_accuracy_mean"] == order[1]["test_accuracy_mean"]:
        lines += ["", f"**No single winner**: {confidence(results)}"]
    elif order:
        lines += ["", f"**Winner: {order[0]['name']}** ({_pct(order[0]['test_accuracy_mean'])}). "
                      f"How sure: {confidence(results)}"]
    ref = results.get("reference") or {}
    if ref:
        lines += ["", "## Published reference", "",
                  " · ".join(f"{k} {_pct(v)}" for k, v in ref["test_accuracy"].items()), "", f"Source: {ref['source']}"]
    if results.get("interrupted"):
        lines += ["", "_Interrupted: only the runs that finished are included; re-run to complete._"]
    lines += ["", "![accuracy](accuracy.png)", "", "![learning curves](curves.png)", ""]
    return "\n".join(lines)


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_accuracy(results: dict, path: Path) -> None:
    plt = _plt()
    done = [c for c in results["candidates"] if c["runs"]]
    anomaly = results.get("task") == "anomaly"
    fig, ax = plt.subplots(figsize=(1.6 * max(3, len(done)) + 4.5, 4))
    xs = np.arange(len(done))
    ax.bar(xs, [100 * c["test_accuracy_mean"] for c in done], yerr=[100 * c["test_accuracy_std"] for c in done],
           capsize=6, color="#7aa6c2", edgecolor="#2b5876", label="mean ± std over seeds")
    for x, c in zip(xs, done):
        ys = [100 * r["test_accuracy"] for r in c["runs"]]
        ax.scatter(np.full(len(ys), x) + np.linspace(-0.15, 0.15, len(ys)), ys, s=14, color="k", zorder=3)
    styles = {"FCN": ("#d62728", "--"), "ResNet": ("#2ca02c", ":"), "MLP": ("#9467bd", "-.")}
    for model, acc in (results.get("reference") or {}).get("test_accuracy", {}).items():
        color, ls = styles.get(model, ("gray", "--"))
        ax.axhline(100 * acc, color=color, ls=ls, lw=1.2, label=f"published {model} {100 * acc:.1f}% (Fawaz 2019)")
    ax.set_xticks(xs, [c["name"] for c in done], rotation=15)
    ax.set_ylabel("UCR score (% runs hit)" if anomaly else "test accuracy (%)")
    shown = [100 * r["test_accuracy"] for c in done for r in c["runs"]]
    shown += [100 * v for v in (results.get("reference") or {}).get("test_accuracy", {}).values()]
    ax.set_ylim(max(0, 10 * int(min(shown, default=0) // 10) - 10), 101)
    ax.set_title(f"{results['dataset']['name']}: {results['epochs']} epochs, {len(results['seeds'])} seeds")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_curves(results: dict, path: Path) -> None:
    plt = _plt()
    done = [c for c in results["candidates"] if c["runs"]]
    keys = ["loss"] if results.get("task") == "anomaly" else ["loss", "accuracy"]
    fig, axes = plt.subplots(1, len(keys), figsize=(6 * len(keys), 4), squeeze=False)
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, c in enumerate(done):
        for ax, key in zip(axes[0], keys):
            for j, r in enumerate(c["runs"]):
                for split, ls in (("", "-"), ("val_", ":")):
                    ys = r["history"].get(split + key)
                    if ys:
                        ax.plot(np.arange(1, len(ys) + 1), ys, ls, color=colors[i % len(colors)], lw=1, alpha=0.7,
                                label=f"{c['name']}{' (val)' if split else ''}" if j == 0 else None)
    for ax, key in zip(axes[0], keys):
        ax.set_xlabel("epoch")
        ax.set_ylabel(f"training {key}")
        if key == "loss":
            ax.set_yscale("log")
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=8)
    fig.suptitle(f"{results['dataset']['name']}: learning curves (one line per run)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
