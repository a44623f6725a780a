"""KerasTuner hyperparameters as a fresh ``keras_tuner.HyperParameters()`` returns them (frontends/tuner.py).

Each case's expected value is what keras_tuner 1.4.8 returned for the same call on a fresh HyperParameters;
``test_matches_keras_tuner`` (marked keras) makes the calls again on the installed keras_tuner."""

from __future__ import annotations

import pytest

from shapedoctor.frontends.tuner import (HyperParameters, hypermodel_of_tuner, hyperparameter,
                                         is_hyperparameters_class, tuner_hyperparameters)
from shapedoctor.graph import UNKNOWN

# (method, args, kwargs, value on a fresh HyperParameters)
CASES = [
    ("Int", ["layers", 1, 4], {}, 1),
    ("Int", ["units", 32, 512], {"step": 32}, 32),
    ("Int", ["blocks", 1, 4], {"default": 3}, 3),
    ("Int", ["kernel"], {"min_value": 3, "max_value": 7, "step": 2}, 3),
    ("Int", ["n", 2.0, 8.0], {}, 2),
    ("Float", ["lr", 1e-4, 1e-2], {"sampling": "log"}, 1e-4),
    ("Float", ["rate", 0, 0.5], {"step": 0.1}, 0.0),
    ("Float", ["rate", 0.0, 0.5, 0.1, "linear", 0.2], {}, 0.2),
    ("Choice", ["activation", ["relu", "tanh"]], {}, "relu"),
    ("Choice", ["filters", [64, 32]], {"default": 32}, 32),
    ("Choice", ["size"], {"values": (7, 5, 3)}, 7),
    ("Boolean", ["dropout"], {}, False),
    ("Boolean", ["pool"], {"default": True}, True),
    ("Fixed", ["classes", 10], {}, 10),
]


@pytest.mark.parametrize("method,args,kwargs,expected", CASES)
def test_default_of_a_fresh_hyperparameters(method, args, kwargs, expected):
    value = hyperparameter(HyperParameters(), method, list(args), dict(kwargs))
    assert value == expected and type(value) is type(expected)


def test_a_name_registered_again_keeps_its_first_value():
    hp = HyperParameters()
    assert hyperparameter(hp, "Int", ["units", 16, 64], {}) == 16
    assert hyperparameter(hp, "Int", ["units", 128, 256], {}) == 16
    assert hyperparameter(hp, "get", ["units"], {}) == 16


def test_what_cannot_be_told_is_unknown():
    hp = HyperParameters()
    assert hyperparameter(hp, "Int", ["units", UNKNOWN, 64], {}) is UNKNOWN
    assert hyperparameter(hp, "Choice", ["act", UNKNOWN], {}) is UNKNOWN
    assert hyperparameter(hp, "Int", [UNKNOWN, 1, 4], {}) is UNKNOWN  # a name that does not fold
    assert hyperparameter(hp, "get", ["never_registered"], {}) is UNKNOWN
    assert hyperparameter(hp, "conditional_scope", ["a", ["b"]], {}) is UNKNOWN
    assert hp.values == {}


def test_tuner_classes_and_their_hypermodel():
    build = object()
    assert is_hyperparameters_class("keras_tuner.HyperParameters")
    assert is_hyperparameters_class("kerastuner.engine.hyperparameters.HyperParameters")
    assert not is_hyperparameters_class("mylib.HyperParameters")
    assert hypermodel_of_tuner("keras_tuner.RandomSearch", [build], {}) is build
    assert hypermodel_of_tuner("keras_tuner.tuners.Hyperband", [], {"hypermodel": build}) is build
    assert hypermodel_of_tuner("keras_tuner.Tuner", [object(), build], {}) is build  # Tuner(oracle, hypermodel)
    assert hypermodel_of_tuner("keras_tuner.RandomSearch", [], {}) is None
    assert hypermodel_of_tuner("sklearn.RandomSearch", [build], {}) is None


@pytest.mark.keras
@pytest.mark.parametrize("method,args,kwargs,expected", CASES)
def test_matches_keras_tuner(method, args, kwargs, expected):
    keras_tuner = pytest.importorskip("keras_tuner")
    value = getattr(keras_tuner.HyperParameters(), method)(*args, **kwargs)
    assert value == expected and type(value) is type(expected)


def test_a_tuner_builds_with_the_hyperparameters_it_is_given():
    fixed = HyperParameters()
    assert hyperparameter(fixed, "Fixed", ["units", 96], {}) == 96
    hp = tuner_hyperparameters({"hyperparameters": fixed})
    assert hyperparameter(hp, "Int", ["units", 32, 128], {}) == 96  # the given value, not the build's default
    hyperparameter(hp, "Int", ["layers", 1, 3], {})
    assert fixed.values == {"units": 96, "layers": 1}  # the given one gains the build's entries, as in KerasTuner
    assert tuner_hyperparameters({}).values == {}
    assert tuner_hyperparameters({"hyperparameters": UNKNOWN}) is None  # values the walk does not know


def test_each_read_is_noted_in_order():
    hp = HyperParameters()
    hyperparameter(hp, "Int", ["units", 16, 64], {})
    hyperparameter(hp, "Choice", ["act", ["relu"]], {})
    hyperparameter(hp, "Int", ["units", 16, 64], {})
    hyperparameter(hp, "get", ["act"], {})
    hyperparameter(hp, "Int", ["bad", UNKNOWN, 4], {})
    assert hp.read == ["units", "act", "units", "act"]


SHARED_HP = '''
import keras
import keras_tuner as kt
from keras import layers


def dense_head(hp):
    inputs = keras.Input(shape=(32,))
    x = layers.Dense(hp.Int("units", 8, 64))(inputs)
    return keras.Model(inputs, layers.Conv1D(4, 3)(x))


def conv_net(hp):
    inputs = keras.Input(shape=(hp.Int("steps", 2, 9), 1))
    x = layers.Conv1D(hp.Choice("filters", [4, 8]), 3)(inputs)
    return keras.Model(inputs, x)


hp = kt.HyperParameters()
first = dense_head(hp)
second = conv_net(hp)
'''


def test_a_finding_says_which_hyperparameters_its_model_was_built_with():
    # Keras 3.15 + keras_tuner 1.4.8 raise both: ValueError expected min_ndim=3 (line 10), "Computed output size
    # would be zero or negative" (line 15), with hp = kt.HyperParameters() as here
    from shapedoctor import check_source

    report = check_source(SHARED_HP, "tuned.py", with_fixes=False).files[0]
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [(d.line, d.kind.name) for d in errors] == [(10, "rank"), (15, "negative-length")]
    rank, length = (" ".join(d.explanation) for d in errors)
    assert "KerasTuner hyperparameters" in rank and rank.endswith("): units=8.")
    assert length.endswith("): steps=2, filters=4.")  # only what its own build read from the shared one


def test_models_of_a_plain_call_do_not_mention_hyperparameters():
    from shapedoctor import check_source

    text = SHARED_HP.replace("hp = kt.HyperParameters()", "hp = None").replace('hp.Int("units", 8, 64)', "8") \
        .replace('hp.Int("steps", 2, 9)', "2").replace('hp.Choice("filters", [4, 8])', "4")
    report = check_source(text, "plain.py", with_fixes=False).files[0]
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert len(errors) == 2 and not any("KerasTuner" in " ".join(d.explanation) for d in errors)
