"""Anomaly task for `shapedoctor compare --dataset anomaly`: which architecture finds anomalies in a series?

Each candidate, built with a reconstruction head, is trained as an autoencoder on sliding windows (128 points,
stride 1) of the normal prefix of a series (z-normalised with the prefix's mean and std).  Every later window is
scored by its reconstruction error (MSE); the score of a *point* is the mean error of the windows that contain it
(so a point near a window's edge counts as much as one at its centre: scoring a window's centre, as protocol 1
did, let the position of a beat inside the window decide, and two candidates picked the same ordinary beat at
every seed).  The predicted location is the point of highest score among those whose covering windows all lie
after the prefix and that a full set of windows covers (see search_range).  UCR rule (Wu & Keogh
2021, KDD 2021 competition): a hit when it lies within 100 points of the labelled region.

Results are kept per series and never pooled into one number:
  labelled series (bundled, nothing downloaded)
    InternalBleeding  aeon's KDD-TSAD 135 (UCR_Anomaly_InternalBleeding16): prefix 1200, anomaly 4187-4198.
    ECG               sktime's MIT-BIH excerpt `mitdb.csv` (the seed article's domain): 7500 points, anomaly
                      labelled 6936-7287; the first 2500 points are the prefix.
  injected anomalies (each candidate, run and series scores the same variants: the comparison is paired)
    into the clean part of those two series (before their own anomaly) and of Daphnet (aeon's S06R02E0
    accelerometer excerpt, ankle vertical axis, no labelled event; prefix 3500 of 7040: the first 2000 points
    are mostly standing still and the rest walking, and a prefix without walking made every walking step look
    anomalous: 2000 gave 1-3 of 20 injected hits per run, near chance), one anomaly per variant,
    INJECT_POSITIONS positions per kind, of the standard kinds
      spike         3 points raised by 6 prefix standard deviations (sd)
      level-shift   150 points shifted by 2 sd
      noise-burst   100 points plus Gaussian noise of 1 sd
      time-warp     200 points resampled along a smooth monotone warp (same end points: no jump)
      missing-beat  one period (from the prefix's autocorrelation) replaced by the local median (a flat line)
    with the hit rate per kind and candidate, and the chance rate of a random location beside it.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

VERSION = 4  # of the task (in the cache key): 2 per-point scores + injections, 3 search range, 4 Daphnet prefix
WINDOW = 128
MARGIN = 100
BATCH = 64
ECG_TRAIN_END = 2500
DAPHNET_TRAIN_END = 3500
DAPHNET_CHANNEL = "ankle_vert"
LABELLED = ("InternalBleeding", "ECG")
SERIES = ("InternalBleeding", "ECG", "Daphnet")
KINDS = ("spike", "level-shift", "noise-burst", "time-warp", "missing-beat")
INJECT_POSITIONS = 4
ALIASES = {"anomaly": SERIES, "ucr-anomaly": LABELLED, "internalbleeding": ("InternalBleeding",),
           "kdd-tsad_135": ("InternalBleeding",), "ecg": ("ECG",), "mitdb": ("ECG",), "daphnet": ("Daphnet",)}
NO_AUTOENCODER = {"fcn": "its global average pooling keeps no position, so as an autoencoder it can only "
                         "reconstruct one average window (left out of the anomaly task)"}


def series_for(spec: str):
    """The anomaly series named by a --dataset value, or None when it is not an anomaly dataset."""
    return ALIASES.get(spec.lower())


def available(names) -> list:
    """The series among `names` whose package is installed."""
    out = []
    for name in names:
        try:
            load_series(name)
            out.append(name)
        except ImportError:
            pass
    return out


def load_series(name: str):
    """(values, train_end, (anomaly_begin, anomaly_end) or None) for a bundled series."""
    if name == "InternalBleeding":
        from aeon.datasets import load_kdd_tsad_135

        train, _ = load_kdd_tsad_135(split="train")
        x, y = load_kdd_tsad_135(split="test")
        train_end = len(train)
    elif name == "ECG":
        import sktime

        path = Path(sktime.__file__).parent / "datasets" / "data" / "mitdb" / "mitdb.csv"
        table = np.loadtxt(path, delimiter=",", skiprows=1)
        x, y, train_end = table[:, 0], table[:, 1], ECG_TRAIN_END
    elif name == "Daphnet":
        import aeon

        path = Path(aeon.__file__).parent / "datasets" / "data" / "Daphnet_S06R02E0" / "S06R02E0.csv"
        with open(path) as f:
            header = f.readline().strip().split(",")
        column = header.index(DAPHNET_CHANNEL)
        x = np.loadtxt(path, delimiter=",", skiprows=1, usecols=[column])
        return np.asarray(x, np.float64), DAPHNET_TRAIN_END, None
    else:
        raise ValueError(f"unknown anomaly series {name!r}: use one of {', '.join(SERIES)}")
    where = np.flatnonzero(y)
    return np.asarray(x, np.float64), int(train_end), (int(where[0]), int(where[-1]))


def clean_end(length: int, region) -> int:
    """Where the part without a labelled anomaly ends (injections go before it)."""
    return length if region is None else max(0, region[0] - 2 * MARGIN)


def windows(x: np.ndarray, width: int = WINDOW) -> np.ndarray:
    return np.lib.stride_tricks.sliding_window_view(x, width)[..., None].astype(np.float32)


def point_scores(errors: np.ndarray, width: int = WINDOW) -> np.ndarray:
    """Per point: the mean reconstruction error of the windows containing it (windows start at 0..len-width)."""
    errors = np.asarray(errors, float)
    n = len(errors) + width - 1
    total = np.concatenate([[0.0], np.cumsum(errors)])
    t = np.arange(n)
    first = np.maximum(0, t - width + 1)
    last = np.minimum(t, len(errors) - 1)
    return (total[last + 1] - total[first]) / (last - first + 1)


def search_range(train_end: int, length: int, width: int = WINDOW) -> tuple:
    """The points a location is searched among: those covered by `width` windows that all start after the
    prefix.  Nearer the prefix, windows that overlap the training data share the point's score, and the score
    bent up towards the prefix's end (one candidate pointed at exactly the first point after the ECG prefix at
    every seed); the last width-1 points are covered by fewer windows, down to one, so their score is noisier and
    would win the argmax by chance."""
    first, stop = train_end + width - 1, length - width + 1
    if stop <= first:  # a series too short for that: the whole part after the prefix
        first, stop = train_end, length
    return first, stop


def locate(train_end: int, scores: np.ndarray, width: int = WINDOW) -> int:
    """The point of highest score in the search range (see search_range)."""
    first, stop = search_range(train_end, len(scores), width)
    return int(first + np.argmax(scores[first:stop]))


def ucr_hit(location: int, region) -> bool:
    begin, end = region
    return begin - MARGIN <= location <= end + MARGIN


# ----------------------------------------------------------------------------------------------- injections

def beat_period(prefix: np.ndarray, low: int = 20, high: int = 400) -> int:
    """The dominant period of the prefix (autocorrelation peak between low and high points)."""
    x = prefix - prefix.mean()
    ac = np.correlate(x, x, mode="full")[len(x) - 1:]
    high = min(high, len(ac) - 1)
    if high <= low:
        return low
    return int(low + np.argmax(ac[low:high]))


def inject(x: np.ndarray, kind: str, at: int, sd: float, period: int, rng) -> tuple:
    """(series with one anomaly of `kind` starting at `at`, its region (begin, end))."""
    y = x.copy()
    if kind == "spike":
        y[at:at + 3] += 6 * sd
        return y, (at, at + 2)
    if kind == "level-shift":
        y[at:at + 150] += 2 * sd
        return y, (at, at + 149)
    if kind == "noise-burst":
        y[at:at + 100] += rng.normal(0, sd, 100)
        return y, (at, at + 99)
    if kind == "time-warp":
        length = 200
        u = np.linspace(0, 1, length)
        warped = at + (length - 1) * (u - 0.6 * np.sin(2 * np.pi * u) / (2 * np.pi))
        y[at:at + length] = np.interp(warped, np.arange(len(x)), x)
        return y, (at, at + length - 1)
    if kind == "missing-beat":
        local = x[max(0, at - period):at + 2 * period]
        y[at:at + period] = np.median(local)
        return y, (at, at + period - 1)
    raise ValueError(f"unknown anomaly kind {kind!r}: use one of {', '.join(KINDS)}")


def injection_plan(name: str, x: np.ndarray, train_end: int, region) -> list:
    """The injected variants of a series: [(kind, start)], the same for every candidate and run."""
    rng = np.random.default_rng(sum(map(ord, name)))
    end = clean_end(len(x), region)
    first, last = train_end + WINDOW, end - WINDOW - 400
    if last <= first:
        return []
    plan = []
    for kind in KINDS:
        edges = np.linspace(first, last, INJECT_POSITIONS + 1)
        for lo, hi in zip(edges, edges[1:]):
            plan.append((kind, int(rng.integers(int(lo), max(int(lo) + 1, int(hi) - 50)))))
    return plan


def injected_variants(name: str, z: np.ndarray, train_end: int, region) -> list:
    """[(kind, region, series)] for `name`, z-normalised values `z` (cut before its own anomaly)."""
    end = clean_end(len(z), region)
    period = beat_period(z[:train_end])
    rng = np.random.default_rng(sum(map(ord, name)) + 1)
    out = []
    for kind, at in injection_plan(name, z, train_end, region):
        y, where = inject(z[:end], kind, at, 1.0, period, rng)
        out.append((kind, where, y))
    return out


def chance_rate(region, train_end: int, length: int) -> float:
    """How often a location drawn uniformly from the search range is a hit."""
    first, stop = search_range(train_end, length)
    begin, end = region
    lo, hi = max(first, begin - MARGIN), min(stop - 1, end + MARGIN)
    return max(0, hi - lo + 1) / max(1, stop - first)


# ----------------------------------------------------------------------------------------------- the trial

def window_errors(model, z: np.ndarray) -> np.ndarray:
    every = windows(z)
    recon = model.predict(every, batch_size=1024, verbose=0)
    return np.mean((recon - every) ** 2, axis=(1, 2))


def variant_errors(model, base: np.ndarray, y: np.ndarray, where) -> np.ndarray:
    """Window errors of `y`, which differs from the series of `base` errors only in `where`: only the windows
    that overlap it are predicted again."""
    first = max(0, where[0] - WINDOW + 1)
    last = min(where[1], len(base) - 1)
    errors = base.copy()
    errors[first:last + 1] = window_errors(model, y[first:last + WINDOW])
    return errors


def run_trial(trial: dict, report=lambda epoch: None) -> dict:
    import keras

    from . import models
    from .train import _progress_callback

    x, train_end, region = load_series(trial["series"])
    prefix = x[:train_end]
    z = ((x - prefix.mean()) / (prefix.std() or 1.0)).astype(np.float32)
    train = windows(z[:train_end])
    model = models.build(trial["candidate"], train.shape[1:], None)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
    start = time.perf_counter()
    history = model.fit(train, train, batch_size=BATCH, epochs=trial["epochs"], verbose=0, shuffle=True,
                        callbacks=[_progress_callback(report)]).history
    seconds = time.perf_counter() - start
    record = {"seed": trial["seed"], "series": trial["series"], "protocol": "reconstruction",
              "train_seconds": seconds, "epochs_run": len(history["loss"]),
              "epoch_seconds": seconds / max(1, len(history["loss"])),
              "history": {"loss": [float(v) for v in history["loss"]]}, "params": int(model.count_params())}
    end = clean_end(len(z), region)
    if region is not None:
        errors = window_errors(model, z)
        scores = point_scores(errors)
        location = locate(train_end, scores)
        record.update({"location": location, "anomaly": list(region), "hit": ucr_hit(location, region),
                       "scores": [float(f"{v:.4g}") for v in scores]})
        base = errors[:end - WINDOW + 1]  # the windows inside the clean part are the same
    else:
        base = window_errors(model, z[:end])
    injected = []
    for kind, where, y in injected_variants(trial["series"], z, train_end, region):
        location = locate(train_end, point_scores(variant_errors(model, base, y, where)))
        injected.append({"kind": kind, "region": list(where), "location": location, "hit": ucr_hit(location, where),
                         "chance": chance_rate(where, train_end, len(y))})
    record["injected"] = injected
    hits = [r["hit"] for r in injected] + ([record["hit"]] if region is not None else [])
    record["test_accuracy"] = float(np.mean(hits)) if hits else 0.0  # for sorting only; reports show per series
    return record
