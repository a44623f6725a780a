"""The constructs real Keras code uses (issue 9), one fixture file each, against real Keras.

``tests/constructs/*.py`` are small runnable model scripts, one construct each (helpers applied to
tensors, builder methods, custom layers, subclassed models, Sequential stacks applied to tensors,
inputs from data, loops, RNN states, tensor ops, applications, attention, appended lists);
``*_bad_*`` files are broken the way Keras says.  ``expected.json`` is what Keras 3.15 (torch
backend, CPU) built from each, recorded by executing them::

    cd /work/main && KERAS_BACKEND=torch .venv/bin/python tests/constructs/record_keras.py [NAME ...]

(format in that script's docstring).  For each fixture, ``shapedoctor.check_file`` must:

* find every model Keras made at its constructor line (``ModelReport.graph.line``), with the same
  final output shapes (batch ``None``; a model Keras made but could not build, in a broken
  fixture, has no shapes to compare: it must only be found).  A symbol (a string in JSON) matches only in a dimension
  the recording marks ``data_dependent``; elsewhere a dimension must equal Keras' exactly;
* on a broken fixture, report exactly one error: Keras' kind at the recorded ``static_line``;
  on a valid one, no error, and no ``output-target-mismatch`` finding of any severity (the fixtures
  are written as their authors meant: a per-step output, as in a CTC head, is intended).

Fixtures the front-end does not follow yet are listed in ``PENDING`` with the reason, and skipped
with it; ``test_pending_is_exact`` fails when an entry is stale (the fixture passes now: remove
it) or a fixture neither passes nor is listed.  The test marked ``keras`` re-records live and
compares with ``expected.json``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import shapedoctor
from shapedoctor.shapes import shape_to_json

HERE = Path(__file__).resolve().parent
EXPECTED = json.loads((HERE / "expected.json").read_text())

# fixture name -> why shapedoctor does not pass it yet (remove the entry when it does)
PENDING: dict[str, str] = {
}

CONSTRUCTS = {
    "helper": "1. user helper functions applied to tensors",
    "method": "2. builders written as methods",
    "layer": "3. custom keras.layers.Layer subclasses",
    "model": "4. subclassed keras.Model",
    "seq": "5. Sequential without input applied to a tensor, nested models",
    "input": "6. Input(shape=...) from data or a parameter",
    "loop": "7. loops, comprehensions, dicts of inputs",
    "rnn": "8. RNN return_state / initial_state",
    "ops": "9. tensor arithmetic and ops",
    "apps": "10. keras.applications backbones",
    "attn": "11. attention layers",
    "append": "12. lists appended to after their literal",
    "import": "13. custom layers, builders and sizes imported from other files of the user's project",
    "branch": "14. models made inside an `if` whose condition only the data decides",
    "tuner": "15. KerasTuner build functions and HyperModels, built with their hyperparameters' defaults",
}


def _recorder():
    spec = importlib.util.spec_from_file_location("constructs_record_keras", HERE / "record_keras.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FILES = _recorder().fixture_files()
NAMES = [p.name for p in FILES]

_REPORTS: dict[str, object] = {}


def report(name: str):
    if name not in _REPORTS:
        _REPORTS[name] = shapedoctor.check_file(str(HERE / name), with_fixes=False).files[0]
    return _REPORTS[name]


def dims_match(ours, keras_shape, data_dependent) -> bool:
    if ours is None or keras_shape is None or len(ours) != len(keras_shape):
        return False
    for i, (a, b) in enumerate(zip(ours, keras_shape)):
        if isinstance(a, str):  # a symbol: only where the size comes from data the source does not show
            if i not in data_dependent:
                return False
        elif a != b:
            return False
    return True


def outputs_match(ours: list, recorded: dict) -> bool:
    theirs = recorded["outputs"]
    return (theirs is not None and len(ours) == len(theirs)
            and all(dims_match(a, b, recorded["data_dependent"]) for a, b in zip(ours, theirs)))


def problems(name: str) -> list[str]:
    """Every way shapedoctor's report on this fixture differs from what Keras did (empty: passes)."""
    try:
        rep = report(name)
    except Exception as exc:  # strict mode in the suite: a front-end crash is a failure, named here
        return [f"shapedoctor crashed: {type(exc).__name__}: {exc}"]
    recorded = EXPECTED[name]
    found = []
    ours = [(m.graph.line, [shape_to_json(s) for s in m.inference.output_shapes()]) for m in rep.models]
    unused = list(range(len(ours)))
    for model in recorded["models"]:
        at_line = [i for i in unused if ours[i][0] == model["line"]]
        if not at_line:
            found.append(f"no model at line {model['line']} ({model['class']} {model['path']}: Keras outputs "
                         f"{model['outputs']})")
            continue
        if model["outputs"] is None:  # Keras could not build it (the broken fixture's error): presence only
            unused.remove(at_line[0])
            continue
        match = next((i for i in at_line if outputs_match(ours[i][1], model)), None)
        if match is None:
            found.append(f"line {model['line']} ({model['class']} {model['path']}): Keras outputs "
                         f"{model['outputs']}, shapedoctor {[ours[i][1] for i in at_line]}")
            continue
        unused.remove(match)
    error = recorded["error"]
    # Keras built the model and failed only when data flowed: shapedoctor says so as a warning (issue 10)
    runtime = bool(error and error.get("runtime"))
    errors = sorted({(d.line, d.kind.name) for d in rep.diagnostics
                     if d.severity == "error" or (runtime and d.severity == "warning")})
    wanted = [(error["static_line"], error["kind"])] if error else []
    if errors != wanted:
        found.append(f"errors: Keras {wanted}, shapedoctor {errors}")
    if not error:  # every model here is built the way its author meant: a per-step output is intended
        mismatch = sorted({(d.line, d.severity) for d in rep.diagnostics if d.kind.name == "output-target-mismatch"})
        if mismatch:
            found.append(f"output-target-mismatch on a valid fixture: {mismatch}")
    return found


