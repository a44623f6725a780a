"""Run many small model scripts in ONE real-Keras process (Keras is imported once, ~5 s), each in a fresh
namespace, and return per script either the shapes of its `model`'s layers or the exception it raised."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_RUNNER = """
import json, sys, traceback
results = {}
for name, path in json.loads(sys.argv[1]).items():
    scope = {"__name__": "__main__"}
    try:
        exec(compile(open(path).read(), path, "exec"), scope)
        from keras.layers import InputLayer
        model = scope.get("model")
        shapes = None if model is None else [list(layer.output.shape) for layer in model.layers
                                             if not isinstance(layer, InputLayer)]
        results[name] = {"shapes": shapes}
    except Exception as exc:
        lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
        results[name] = {"error": type(exc).__name__, "message": str(exc), "lines": lines}
print("RESULTS", json.dumps(results))
"""


def run_in_keras(sources: dict[str, str], folder) -> dict[str, dict]:
    """``sources``: name -> Python text (``tensorflow.keras`` is served by Keras 3). Needs Keras installed."""
    paths = {}
    for name, text in sources.items():
        paths[name] = os.path.join(str(folder), name if name.endswith(".py") else f"{name}.py")
        with open(paths[name], "w") as handle:
            handle.write(text.replace("tensorflow.keras", "keras"))
    proc = subprocess.run([sys.executable, "-c", _RUNNER, json.dumps(paths)], capture_output=True, text=True,
                          env=dict(os.environ, KERAS_BACKEND="torch"), timeout=600)
    line = [x for x in proc.stdout.splitlines() if x.startswith("RESULTS ")]
    assert line, proc.stderr[-3000:]
    return json.loads(line[-1][len("RESULTS "):])
