"""The constructor checks shared by many layers (validation.py) against Keras 3.15: activation names,
initializer/regularizer/constraint identifiers, ``activity_regularizer`` on any layer.

Every expected value in ``expected_validation.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU).  Re-record::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py validation
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = [
    "Dense(units=3,activation='nope')(N,4)",
    "Dense(units=3,activation='swish')(N,4)",
    "Conv2D(filters=2,kernel_size=2,kernel_initializer='HeNormal')(N,5,5,3)",
    "LSTM(units=3,kernel_regularizer='l1_l2')(N,5,4)",
    "Dropout(rate=0.5,activity_regularizer='l7')(N,4)",
]

test_rule_matches_keras, test_recording_is_current = family_tests("validation", LIVE)


def test_unknown_and_callable_values_pass():
    """A value the front-end could not fold, a layer or a function object is not checked."""
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import apply_rule
    from shapedoctor.rules.nested import NestedLayer

    for value in (UNKNOWN, NestedLayer("LeakyReLU", {}), {"class_name": "GlorotUniform", "config": {}}):
        assert apply_rule("Dense", {"units": 3, "activation": value, "kernel_initializer": value},
                          [(None, 4)]) == (None, 3)


@pytest.mark.keras
def test_tables_are_keras_tables():
    """The name tables are Keras' own (``ALL_OBJECTS_DICT``), less the initializers that cannot be built from
    their name alone."""
    pytest.importorskip("keras")
    from keras.src import activations, constraints, initializers, regularizers

    from shapedoctor.rules import validation

    assert validation.ACTIVATIONS == set(activations.ALL_OBJECTS_DICT)
    assert validation.REGULARIZERS == set(regularizers.ALL_OBJECTS_DICT)
    assert validation.CONSTRAINTS == set(constraints.ALL_OBJECTS_DICT)
    unbuildable = {"Constant", "constant", "STFT", "STFTInitializer", "stft", "Initializer", "initializer"}
    assert validation.INITIALIZERS == set(initializers.ALL_OBJECTS_DICT) - unbuildable
