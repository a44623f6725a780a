"""Shape rules of Conv1D/2D/3D, SeparableConv1D/2D, DepthwiseConv1D/2D and Conv1D/2D/3DTranspose (conv.py) against Keras 3.15.

Every expected value in ``expected_conv.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py conv

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = ['Conv1D(filters=16,kernel_size=3)(N,28,28,3)', 'Conv1D(filters=16,kernel_size=3)(N,2,4)', 'Conv1D(filters=16,kernel_size=3,strides=2,dilation_rate=2)(N,100,4)', "Conv1D(filters=16,kernel_size=3,padding='causal',dilation_rate=4)(N,10,4)", 'Conv1D(filters=16,kernel_size=3,groups=2)(N,100,5)', 'Conv2D(filters=8,kernel_size=3)(N,28,28,N)', "Conv2DTranspose(filters=8,kernel_size=3,strides=2,output_padding=1,padding='same')(N,10,7,4)"]

test_rule_matches_keras, test_recording_is_current = family_tests("conv", LIVE)


# Engine semantics (not Keras facts): unfoldable arguments and symbolic sizes.

def test_unknown_arguments_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule

    for args in [{"filters": 4, "kernel_size": UNKNOWN}, {"filters": 4, "kernel_size": 3, "padding": UNKNOWN},
                 {"filters": 4, "kernel_size": 3, "strides": UNKNOWN}]:
        with pytest.raises(Unresolved):
            apply_rule("Conv1D", args, [(None, 10, 3)])


def test_symbolic_length_gives_symbolic_output():
    from shapedoctor.rules import apply_rule
    from shapedoctor.shapes import Symbol

    n = Symbol("n")
    out = apply_rule("Conv1D", {"filters": 4, "kernel_size": 3}, [(None, n, 2)])
    assert out[0] is None and out[2] == 4 and isinstance(out[1], Symbol) and "n" in str(out[1])
    assert apply_rule("Conv1D", {"filters": 4, "kernel_size": 3, "padding": "same"}, [(None, n, 2)]) == (None, n, 4)
