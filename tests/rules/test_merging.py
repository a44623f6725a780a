"""Shape rules of Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot and the functional forms (merging.py) against Keras 3.15.

Every expected value in ``expected_merging.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py merging

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

from family import family_tests

LIVE = ['Add()(N,8)+(N,4)', 'Add()(N,3)+(N,4,3)', 'Subtract()(N,8)+(N,8)+(N,8)', 'Concatenate(axis=1)(N,5,8)+(N,3,8)', 'Concatenate()(N,1,8)+(N,5,4)', 'Dot(axes=1)(N,N)+(N,8)', 'Dot(axes=[1,2])(N,5,8)+(N,6,5)']

test_rule_matches_keras, test_recording_is_current = family_tests("merging", LIVE)


# Engine semantics (not Keras facts): symbolic sizes are never reported as mismatches.

def test_symbolic_dims():
    from shapedoctor.rules import apply_rule
    from shapedoctor.shapes import Symbol

    n = Symbol("n")
    assert apply_rule("Add", {}, [(None, n), (None, n)]) == (None, n)
    assert apply_rule("Add", {}, [(None, n), (None, 8)]) == (None, 8)
    out = apply_rule("Concatenate", {}, [(None, n), (None, 4)])
    assert out[0] is None and "n" in str(out[1])
    assert apply_rule("Dot", {"axes": 1}, [(None, n, 3), (None, n, 5)]) == (None, 3, 5)
