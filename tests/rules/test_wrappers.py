"""Shape rules of TimeDistributed (wrappers.py) against Keras 3.15.

Every expected value in ``expected_wrappers.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py wrappers

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = ['TimeDistributed(layer=Dense(units=8))(N,10,4)', 'TimeDistributed(layer=Dense(units=8))(N,64)', 'TimeDistributed(layer=LSTM(units=4))(N,5,7,3)', 'TimeDistributed(layer=Dense(units=8))(N,10,N)']

test_rule_matches_keras, test_recording_is_current = family_tests("wrappers", LIVE)


# Engine semantics (not Keras facts): a wrapped layer the front-end could not read.

def test_unreadable_inner_layer_is_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule
    from shapedoctor.rules.nested import NestedLayer

    for layer in (UNKNOWN, "dense_layer_variable", NestedLayer("MyCustomLayer", {"units": 3}),
                  NestedLayer("Dense", {"units": UNKNOWN})):
        with pytest.raises(Unresolved):
            apply_rule("TimeDistributed", {"layer": layer}, [(None, 10, 4)])
