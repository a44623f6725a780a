"""Record what real Keras does with every corpus file; write ``tests/corpus/expected.json``.

Run manually, with the venv that has Keras 3 (torch backend, CPU)::

    cd /work/main && KERAS_BACKEND=torch /work/venv/bin/python tests/corpus/record_keras.py [NAME ...]

Each corpus file is our own code, so it is executed as it is (``runpy``), one subprocess
per file, ``KERAS_BACKEND=torch``, with a timeout.  Inside the child:

* ``tensorflow`` is not installed: ``tensorflow.keras`` / ``tf.keras`` are aliased to Keras 3
  (which is what ``tf.keras`` is under TensorFlow >= 2.16).
* ``keras.layers.Layer.__init__`` is wrapped to remember the corpus line that created each
  layer (the innermost stack frame in the corpus file); ``Layer.__call__`` is wrapped to
  remember the innermost layer whose call raised (the layer Keras failed on).
* ``keras.Model.fit`` is replaced by an honest small fit: the real ``fit`` on the first 4
  samples, one epoch, batch 4.  Its outcome (success, or the exception) is recorded with the
  model's output shape(s) and the target shape; execution then continues.  ``summary`` and
  ``save`` are no-ops.

Recorded per file: ``error`` (``null`` if the file ran to the end, else exception type,
message, the finding kind it maps to (:func:`classify`) and the corpus ``line`` of the layer
Keras failed on: the creation line of the innermost failing layer, or, for exceptions raised
while a layer is created (argument checks), the innermost traceback frame in the file),
``fits`` (one entry per ``fit`` call) and ``layers``: every layer the file created and called,
as ``{"line", "type", "shapes"}`` with the distinct output shapes over all its calls.

Mapping Keras exceptions to shapedoctor kinds (first matching message wins):

=================================================  =========================
Keras message contains                              kind
=================================================  =========================
``expected ndim=``, ``expected min_ndim=``          rank
``would be zero or negative``, ``would be negative``, negative-length
``must be smaller than the input length`` (Cropping)
``total size of the tensor must be unchanged``      reshape-size
``must be fully-defined``, ``last dimension of the  undefined-dim
inputs``, ``should be defined. Found None``
``Inputs have incompatible shapes``, ``Incompatible  incompatible-merge
input shapes``, ``requires inputs with matching
shapes``
``not supported in conjunction with``               invalid-argument
``target`` and ``output`` must have the same shape   output-target-mismatch (from fit)
anything else                                       unclassified
=================================================  =========================

``output-target-mismatch`` is also where Keras does *not* raise: ``mse`` broadcasts a
``(n, 1)`` target against a ``(n, steps, 1)`` output and trains on the wrong objective.  The
recording keeps the fit's output and target shapes so the test can see that case too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected.json"
TIMEOUT = 300

TABLE = [
    ("expected ndim=", "rank"),
    ("expected min_ndim=", "rank"),
    ("expected max_ndim=", "rank"),
    ("Kernel shape must have the same length as input", "rank"),  # Conv1D on 4-D: past its min_ndim=3 spec
    ("would be zero or negative", "negative-length"),
    ("would be negative", "negative-length"),
    ("must be smaller than the input length", "negative-length"),
    ("total size of the tensor must be unchanged", "reshape-size"),
    ("total size of the new array must be unchanged", "reshape-size"),
    ("must be fully-defined", "undefined-dim"),
    ("last dimension of the inputs", "undefined-dim"),
    ("should be defined. Found None", "undefined-dim"),
    ("Inputs have incompatible shapes", "incompatible-merge"),
    ("Incompatible input shapes", "incompatible-merge"),
    ("requires inputs with matching shapes", "incompatible-merge"),
    ("not supported in conjunction with", "invalid-argument"),
    ("`target` and `output` must have the same shape", "output-target-mismatch"),
]


def classify(message: str) -> str:
    for needle, kind in TABLE:
        if needle in message:
            return kind
    return "unclassified"


def corpus_files() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if p.name != "record_keras.py")


# ----------------------------------------------------------------------------- child

def _install_tensorflow_alias() -> None:
    import importlib
    import importlib.abc
    import importlib.util
    import types

    import keras
    from keras.src.utils import module_utils

    # Keras asks `tensorflow.available` (serialization): settle it to False before the alias exists.
    assert not module_utils.tensorflow.available
    tf = types.ModuleType("tensorflow")
    tf.keras = keras
    sys.modules["tensorflow"] = tf
    sys.modules["tensorflow.keras"] = keras

    class Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, name, path, target=None):
            if name.startswith("tensorflow.keras."):
                return importlib.util.spec_from_loader(name, self)
            return None

        def create_module(self, spec):
            return importlib.import_module("keras." + spec.name[len("tensorflow.keras."):])

        def exec_module(self, module):
            pass

    sys.meta_path.insert(0, Alias())


def _clean(message: str) -> str:
    message = re.sub(r"\x1b\[[0-9;]*m", "", message)
    return message.strip()[:600]


def _shape(t) -> list:
    return [None if d is None else int(d) for d in t.shape]


def _shapes(value):
    if isinstance(value, (list, tuple)):
        return [_shapes(v) for v in value]
    if isinstance(value, dict):
        return {k: _shapes(v) for k, v in value.items()}
    if hasattr(value, "shape"):
        return _shape(value)
    return None


def _head(value, n: int = 4):
    if isinstance(value, (list, tuple)):
        return type(value)(_head(v, n) for v in value)
    if isinstance(value, dict):
        return {k: _head(v, n) for k, v in value.items()}
    if hasattr(value, "shape") and len(value.shape) > 0:
        return value[:n]
    return value


def _corpus_line(path: str, frame) -> int | None:
    while frame is not None:
        if frame.f_code.co_filename == path:
            return frame.f_lineno
        frame = frame.f_back
    return None


def record_one(path: str) -> dict:
    import inspect
    import runpy
    import warnings

    warnings.filterwarnings("ignore")
    os.environ.setdefault("KERAS_BACKEND", "torch")
    _install_tensorflow_alias()
    import keras

    created: list = []  # (layer, line)
    failed: dict[int, object] = {}  # id(exception) -> innermost layer whose call raised
    fits: list[dict] = []

    layer_init = keras.layers.Layer.__init__
    layer_call = keras.layers.Layer.__call__

    def init(self, *args, **kwargs):
        layer_init(self, *args, **kwargs)
        if not any(self is c[0] for c in created):
            created.append((self, _corpus_line(path, inspect.currentframe())))

    def call(self, *args, **kwargs):
        try:
            return layer_call(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - recorded, then re-raised unchanged
            failed.setdefault(id(exc), self)
            raise

    def fit(self, x=None, y=None, *args, **kwargs):
        loss = getattr(self, "loss", None)
        entry = {"line": _corpus_line(path, inspect.currentframe()), "x_shape": _shapes(x),
                 "y_shape": _shapes(y), "loss": loss if isinstance(loss, (str, list, dict)) else None,
                 "error": None}
        try:
            keras.Model.fit.__wrapped_fit__(self, _head(x), _head(y), epochs=1, batch_size=4, verbose=0)
            entry["output_shapes"] = [_shape(t) for t in self.outputs]
        except Exception as exc:  # noqa: BLE001 - the outcome is what we record
            message = _clean(str(exc))
            entry["error"] = {"type": type(exc).__name__, "message": message, "kind": classify(message)}
            try:
                entry["output_shapes"] = [_shape(t) for t in self.outputs]
            except Exception:  # noqa: BLE001 - an unbuilt model has no outputs
                entry["output_shapes"] = None
        fits.append(entry)
        return None

    fit.__wrapped_fit__ = keras.Model.fit
    keras.layers.Layer.__init__ = init
    keras.layers.Layer.__call__ = call
    keras.Model.fit = fit
    keras.Model.summary = lambda self, *a, **k: None
    keras.Model.save = lambda self, *a, **k: None

    error = None
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except Exception as exc:  # noqa: BLE001 - the outcome is what we record
        message = _clean(str(exc))
        layer = None
        chain = exc
        while chain is not None and layer is None:
            layer = failed.get(id(chain))
            chain = chain.__cause__ or chain.__context__
        line = next((ln for obj, ln in created if obj is layer), None) if layer is not None else None
        if line is None:
            tb, line = exc.__traceback__, None
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == path:
                    line = tb.tb_lineno
                tb = tb.tb_next
        error = {"type": type(exc).__name__, "message": message, "kind": classify(message), "line": line,
                 "layer": type(layer).__name__ if layer is not None else None}

    layers = []
    for obj, line in created:
        if line is None or isinstance(obj, keras.Model):
            continue
        shapes = []
        for node in getattr(obj, "_inbound_nodes", []):
            outs = [_shape(t) for t in node.output_tensors]
            out = outs[0] if len(outs) == 1 else outs
            if out not in shapes:
                shapes.append(out)
        if shapes:
            layers.append({"line": line, "type": type(obj).__name__, "shapes": shapes})
    return {"error": error, "fits": fits, "layers": layers}


# ---------------------------------------------------------------------------- parent

def record_file(path: Path) -> dict:
    env = dict(os.environ, KERAS_BACKEND="torch", PYTHONWARNINGS="ignore")
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(path.resolve())],
                          capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=str(HERE))
    marker = "@@RECORD@@"
    for line in proc.stdout.splitlines():
        if line.startswith(marker):
            return json.loads(line[len(marker):])
    raise RuntimeError(f"{path.name}: the recorder child failed:\n{proc.stderr[-3000:]}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        result = record_one(argv[1])
        sys.stdout.write("\n@@RECORD@@" + json.dumps(result) + "\n")
        return 0
    wanted = set(argv)
    data = json.loads(EXPECTED.read_text()) if EXPECTED.exists() else {}
    import keras  # noqa: F401 - only for the version string

    data["_meta"] = {"keras": keras.__version__, "backend": "torch",
                     "recorded_by": "tests/corpus/record_keras.py"}
    for path in corpus_files():
        if wanted and path.name not in wanted and path.stem not in wanted:
            continue
        data[path.name] = record_file(path)
        err = data[path.name]["error"]
        print(f"{path.name}: " + (f"{err['kind']} at line {err['line']} ({err['type']})" if err else "built"),
              flush=True)
    known = {p.name for p in corpus_files()} | {"_meta"}
    data = {k: v for k, v in sorted(data.items()) if k in known}
    tmp = EXPECTED.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n")
    tmp.replace(EXPECTED)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
