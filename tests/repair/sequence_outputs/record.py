"""Record, from real Keras, the ground truth of the valid sequence-output models in this directory.

Usage:  KERAS_BACKEND=torch python tests/repair/sequence_outputs/record.py [--out expected.json] [NN ...]

Every `NN_slug.py` is executed once in this process (`import keras` once) with `keras.Model.fit` replaced by a
recorder: the file's own `fit(x, y)` call tells the intended inputs and targets.  The module's `model` is then
trained one step (`train_on_batch`) on the first two samples of exactly those arrays.  Written per file: the
model's output shape, the target shape (None for the batch axis; null when the loss is added by a layer, as
CTC layers do), and `trained: true` when the step ran.  A file whose model does not train is an error: the set
must be valid Keras.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import runpy
import sys
import types
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected.json"


def model_files(ids: list[str] | None = None) -> list[Path]:
    files = sorted(p for p in HERE.glob("[0-9][0-9]_*.py"))
    if ids:
        files = [p for p in files if p.name[:2] in ids]
    return files


def _alias_tensorflow(keras) -> None:
    import importlib.util

    if importlib.util.find_spec("tensorflow") is not None:
        return
    from keras.src.utils import module_utils

    assert not module_utils.tensorflow.available
    tf = types.ModuleType("tensorflow")
    tf.keras = keras
    sys.modules["tensorflow"] = tf
    sys.modules["tensorflow.keras"] = keras
    for name in ("layers", "models", "optimizers", "losses", "metrics", "callbacks", "utils", "activations",
                 "regularizers", "initializers", "constraints", "backend", "ops"):
        sys.modules[f"tensorflow.keras.{name}"] = getattr(keras, name)


def _head(data, n=2):
    if data is None:
        return None
    if isinstance(data, dict):
        return {k: _head(v, n) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_head(v, n) for v in data]
    return data[:n]


def _shape(data):
    if data is None:
        return None
    if isinstance(data, dict):
        return {k: _shape(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_shape(v) for v in data]
    return [None] + [int(d) for d in data.shape[1:]]


def record(files: list[Path]) -> dict:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    warnings.filterwarnings("ignore")
    import keras

    _alias_tensorflow(keras)
    calls: list[tuple] = []

    def fake_fit(self, x=None, y=None, *args, **kwargs):
        calls.append((self, x, y))
        return None

    real_fit = keras.Model.fit
    keras.Model.fit = fake_fit
    out = {}
    try:
        for path in files:
            calls.clear()
            with contextlib.redirect_stdout(io.StringIO()):
                env = runpy.run_path(str(path), run_name="__record__")
            model = env["model"]
            fitted = [c for c in calls if c[0] is model]
            if not fitted:
                raise RuntimeError(f"{path.name}: the file never calls model.fit(x, y)")
            _, x, y = fitted[0]
            with contextlib.redirect_stdout(io.StringIO()):
                logs = model.train_on_batch(_head(x), _head(y), return_dict=True)
            float(logs["loss"])  # a number came out: the step ran
            out[path.name] = {
                "model": "model",
                "output_shape": [None if d is None else int(d) for d in model.outputs[0].shape],
                "target_shape": _shape(y),
                "trained": True,
            }
            keras.backend.clear_session()
    finally:
        keras.Model.fit = real_fit
    return out


def dumps(result: dict) -> str:
    """One line per model file, sorted: small diffs when a file is re-recorded."""
    lines = [f"  {json.dumps(name)}: {json.dumps(entry)}" for name, entry in sorted(result.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="NN prefixes (default: all)")
    parser.add_argument("--out", default=str(EXPECTED), help="where to write (default: expected.json here)")
    args = parser.parse_args(argv)
    result = record(model_files(args.ids))
    Path(args.out).write_text(dumps(result))
    for name, r in result.items():
        print(f"{name}: output {r['output_shape']}  target {r['target_shape']}  trained={r['trained']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
