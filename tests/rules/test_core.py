"""Shape rules of Input/InputLayer, Dense, Lambda, the same-shape layers, Dropout, PReLU and SpatialDropout1D/2D/3D (core.py) against Keras 3.15.

Every expected value in ``expected_core.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py core

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = ['Input(shape=10)', 'Dense(units=8)(N,10,N)', 'Dense(units=4.0)(N,4)', 'Dense(units=8)(N)', 'PReLU()(N,N,4)', 'SpatialDropout2D(rate=0.3)(N,3)', "Lambda(function={'__fn__':'squeeze','axis':1})(N,1,4)"]

test_rule_matches_keras, test_recording_is_current = family_tests("core", LIVE)


# Engine semantics (not Keras facts): unfoldable arguments and symbolic sizes.

def test_unknown_arguments_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule

    for type_, args in [("Dense", {"units": UNKNOWN}), ("Lambda", {"function": UNKNOWN}),
                        ("InputLayer", {"shape": UNKNOWN})]:
        with pytest.raises(Unresolved):
            apply_rule(type_, args, [] if type_ == "InputLayer" else [(None, 10, 3)])


def test_arguments_only_validated_do_not_make_the_output_unknown():
    """A dropout rate or a vocabulary read from a config: not checked, and the shape is still known."""
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import apply_rule

    assert apply_rule("Dropout", {"rate": UNKNOWN}, [(None, 10, 3)]) == (None, 10, 3)
    assert apply_rule("StringLookup", {"vocabulary": UNKNOWN}, [(None, 1)]) == (None, 1)
    assert apply_rule("RandomZoom", {"height_factor": (UNKNOWN, 0.0)}, [(None, 8, 8, 3)]) == (None, 8, 8, 3)
    with pytest.raises(Exception):  # a one-hot lookup's depth does depend on the vocabulary
        apply_rule("StringLookup", {"vocabulary": UNKNOWN, "output_mode": "one_hot"}, [(None, 1)])


def test_symbolic_sizes_propagate():
    from shapedoctor.rules import apply_rule
    from shapedoctor.shapes import Symbol

    n = Symbol("n_units")
    assert apply_rule("Dense", {"units": n}, [(None, 10, 3)]) == (None, 10, n)
    assert apply_rule("InputLayer", {"shape": (n, 3)}, []) == (None, n, 3)
