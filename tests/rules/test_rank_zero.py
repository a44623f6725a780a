"""A rank-0 input never crashes a shape rule (independent differential test, N2: ``Reshape`` and
``MelSpectrogram`` after ``ops.max(x, axis=None)`` raised IndexError inside shapedoctor).

Every single-input layer case recorded from Keras (``expected_<family>.json``) and every one-tensor op case
(``expected_ops.json``) is re-run with its tensor replaced by a rank-0 one: the rule returns a shape or raises
ShapeProblem/Unresolved, never anything else.  Keras' own verdicts on rank-0 inputs are recorded as cases of the
families (``Reshape(target_shape=(1,))()``, ``MelSpectrogram()()``, ``EinsumDense(...)()``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from record_keras import CELLS, nested_types, rule_args
from record_ops import apply_case
from record_ops import load_cases as load_op_cases

HERE = Path(__file__).resolve().parent


def _layer_cases() -> list[dict]:
    cases = []
    for path in sorted(HERE.glob("expected_*.json")):
        if path.stem in ("expected_ops",):
            continue
        for case in json.loads(path.read_text()).get("cases", []):
            if isinstance(case, dict) and case.get("layer") and len(case.get("inputs", [])) == 1 \
                    and not case.get("call") and case["layer"] not in ("Input", "InputLayer"):
                cases.append(case)
    return cases


LAYER_CASES = _layer_cases()
OP_CASES = [c for c in load_op_cases() if len(c["inputs"]) == 1]


@pytest.mark.parametrize("case", LAYER_CASES, ids=[c["id"] for c in LAYER_CASES])
def test_layer_rule_on_rank_zero_input(case):
    from shapedoctor.rules import RULES, ShapeProblem, Unresolved, apply_rule, canonical_type

    types = [case["layer"]] + [t for v in case["args"].values() for t in nested_types(v)]
    if any(canonical_type(t) not in RULES and t not in CELLS for t in types):
        pytest.skip("no rule")
    try:
        apply_rule(case["layer"], rule_args(case["args"]), [()])
    except (ShapeProblem, Unresolved):
        pass


@pytest.mark.parametrize("case", OP_CASES, ids=[c["id"] for c in OP_CASES])
def test_op_rule_on_rank_zero_input(case):
    from shapedoctor.rules import ShapeProblem, Unresolved

    try:
        apply_case(dict(case, inputs=[[]]))
    except (ShapeProblem, Unresolved):
        pass
