"""KerasHub layer rules (rules/keras_hub.py) against the real package.

Expected values in ``expected_keras_hub.json`` were recorded by ``record_keras_hub.py`` with KerasHub and
Keras 3 (TensorFlow backend: KerasHub needs TensorFlow for its text ops); this test imports neither.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shapedoctor.rules import RULES, ShapeProblem, apply_rule
from shapedoctor.rules.keras_hub import KERAS_HUB_LAYERS

HERE = Path(__file__).resolve().parent
CASES = json.loads((HERE / "expected_keras_hub.json").read_text())["cases"]


def _shapes(case):
    return [tuple(s) for s in case["inputs"]]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rule_matches_keras_hub(case):
    want = case["keras"]
    try:
        got = apply_rule(f"keras_hub.{case['layer']}", dict(case["args"]), _shapes(case))
    except ShapeProblem as problem:
        assert "error" in want and problem.severity == "error", (problem.message, want)
        return
    assert "output" in want, (got, want)
    assert tuple(got) == tuple(want["output"])


def test_every_mapped_keras_hub_layer_has_a_rule_and_recorded_cases():
    recorded = {c["layer"] for c in CASES}
    for name in KERAS_HUB_LAYERS:
        assert f"keras_hub.{name}" in RULES and name in recorded, name
    assert "TransformerEncoder" not in RULES  # keras.layers has no such class: that spelling stays unknown
