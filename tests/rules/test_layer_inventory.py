"""Every public layer class of ``keras.layers`` has a shape rule or is a documented opaque step.

Keras 3.15.1 (torch backend) exports 163 names under ``keras.layers`` that are subclasses of
``keras.layers.Layer``: 143 classes, some under two names (``Conv2D``/``Convolution2D``).  Each name must
be registered in ``shapedoctor.rules.RULES`` (or ``ALIASES``) or listed with its reason in
``shapedoctor.rules.inventory.OPAQUE``, never both.  The test marked ``keras`` enumerates the installed
Keras itself; the others read the list recorded in ``inventory.KERAS_LAYER_NAMES`` and never import Keras.
"""

from __future__ import annotations

import inspect

import pytest

from shapedoctor.rules import ALIASES, RULES, canonical_type
from shapedoctor.rules.inventory import (KERAS_LAYER_BASES, KERAS_LAYER_NAMES, KERAS_VERSION, OPAQUE,
                                         REMOVED_IN_KERAS_3, opaque_message)

KERAS = "3.15.1"  # the release this inventory was taken from (inventory.KERAS_VERSION)


def _has_rule(name: str) -> bool:
    return name in RULES or canonical_type(name) in RULES


def _uncovered(names) -> list[str]:
    return sorted(n for n in names if not _has_rule(n) and n not in OPAQUE)


def test_recorded_version():
    assert KERAS_VERSION == KERAS
    assert len(KERAS_LAYER_NAMES) == len(set(KERAS_LAYER_NAMES)) == 163


def test_every_recorded_layer_has_a_rule_or_an_opaque_reason():
    assert _uncovered(KERAS_LAYER_NAMES) == []


def test_opaque_table_and_rules_do_not_overlap():
    both = sorted(n for n in OPAQUE if n in RULES or n in ALIASES)
    assert both == [], f"both a rule and an opaque entry: {both}"


def test_opaque_entries_are_keras_layers_with_a_reason():
    for name, reason in OPAQUE.items():
        assert name in KERAS_LAYER_NAMES, name
        assert isinstance(reason, str) and len(reason) > 20, name
        message = opaque_message(name)
        assert message.startswith(f"{name} is a Keras layer shapedoctor treats as opaque: "), message
    assert opaque_message("Dense") is None


def test_aliases_point_at_rules():
    for name in KERAS_LAYER_NAMES:
        if name in ALIASES:
            assert ALIASES[name] in RULES, name


@pytest.mark.keras
def test_installed_keras_layers_are_all_covered():
    keras = pytest.importorskip("keras")
    names = sorted(n for n in dir(keras.layers)
                   if inspect.isclass(getattr(keras.layers, n)) and issubclass(getattr(keras.layers, n), keras.layers.Layer))
    classes = {getattr(keras.layers, n) for n in names}
    if keras.__version__ == KERAS:
        assert tuple(names) == KERAS_LAYER_NAMES, "keras.layers changed: update inventory.KERAS_LAYER_NAMES"
        assert len(classes) == 143
    assert [n for n in REMOVED_IN_KERAS_3 if hasattr(keras.layers, n)] == []
    missing = _uncovered(names)
    assert missing == [], (f"keras.layers (Keras {keras.__version__}) classes with neither a rule nor an entry "
                           f"in rules/inventory.py OPAQUE: {missing}")
    # a second name of a class points at the same rule as the class's own name
    for name in names:
        cls = getattr(keras.layers, name)
        if name != cls.__name__ and _has_rule(name) and cls.__name__ in RULES:
            assert canonical_type(name) == cls.__name__ or RULES[canonical_type(name)].fn is RULES[cls.__name__].fn, name


def test_a_keras_2_layer_keras_3_removed_says_so():
    import shapedoctor

    report = shapedoctor.check_source("import keras\nfrom keras import layers\n"
                                      "model = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.RandomHeight(0.2),"
                                      " layers.Flatten()])\n")
    (model,) = report.models
    assert [g.reason for g in model.gaps] == ["`RandomHeight`: a Keras 2 layer that Keras 3 removed (keras.layers has "
                                              "no RandomHeight: AttributeError)"]
    assert not set(REMOVED_IN_KERAS_3) & set(KERAS_LAYER_NAMES)


KERAS_2_SUBCLASS = """\
import keras
from keras.layers import Recurrent
from keras.layers.merge import _Merge


class AttentionLSTM(Recurrent):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[2], 8))


class WeightedAverage(_Merge):
    def _merge_function(self, inputs):
        return inputs[0]


class Deeper(AttentionLSTM):
    pass


inputs = keras.Input(shape=(10, 3))
model = keras.Model(inputs, keras.layers.Dense(2)(AttentionLSTM(8)(inputs)))
merged = keras.Model(inputs, WeightedAverage()([inputs, inputs]))
deeper = keras.Model(inputs, Deeper(8)(inputs))
"""


def test_a_subclass_of_a_keras_2_class_keras_3_removed_says_so():
    import shapedoctor

    report = shapedoctor.check_source(KERAS_2_SUBCLASS)
    assert [[g.reason for g in model.gaps][:1] for model in report.models] == [
        [f"`{name}` extends `{base}`, a Keras 2 class that Keras 3 removed (there is no keras.layers.{base}: the "
         f"import fails on Keras 3)"] for name, base in
        (("AttentionLSTM", "Recurrent"), ("WeightedAverage", "_Merge"), ("Deeper", "Recurrent"))]


@pytest.mark.keras
def test_keras_2_base_classes_are_gone_from_keras_3():
    keras = pytest.importorskip("keras")
    assert not hasattr(keras.layers, "Recurrent") and not hasattr(keras.layers, "_Merge")
    with pytest.raises(ImportError):
        exec("from keras.layers import Recurrent", {})
    with pytest.raises(ImportError):
        exec("from keras.layers.merge import _Merge", {})


def test_recorded_bases_are_recorded_layer_names():
    for name, bases in KERAS_LAYER_BASES.items():
        assert name in KERAS_LAYER_NAMES and bases and all(b in KERAS_LAYER_NAMES and b != "Layer" for b in bases)


@pytest.mark.keras
def test_recorded_bases_are_the_installed_keras_class_hierarchy():
    keras = pytest.importorskip("keras")
    classes = {n: getattr(keras.layers, n) for n in KERAS_LAYER_NAMES}
    found = {}
    for name, cls in classes.items():
        bases = tuple(sorted(m for m, other in classes.items()
                             if other is not cls and m != "Layer" and issubclass(cls, other)))
        if bases:
            found[name] = bases
    assert found == KERAS_LAYER_BASES
