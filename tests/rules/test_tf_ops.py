"""TensorFlow spellings of the op rules (rules/ops.py) against TensorFlow 2.21 (CPU).

Every expected value in ``expected_tf_ops.json`` was recorded from real TensorFlow by
``tests/rules/record_tf_ops.py`` (TensorFlow 2.21.0, CPU, in a separate venv): each case calls the function as
written (``tf.nn.depth_to_space``, ``tf.signal.stft``, ``tf.image.crop_to_bounding_box``...) eagerly on zero
arrays and stores the output shape or the exception; a ``graph`` case is traced on ``tf.TensorSpec``\\ s with
unknown sizes (static shape or tracing error) and then run.  Re-record after changing the cases or upgrading
TensorFlow::

    /work/tfvenv/bin/python tests/rules/record_tf_ops.py

The tests never import TensorFlow: each case runs end to end through shapedoctor, as the source of a tiny
functional model (one ``keras.Input`` per tensor, the call, ``keras.Model``) given to ``check_source``.
"""

from __future__ import annotations

import pytest
from record_tf_ops import load, source_of

RECORDING = load()
CASES = RECORDING["cases"]
IDS = [c["id"] for c in CASES]

# The NCHW layout of DepthToSpace / SpaceToDepth has no CPU kernel: the traced call fails to run on this
# machine whatever the shapes (not a shape problem; a GPU runs it).
NO_KERNEL = "No OpKernel was registered"


def _checked(case):
    import shapedoctor

    report = shapedoctor.check_source(source_of(case))
    (model,) = report.models
    (op,) = [r for r in model.inference.results if r.node.type != "InputLayer"]
    findings = [(d.severity, d.kind.name, d.message) for d in report.diagnostics if d.severity in ("error", "warning")]
    return op, findings


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_rule_matches_tensorflow(case):
    """* TensorFlow raised (eagerly, or while tracing): shapedoctor reports an error at the op.
    * TensorFlow gave a shape: shapedoctor gives the same, and no error; when the traced call then failed to run
      (other than for a missing kernel), a problem; a warning only for a zero size (an empty STFT)."""
    op, findings = _checked(case)
    want = case["tf"]
    if "error" in want:
        assert op.status == "error" and any(f[0] == "error" for f in findings), (
            f"TensorFlow: {want['error']}: {want['message']}\nshapedoctor: {op.status} {findings}")
        return
    assert op.outputs == [tuple(want["output"])], f"shapedoctor {op.outputs} vs TensorFlow {want['output']}"
    runtime = case.get("runtime", "ok")
    if runtime.startswith("failed") and NO_KERNEL not in runtime:
        assert findings, f"the traced call fails ({runtime}) but shapedoctor reports nothing"
        return
    assert not any(f[0] == "error" for f in findings), findings
    if findings:
        assert 0 in want["output"] and all(f[1] == "negative-length" for f in findings), findings


def test_spellings_follow_tensorflow_signatures():
    """Each recorded function's OpSpec names TensorFlow's positional parameters in order (after its renames), and an
    ``ops.tf.*`` rule's own parameters are TensorFlow's."""
    from shapedoctor.rules import RULES
    from shapedoctor.rules.ops import resolve_op

    for name, params in RECORDING["signatures"].items():
        spec = resolve_op("tensorflow." + name[len("tf."):])
        assert spec is not None, name
        assert [spec.renames.get(p, p) for p in params][:len(spec.params)] == list(spec.params), name
        if spec.op.startswith("ops.tf."):
            assert spec.op == "ops." + name
            assert list(RULES[spec.op].params) == params[:len(RULES[spec.op].params)], name


def test_recording_covers_each_function():
    calls = {c["call"] for c in CASES}
    assert calls == set(RECORDING["signatures"])
    for call in calls:
        outcomes = ["error" in c["tf"] for c in CASES if c["call"] == call]
        assert len(outcomes) >= 4 and any(outcomes) and not all(outcomes), call
    assert RECORDING["recorded_with"]["tensorflow"].startswith("2.")