# ------------------------------------------------------------------------------ tests

def test_fixtures_are_recorded():
    assert set(NAMES) == set(EXPECTED) - {"_meta"}, "re-run tests/constructs/record_keras.py"
    assert set(PENDING) <= set(NAMES), set(PENDING) - set(NAMES)
    for name in NAMES:
        recorded = EXPECTED[name]
        broken = "_bad_" in name
        assert (recorded["error"] is not None) == broken, name
        if broken:
            assert recorded["error"]["kind"] != "unclassified", (name, recorded["error"]["message"])
        else:
            assert recorded["models"], f"{name}: a valid fixture must build at least one model"
        for model in recorded["models"]:
            assert model["line"] is not None, (name, model)


def test_every_construct_has_valid_and_broken_fixtures():
    for prefix, construct in CONSTRUCTS.items():
        mine = [n for n in NAMES if n.startswith(prefix + "_")]
        assert len(mine) >= 2, construct
        if prefix != "append":
            assert any("_bad_" in n for n in mine), f"{construct}: no broken fixture"
    assert all(n.split("_")[0] in CONSTRUCTS for n in NAMES)


@pytest.mark.parametrize("name", NAMES, ids=[Path(n).stem for n in NAMES])
def test_construct_agrees_with_keras(name):
    if name in PENDING:
        pytest.skip(f"pending: {PENDING[name]}")
    assert problems(name) == []


def test_pending_is_exact():
    """Nothing is skipped silently: each fixture passes, or is listed in PENDING with its reason."""
    stale = [n for n in PENDING if not problems(n)]
    unlisted = {n: p for n in NAMES if n not in PENDING for p in [problems(n)] if p}
    assert not stale, f"these pass now, remove them from PENDING: {stale}"
    assert not unlisted, unlisted


@pytest.mark.keras
def test_recording_is_current():
    pytest.importorskip("keras")
    live = _recorder().record_files(FILES)
    for name in NAMES:
        assert live[name] == EXPECTED[name], name
