"""The tensor a name holds (``servers/variables.py``, the hover on a variable), without a server: assignments
followed through branches, loops, helpers, classes and methods, and checked against the engine's own record."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from shapedoctor.check import check_source
from shapedoctor.servers.variables import Variables

ROOT = Path(__file__).resolve().parents[2]


def variables(source: str) -> tuple[Variables, str]:
    text = textwrap.dedent(source)
    return Variables(text, check_source(text, "names.py").files[0]), text


def held(source: str, line_needle: str, name: str, nth: int = 0) -> list[tuple] | None:
    """(label, line, shape, output) of each tensor the ``nth`` ``name`` on the line holding ``line_needle`` may
    hold; None when the hover has nothing to say."""
    found, text = variables(source)
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line_needle in line)
    col = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", lines[number - 1])][nth]
    holding = found.at(number, col)
    if holding is None:
        return None
    return [(p.label, p.line, p.shape, p.output) for p in holding.produced] + [("untraced", n) for n in holding.untraced]


HELPERS = """
    import keras
    from keras import layers, ops

    def encoder_step(x, filters):
        c = layers.Conv1D(filters, 3, padding="same")(x)
        p = layers.MaxPooling1D(2)(c)
        return c, p

    def mlp(x, sizes):
        for units in sizes:
            x = layers.Dense(units)(x)
            x = layers.Dropout(0.1)(x)
        return x

    inputs = keras.Input(shape=(32, 4))
    s1, p1 = encoder_step(inputs, 8)
    s2, p2 = encoder_step(p1, 16)
    h = mlp(p2, [64, 12])
    h = mlp(h, [5])
    outputs = layers.Flatten()(h)
    model = keras.Model(inputs, outputs)
"""


def test_a_helper_returning_two_tensors_unpacks_per_call():
    assert held(HELPERS, "s1, p1 = encoder_step", "s1") == [("Conv1D", 6, "(None, 32, 8)", None)]
    assert held(HELPERS, "s2, p2 = encoder_step", "p2") == [("MaxPooling1D", 7, "(None, 8, 16)", None)]


def test_a_helper_with_a_loop_inside_returns_its_last_pass():
    alone = HELPERS.replace("h = mlp(h, [5])", "h = layers.Dense(5)(h)")
    assert held(alone, "h = mlp(p2, [64, 12])", "h") == [("Dropout", 13, "(None, 8, 12)", None)]
    assert held(HELPERS, "h = mlp(h, [5])", "h") == [("Dropout", 13, "(None, 8, 5)", None)]
    # fed to the next call of mlp: where this call's passes end is not known, so every pass is said
    assert held(HELPERS, "h = mlp(p2, [64, 12])", "h") == [("Dropout", 13, "(None, 8, 12)", None),
                                                            ("Dropout", 13, "(None, 8, 5)", None),
                                                            ("Dropout", 13, "(None, 8, 64)", None)]


def test_a_custom_layer_and_a_method_are_followed_into_their_call():
    source = """
        import keras
        from keras import layers, ops

        class Projection(layers.Layer):
            def __init__(self, units):
                super().__init__()
                self.units = units

            def call(self, x):
                return ops.tile(x, (1, 2))

        class Builder:
            def block(self, x):
                return layers.Dense(3)(x)

            def build(self):
                inputs = keras.Input(shape=(6,))
                x = self.block(inputs)
                x = Projection(4)(x)
                return keras.Model(inputs, x)

        model = Builder().build()
    """
    assert held(source, "x = self.block(inputs)", "x") == [("Dense", 15, "(None, 3)", None)]
    assert held(source, "x = Projection(4)(x)", "x") == [("Projection", 11, "(None, 6)", None)]
    assert held(source, "def block(self, x):", "x") == [("Input", 18, "(None, 6)", None)]  # from its call


def test_a_helper_whose_calls_take_different_returns_gives_each_its_own():
    source = """
        import keras
        from keras import layers

        def residual(x, out, strides=1):
            m = layers.Conv2D(out, 1, strides=strides, padding="same")(x)
            if x.shape[-1] == out and strides == 1:
                return layers.Add()([m, x])
            return m

        class Biased(layers.Dense):
            def call(self, x):
                y = super().call(x)
                if self.use_bias:
                    y = y * 2.0
                return y

        images = keras.Input(shape=(8, 8, 4))
        x = residual(images, 4)
        x = residual(x, 4, strides=2)
        y = layers.Flatten()(x)
        y = Biased(3)(y)
        model = keras.Model(images, y)
    """
    assert held(source, "x = residual(images, 4)", "x") == [("Add", 8, "(None, 8, 8, 4)", None)]
    assert held(source, "x = residual(x, 4, strides=2)", "x", 0) == [("Conv2D", 6, "(None, 4, 4, 4)", None)]
    assert held(source, "model = keras.Model", "y") == [("Biased", 15, "(None, 3)", None)]


def test_branches_loops_and_other_statements_keep_every_assignment_that_may_reach():
    source = """
        import keras
        from keras import layers

        inputs = keras.Input(shape=(10,))
        x = layers.Dense(4)(inputs)
        try:
            x = layers.Dense(5)(x)
        except ValueError:
            pass
        after_try = x
        y = x if inputs is None else inputs
        while True:
            z = layers.Dense(6)(x)
            break
        first, *rest = [x, y, z]
        picked = [x for x in (inputs,)]
        if (w := layers.Dense(7)(x)) is not None:
            del rest
        model = keras.Model(inputs, [x, y, w])
    """
    assert held(source, "after_try = x", "x") == [("Dense", 6, "(None, 4)", None), ("Dense", 8, "(None, 5)", None)]
    assert [p[0] for p in held(source, "y = x if", "y")] == ["Input", "Dense", "Dense"]
    assert held(source, "first, *rest", "first") == [("Dense", 6, "(None, 4)", None), ("Dense", 8, "(None, 5)", None)]
    assert held(source, "first, *rest", "rest") is None  # a starred target: not followed
    assert held(source, "picked = [x for x", "x") is None  # the comprehension's own x, not the x outside
    assert held(source, "keras.Model(inputs, [x, y, w])", "w") == [("Dense", 18, "(None, 7)", None)]


def test_names_no_trace_covers_have_nothing_to_say():
    source = """
        import keras
        from keras import layers
        import numpy as np

        size = 3
        data = np.zeros((8, size))
        inputs = keras.Input(shape=(size,))
        outputs = layers.Dense(1)(inputs)
    """
    assert held(source, "size = 3", "size") is None
    assert held(source, "data = np.zeros", "data") is None
    assert held(source, "data = np.zeros", "np") is None
    assert held("this is not python(", "this", "this") is None


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "constructs").glob("*.py"))
                         + sorted((ROOT / "examples").glob("*.py")), ids=lambda p: p.name)
def test_never_crashes_and_never_contradicts_the_engines_record(path):
    """Every name of every construct file is resolved; where a name is a traced layer call's input, the engine
    recorded which tensor it was, and the assignments followed here must include it."""
    text = path.read_text()
    found = Variables(text, check_source(text, str(path)).files[0])
    for line, col in list(found.walk.names):
        found.at(line, col)
    for position, recorded in found.walk.evidence.items():
        name = found.walk.names.get(position)
        assigned, _ = found._resolve(name.defs) if name is not None and name.defs else (set(), set())
        if assigned:
            assert {ref[:2] for ref in recorded} & {ref[:2] for ref in assigned}, (path.name, position)

