"""``fix --verify-keras``: build a (fixed) model file in real Keras, in a subprocess.

Only used on explicit opt-in: the file is EXECUTED (``runpy``) in a child process with
``KERAS_BACKEND=torch`` and a time limit, in a temporary directory.  Training is cut to one
step on two samples (enough for Keras to check the output against the targets), and saving,
loading and plotting are stubbed.  ``tensorflow.keras`` imports are served by Keras 3 when
TensorFlow is not installed.  Module-level functions that take no arguments and build a model
(``def build_model(): ...``) are called too.  The result is one JSON line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass


@dataclass
class BuildResult:
    ok: bool
    summary: str
    models: int = 0


def build_source(text: str, timeout: float = 180.0) -> BuildResult:
    with tempfile.TemporaryDirectory(prefix="shapedoctor-keras-") as tmp:
        script = os.path.join(tmp, "model_under_test.py")
        result_path = os.path.join(tmp, "result.json")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(text)
        env = dict(os.environ, KERAS_BACKEND="torch", MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
        package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        try:
            proc = subprocess.run([sys.executable, "-m", "shapedoctor.repair.keras_build", script, result_path],
                                  cwd=tmp, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return BuildResult(False, f"timed out after {timeout:g} s")
        try:
            with open(result_path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no result"]
            return BuildResult(False, f"the build process failed: {tail[0][:300]}")
    return BuildResult(bool(data.get("ok")), data.get("summary", ""), int(data.get("models", 0)))


# ----------------------------------------------------------------- child process
def _head(value):
    import numpy as np

    if value is None:
        return None
    if isinstance(value, dict):
        heads = {k: _head(v) for k, v in value.items()}
        return None if any(v is None for v in heads.values()) else heads
    if isinstance(value, (list, tuple)) and value and all(hasattr(v, "shape") for v in value):
        return [np.asarray(v[:2]) for v in value]
    if hasattr(value, "shape") and getattr(value, "ndim", 0) >= 1:
        return np.asarray(value[:2])
    return None


def _stub(keras) -> None:
    model_cls = keras.Model
    real_fit, real_predict = model_cls.fit, model_cls.predict

    def fit(self, x=None, y=None, *args, **kwargs):
        xs, ys = _head(x), _head(y)
        if xs is None:
            return None
        return real_fit(self, xs, ys, epochs=1, batch_size=2, verbose=0)

    def predict(self, x=None, *args, **kwargs):
        xs = _head(x)
        return None if xs is None else real_predict(self, xs, verbose=0)

    def evaluate(self, x=None, y=None, *args, **kwargs):
        return None

    model_cls.fit = fit
    model_cls.predict = predict
    model_cls.evaluate = evaluate
    for name in ("save", "save_weights", "load_weights", "export"):
        setattr(model_cls, name, lambda self, *a, **k: None)
    keras.utils.plot_model = lambda *a, **k: None


def _child(script: str, result_path: str) -> None:
    import gc
    import inspect
    import runpy

    def finish(ok: bool, summary: str, models: int = 0) -> None:
        with open(result_path, "w", encoding="utf-8") as handle:
            json.dump({"ok": ok, "summary": summary, "models": models}, handle)

    try:
        import keras
    except ImportError as exc:
        finish(False, f"Keras is not installed ({exc})")
        return
    from ..keras_compat import install_tensorflow_shim

    install_tensorflow_shim(keras)
    _stub(keras)
    try:
        namespace = runpy.run_path(script, run_name="__main__")
        for value in list(namespace.values()):
            if inspect.isfunction(value) and value.__module__ == "__main__" and _builds_model(value):
                value()
    except BaseException as exc:  # the user's code: anything may be raised
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        finish(False, f"{type(exc).__name__}: {first[:300]}")
        return
    models = [o for o in gc.get_objects() if isinstance(o, keras.Model)]
    built = [m for m in models if m.built]
    if not models:
        finish(False, "no Keras model was created")
    elif len(built) < len(models):
        finish(False, f"{len(models) - len(built)} of {len(models)} models were never built (no input shape)",
               len(models))
    else:
        finish(True, f"built {len(built)} model{'s' * (len(built) != 1)}", len(models))


def _builds_model(fn) -> bool:
    import inspect

    try:
        signature = inspect.signature(fn)
        source = inspect.getsource(fn)
    except (TypeError, ValueError, OSError):
        return False
    required = [p for p in signature.parameters.values()
                if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return not required and ("Sequential(" in source or "Model(" in source)


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    _child(sys.argv[1], sys.argv[2])
