"""Shape rules of Max/AveragePooling1D/2D/3D and GlobalMax/GlobalAveragePooling1D/2D/3D (pooling.py) against Keras 3.15.

Every expected value in ``expected_pooling.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py pooling

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = ['MaxPooling1D(pool_size=2)(N,1,4)', "MaxPooling1D(pool_size=2,padding='SAME')(N,11,4)", 'AveragePooling1D()(N,100,4)', 'MaxPooling2D(pool_size=2)(N,28,3)', "GlobalAveragePooling2D(data_format='channels_first',keepdims=True)(N,4,8,9)"]

test_rule_matches_keras, test_recording_is_current = family_tests("pooling", LIVE)


# Engine semantics (not Keras facts): unfoldable arguments and symbolic sizes.

def test_unknown_arguments_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule

    with pytest.raises(Unresolved):
        apply_rule("MaxPooling1D", {"pool_size": UNKNOWN}, [(None, 10, 3)])
    with pytest.raises(Unresolved):
        apply_rule("GlobalAveragePooling1D", {"keepdims": UNKNOWN}, [(None, 10, 3)])


def test_symbolic_length_gives_symbolic_output():
    from shapedoctor.rules import apply_rule
    from shapedoctor.shapes import Symbol

    n = Symbol("n")
    out = apply_rule("MaxPooling1D", {"pool_size": 2}, [(None, n, 3)])
    assert out[0] is None and out[2] == 3 and isinstance(out[1], Symbol)
    assert apply_rule("GlobalMaxPooling1D", {}, [(None, n, 3)]) == (None, 3)
