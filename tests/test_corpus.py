"""The model corpus (``tests/corpus/*.py``) against its inline expectations and real Keras.

Each corpus file is a realistic model script; the offending line carries its expected
finding as a trailing comment (``# SD101``, ``# SD105 warning``; format in
``tests/corpus/README.md``), clean lines carry nothing.  ``tests/corpus/expected.json`` is
what Keras 3.15 (torch backend, CPU) really did with each file, recorded by executing it::

    cd /work/main && KERAS_BACKEND=torch /work/venv/bin/python tests/corpus/record_keras.py [NAME ...]

(build error with its kind and line, one small ``fit`` per ``fit`` call, and the output
shapes of every layer Keras built).  The fast tests here never import Keras: they compare
``shapedoctor.check_file`` with the inline expectations and with the recording, layer by
layer.  The test marked ``keras`` re-records a few files live to check the recording is
still current.
"""

from __future__ import annotations

import importlib.util
import json
import re
import tokenize
from collections import defaultdict
from pathlib import Path

import pytest

import shapedoctor
from shapedoctor.kinds import KINDS
from shapedoctor.shapes import shape_to_json

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = sorted(p for p in CORPUS.glob("*.py") if p.name != "record_keras.py")
EXPECTED = json.loads((CORPUS / "expected.json").read_text())
EXPECTATION = re.compile(r"#\s*(SD\d{3})(?:\s+(error|warning))?\s*$")
TARGET = KINDS["output-target-mismatch"]
ENGINE_KINDS = {"rank", "negative-length", "reshape-size", "undefined-dim", "incompatible-merge",
                "invalid-argument", "output-target-mismatch"}


def expectations(path: Path) -> set[tuple[int, str, str]]:
    """``{(line, code, severity)}`` from the trailing ``# SDnnn [error|warning]`` comments."""
    found = set()
    with open(path, encoding="utf-8") as handle:
        for token in tokenize.generate_tokens(handle.readline):
            if token.type == tokenize.COMMENT:
                match = EXPECTATION.match(token.string)
                if match:
                    found.add((token.start[0], match.group(1), match.group(2) or "error"))
    return found


_REPORTS: dict[Path, object] = {}


def report(path: Path):
    if path not in _REPORTS:
        _REPORTS[path] = shapedoctor.check_file(str(path), with_fixes=False).files[0]
    return _REPORTS[path]


def findings(path: Path) -> set[tuple[int, str, str]]:
    return {(d.line, d.kind.code, d.severity) for d in report(path).diagnostics
            if d.severity in ("error", "warning")}


def checker_shapes(path: Path) -> dict[tuple[int, str], list]:
    """``(line, layer type) -> [output shapes]`` for every layer shapedoctor inferred."""
    shapes: dict[tuple[int, str], list] = defaultdict(list)
    for model in report(path).models:
        for result in model.inference.results:
            node = result.node
            if node.span is None or node.type == "InputLayer" or result.status != "ok" or not result.outputs:
                continue
            outs = [shape_to_json(s) for s in result.outputs]
            out = outs[0] if len(outs) == 1 else outs
            key = (node.span.line, node.type)
            if out not in shapes[key]:
                shapes[key].append(out)
    return shapes


def keras_layers(path: Path) -> list[dict]:
    return [layer for layer in EXPECTED[path.name]["layers"] if layer["type"] != "InputLayer"]


def keras_shapes(path: Path) -> dict[tuple[int, str], list]:
    """``(line, layer type) -> [output shapes]`` over every layer Keras created on that line
    (a layer constructed in a loop is several Keras layers on one line)."""
    shapes: dict[tuple[int, str], list] = defaultdict(list)
    for layer in keras_layers(path):
        key = (layer["line"], layer["type"])
        shapes[key] += [s for s in layer["shapes"] if s not in shapes[key]]
    return shapes


def compare_layers(path: Path) -> tuple[int, list[str], list[str]]:
    """(agreeing layer shapes, disagreements, Keras layer shapes shapedoctor has no shape for).

    Counted per distinct (line, type, output shape): a layer built once per loop iteration
    counts once per shape."""
    ours = checker_shapes(path)
    agree, wrong, missing = 0, [], []
    for (line, type_), shapes in keras_shapes(path).items():
        if (line, type_) not in ours:
            missing += [f"{type_} at line {line}: Keras {s}" for s in shapes]
        elif sorted(map(json.dumps, ours[(line, type_)])) == sorted(map(json.dumps, shapes)):
            agree += len(shapes)
        else:
            wrong.append(f"{type_} at line {line}: Keras {shapes}, shapedoctor {ours[(line, type_)]}")
    return agree, wrong, missing


