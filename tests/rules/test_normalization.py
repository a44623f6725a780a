"""Shape rules of BatchNormalization, LayerNormalization, GroupNormalization and UnitNormalization (normalization.py) against Keras 3.15.

Every expected value in ``expected_normalization.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py normalization

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = ['BatchNormalization(axis=3)(N,64)', 'BatchNormalization()(N,10,N)', 'LayerNormalization(axis=[1,2])(N,4,8)', 'GroupNormalization()(N,10,48)', 'UnitNormalization()(N,10,N)']

test_rule_matches_keras, test_recording_is_current = family_tests("normalization", LIVE)


# Engine semantics (not Keras facts): unfoldable and symbolic values.

def test_unknown_axis_and_symbolic_channels():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule
    from shapedoctor.shapes import Symbol

    for type_ in ("BatchNormalization", "LayerNormalization", "GroupNormalization", "UnitNormalization"):
        with pytest.raises(Unresolved):
            apply_rule(type_, {"axis": UNKNOWN}, [(None, 10, 8)])
    c = Symbol("channels")
    assert apply_rule("GroupNormalization", {"groups": 4}, [(None, 10, c)]) == (None, 10, c)
