"""shapedoctor against an independently written generator (tests/independent/generate.py, written from the
Keras documentation and source only, without reading shapedoctor's rules or conformance harness), with real
Keras as the oracle (build + one forward pass).  The agreement on a fixed set of cases must not drop below the
rate measured when this test was written: a regression fails it, a fix raises the rate (then raise FLOOR)."""

import importlib.util
import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


def _run_module():
    name = "shapedoctor_independent_run"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, "run.py"))
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


CASES = 300
SEED = 2024
# cases in agreement, measured with `python tests/independent/run.py --cases 300 --seed 2024 --out DIR`
# (Keras 3.15.1, torch backend); the floor is that measurement, minus nothing
FLOOR_AGREE = 290
FLOOR = FLOOR_AGREE / CASES


@pytest.mark.keras
@pytest.mark.slow
def test_agreement_with_independent_generator(tmp_path):
    pytest.importorskip("keras")
    summary = _run_module().main(["--cases", str(CASES), "--seed", str(SEED), "--out", str(tmp_path), "--quiet"])
    assert summary["cases"] == CASES
    agree = summary["labels"].get("agree-ok", 0) + summary["labels"].get("agree-error", 0)
    if agree < FLOOR_AGREE:
        groups = json.load(open(tmp_path / "disagreements.json"))["groups"]
        lines = [f"{g['label']} {g['layer']} x{g['count']}: {g['signature'][:100]}  e.g. {g['examples'][0]['id']}"
                 for g in groups[:15]]
        pytest.fail(f"agreement {summary['agreement']:.4f} < floor {FLOOR:.4f}\n" + "\n".join(lines))
