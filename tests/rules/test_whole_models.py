"""Whole small models against Keras 3.15 (findings of the independent differential test, issue 10).

Every expected value in ``expected_models.json`` was recorded from real Keras by ``tests/rules/record_models.py``
with the independent test's own oracle (build, then one forward pass with batch 2).  Re-record after changing
the cases or upgrading Keras::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_models.py

A case agrees when: Keras builds and runs it -> no error or warning, the model fully checked, the same output
shapes; Keras fails when it builds -> an error on the line Keras raised from; Keras fails only in the forward
pass -> at least a warning.  A case with ``needs`` is an expected failure (strict: it must start passing once
what it needs is in).
"""

from __future__ import annotations

import pytest
from record_models import load_cases

CASES = load_cases()


def _params(case):
    marks = [pytest.mark.xfail(reason=case["needs"], strict=True)] if case.get("needs") else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_params(c) for c in CASES])
def test_model_matches_keras(case):
    import shapedoctor
    from shapedoctor.shapes import shape_to_json

    report = shapedoctor.check_source(case["source"], "case.py", with_fixes=False)
    keras_ = case["keras"]
    errors = [(d.line, d.kind.name, d.message) for d in report.diagnostics if d.severity == "error"]
    warnings = [(d.line, d.kind.name, d.message) for d in report.diagnostics if d.severity == "warning"]
    if keras_["builds"] and keras_["forward_ok"]:
        assert not errors and not warnings, (errors, warnings)
        (model,) = [m for m in report.models if m.graph.name == "model"]
        assert model.inference.complete, [g.reason for g in model.inference.gaps]
        assert [shape_to_json(s) for s in model.inference.output_shapes()] == keras_["shapes"]
    elif not keras_["builds"]:
        assert [e for e in errors if e[0] == keras_["error_line"]], (keras_["error"], errors, warnings)
    else:
        assert errors or warnings, keras_["error"]
