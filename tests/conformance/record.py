"""Record a conformance case as a permanent regression fixture, with Keras' verdict.

    KERAS_BACKEND=torch python -m conformance.record NAME 'CASE_JSON' "what was wrong"
        (run from tests/, or: python tests/conformance/record.py ...)

Writes ``regressions/NAME.py`` (the case rendered as a user would write it) and
``regressions/NAME.json`` (the case, Keras' verdict as built by :mod:`oracle` with
Keras 3 on the torch backend: failing node, mapped kind, exception text, per-node output
shapes; and the note).  ``test_regressions.py`` checks shapedoctor against the recorded
verdict without Keras, and re-checks the recorded verdict against live Keras when it is
installed.  ``CASE_JSON`` is what ``benchmarks/conformance.py --shrink`` prints for a
minimized disagreement.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "conformance"

from .case import Verdict, case_from_json, case_to_json
from .render import render

REGRESSIONS = Path(__file__).resolve().parent / "regressions"


def shape_json(shape):
    if shape is None:
        return None
    if isinstance(shape, list):
        return [shape_json(s) for s in shape]
    return list(shape)


def verdict_to_json(v: Verdict) -> dict:
    return {"error_index": v.error_index, "kind": v.kind, "message": v.message,
            "shapes": [shape_json(s) for s in v.shapes]}


def verdict_from_json(d: dict) -> Verdict:
    def tup(s):
        if s is None:
            return None
        if s and isinstance(s[0], list):
            return [tuple(x) for x in s]
        return tuple(s)

    return Verdict(d["error_index"], d["kind"], [tup(s) for s in d["shapes"]], d.get("message", ""))


def record(name: str, case_json: dict, note: str) -> Path:
    import keras

    from .oracle import keras_verdict

    case = case_from_json(case_json)
    verdict = keras_verdict(case)
    REGRESSIONS.mkdir(exist_ok=True)
    source = render(case)
    header = f"# Regression fixture {name}: {note}\n# Keras verdict: see {name}.json (recorded by tests/conformance/record.py)\n"
    (REGRESSIONS / f"{name}.py").write_text(header + source)
    data = {"name": name, "note": note, "keras_version": keras.__version__, "backend": keras.backend.backend(),
            "case": case_to_json(case), "keras": verdict_to_json(verdict)}
    path = REGRESSIONS / f"{name}.json"
    path.write_text("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in data.items()) + "\n}\n")
    return path


if __name__ == "__main__":
    os.environ.setdefault("KERAS_BACKEND", "torch")
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    print(record(sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]))
