"""UCR anomaly task for `shapedoctor compare --dataset anomaly`.

Each candidate, built with a reconstruction head, is trained as an autoencoder on sliding windows of the
anomaly-free prefix of a series; every window of the rest of the series is then scored by its reconstruction
error and the centre of the worst window is the predicted anomaly location.  UCR score (Wu & Keogh 2021, the
KDD 2021 competition rule): a hit when that location lies within 100 points of the labelled anomaly region.

Series (all bundled, nothing is downloaded):
  InternalBleeding  aeon's KDD-TSAD 135 (UCR_Anomaly_InternalBleeding16): normal prefix 1200 points,
                    anomaly 4187-4198 in 7501 points.
  ECG               sktime's MIT-BIH excerpt `mitdb.csv` (the seed article's domain): 7500 points, anomaly
                    labelled 6936-7287; the first 2500 points are used as the normal prefix.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

WINDOW = 128
MARGIN = 100
BATCH = 64
ECG_TRAIN_END = 2500
SERIES = ("InternalBleeding", "ECG")
ALIASES = {"anomaly": SERIES, "ucr-anomaly": SERIES, "internalbleeding": ("InternalBleeding",),
           "kdd-tsad_135": ("InternalBleeding",), "ecg": ("ECG",), "mitdb": ("ECG",)}


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
    """(values, train_end, (anomaly_begin, anomaly_end)) for a bundled anomaly series."""
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
    else:
        raise ValueError(f"unknown anomaly series {name!r}: use one of {', '.join(SERIES)}")
    where = np.flatnonzero(y)
    return np.asarray(x, np.float64), int(train_end), (int(where[0]), int(where[-1]))


def windows(x: np.ndarray, width: int = WINDOW) -> np.ndarray:
    return np.lib.stride_tricks.sliding_window_view(x, width)[..., None].astype(np.float32)


def locate(train_end: int, errors: np.ndarray, width: int = WINDOW) -> int:
    """Centre of the worst-reconstructed window that starts after the training prefix."""
    return int(train_end + np.argmax(errors[train_end:]) + width // 2)


def ucr_hit(location: int, region) -> bool:
    begin, end = region
    return begin - MARGIN <= location <= end + MARGIN


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
    every = windows(z)
    recon = model.predict(every, batch_size=512, verbose=0)
    errors = np.mean((recon - every) ** 2, axis=(1, 2))
    location = locate(train_end, errors)
    return {"seed": trial["seed"], "series": trial["series"], "protocol": "reconstruction",
            "location": location, "anomaly": list(region), "hit": ucr_hit(location, region),
            "test_accuracy": float(ucr_hit(location, region)), "train_seconds": seconds,
            "epochs_run": len(history["loss"]), "epoch_seconds": seconds / max(1, len(history["loss"])),
            "history": {"loss": [float(v) for v in history["loss"]]}, "params": int(model.count_params())}