def ids(paths):
    return [p.stem for p in paths]


# ------------------------------------------------------------------------------ tests

def test_corpus_is_recorded_and_large_enough():
    assert len(FILES) >= 40
    assert {p.name for p in FILES} == set(EXPECTED) - {"_meta"}, "re-run tests/corpus/record_keras.py"
    valid = [p for p in FILES if not expectations(p)]
    assert 0.3 <= len(valid) / len(FILES) <= 0.5


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_findings_match_inline_expectations(path):
    assert findings(path) == expectations(path)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_errors_agree_with_keras(path):
    """Keras' build error (kind and layer line) is exactly shapedoctor's error, and vice versa."""
    recorded = EXPECTED[path.name]
    ours = {(d.line, d.kind.name) for d in report(path).diagnostics
            if d.severity == "error" and d.kind is not TARGET}
    keras_error = recorded["error"]
    if keras_error is None:
        assert ours == set(), "shapedoctor reports an error where Keras builds the model"
    else:
        assert keras_error["kind"] != "unclassified", keras_error["message"]
        assert ours == {(keras_error["line"], keras_error["kind"])}, keras_error["message"]


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_output_target_agrees_with_keras_fit(path):
    """SD105 iff a recorded fit failed on target/output shapes or silently broadcast them: an error where fit()
    raised, a warning where it trained."""
    ours = [d for d in report(path).diagnostics if d.kind is TARGET]
    wrong_fits = []
    failed = [fit for fit in EXPECTED[path.name]["fits"] if fit["error"] is not None]
    for fit in EXPECTED[path.name]["fits"]:
        if fit["error"] is not None:
            assert fit["error"]["kind"] == "output-target-mismatch", fit["error"]["message"]
            wrong_fits.append(fit)
        elif (fit["output_shapes"] and len(fit["output_shapes"]) == 1 and fit["y_shape"] is not None
              and "sparse" not in str(fit["loss"])):
            out, target = fit["output_shapes"][0], fit["y_shape"]
            squeezed = out[:-1] if len(out) == len(target) + 1 and out[-1] == 1 else out
            if len(squeezed) != len(target) or any(a is not None and a != b
                                                   for a, b in zip(squeezed[1:], target[1:])):
                wrong_fits.append(fit)  # mse & co. broadcast without an error
    assert bool(ours) == bool(wrong_fits)
    assert {d.severity for d in ours} <= ({"error"} if failed else {"warning"})


# Files whose control flow is only known at run time: shapedoctor may know fewer shapes than
# Keras built (never different ones), and that is the honest answer.
PARTIAL = {"ok_runtime_loop_blocks.py": "the number of loop iterations comes from sys.argv"}


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_layer_shapes_agree_with_keras(path):
    if path.name in PARTIAL:
        theirs = keras_shapes(path)
        for key, shapes in checker_shapes(path).items():
            assert key in theirs and all(s in theirs[key] for s in shapes), key
        return
    agree, wrong, missing = compare_layers(path)
    assert not wrong
    assert not missing


def test_every_engine_kind_is_in_the_corpus():
    inline = {KINDS_BY_CODE[code] for p in FILES for (_, code, _) in expectations(p)}
    assert ENGINE_KINDS <= inline
    keras_kinds = {EXPECTED[p.name]["error"]["kind"] for p in FILES if EXPECTED[p.name]["error"]}
    keras_kinds |= {fit["error"]["kind"] for p in FILES for fit in EXPECTED[p.name]["fits"] if fit["error"]}
    assert ENGINE_KINDS <= keras_kinds


KINDS_BY_CODE = {kind.code: kind.name for kind in KINDS.values()}


@pytest.mark.parametrize("path", [p for p in FILES if not expectations(p)],
                         ids=ids([p for p in FILES if not expectations(p)]))
def test_valid_files_stay_clean(path):
    recorded = EXPECTED[path.name]
    assert recorded["error"] is None and all(fit["error"] is None for fit in recorded["fits"])
    assert findings(path) == set()
    assert keras_layers(path), "a valid corpus file must build at least one model in Keras"


def _recorder():
    spec = importlib.util.spec_from_file_location("corpus_record_keras", CORPUS / "record_keras.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.keras
@pytest.mark.parametrize("name", ["bad_rank_conv_after_dense.py", "ok_multi_input_sensor_fusion.py",
                                  "bad_target_fit_zeros.py"])
def test_recording_is_current(name):
    pytest.importorskip("keras")
    live = _recorder().record_file(CORPUS / name)
    assert live == EXPECTED[name]
