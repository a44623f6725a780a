"""Shape rules of tensor operations (rules/ops.py) against Keras 3.15.

Every expected value in ``expected_ops.json`` was recorded from real Keras by
``tests/rules/record_ops.py`` (Keras 3.15, torch backend, CPU): each case calls the op as written
(``keras.ops.*``, ``keras.activations.*``, a Python operator, a subscript) on ``keras.KerasTensor``
inputs, or, for a ``tensorflow.*``/``keras.backend.*`` spelling, the ``keras.ops`` expression it stands
for, and stores the output shape(s) or the exception, plus the outcome of the same call on zero arrays
when every dimension is known.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_ops.py

The table test binds each call through ``resolve_op``/``OPERATORS`` as the source front-end does and
never imports Keras; the test marked ``keras`` re-runs every case live.
"""

from __future__ import annotations

import os

import pytest
from record_ops import apply_case, check_case, check_live, load_cases, node_of

CASES = load_cases()
IDS = [c["id"] for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_rule_matches_keras(case):
    check_case(case)


@pytest.mark.keras
def test_recording_is_current():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    pytest.importorskip("keras")
    from record_ops import all_cases

    fresh = {c["id"]: c for c in all_cases()}
    assert set(fresh) == set(IDS), "the case table changed: re-record expected_ops.json"
    for case in CASES:
        check_live(case)


@pytest.mark.keras
def test_params_follow_keras_signatures():
    """Every ``ops.X`` rule names its positional parameters in keras.ops' signature order (``ops.tf.X``, the
    TensorFlow-only functions, follow TensorFlow's: test_tf_ops.py)."""
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    import inspect

    from shapedoctor.rules import RULES

    for type_, rule_ in RULES.items():
        if not type_.startswith("ops.") or type_ == "ops.getitem" or type_.startswith("ops.tf."):
            continue
        fn = keras.ops
        for part in type_.split(".")[1:]:
            fn = getattr(fn, part)
        names = [p.name for p in inspect.signature(fn).parameters.values()
                 if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)]
        assert list(rule_.params) == names[:len(rule_.params)], type_


# Interface and engine semantics (not Keras facts).

def test_resolve_op_spellings():
    from shapedoctor.rules.ops import resolve_op

    assert resolve_op("keras.ops.reshape").op == "ops.reshape"
    assert resolve_op("keras.ops.numpy.reshape").op == "ops.reshape"
    assert resolve_op("keras.ops.nn.softmax").op == "ops.softmax"
    assert resolve_op("keras.ops.image.resize").op == "ops.image.resize"
    assert resolve_op("tensorflow.math.reduce_mean").bind(["T"], {"keepdims": True}) == {"x": "T", "keepdims": True}
    assert resolve_op("tensorflow.reshape").bind([], {"tensor": "T", "shape": (-1,)}) == {"x": "T",
                                                                                          "newshape": (-1,)}
    assert resolve_op("tensorflow.argmax").bind(["T"], {}) == {"x": "T", "axis": 0}
    assert resolve_op("keras.backend.concatenate").bind([["a", "b"]], {}) == {"xs": ["a", "b"], "axis": -1}
    assert resolve_op("tensorflow.einsum").bind(["ij->j", "T"], {}) == {"subscripts": "ij->j", "operands": ["T"],
                                                                        "tf_function": "einsum"}
    assert resolve_op("keras.ops.einsum").bind(["ij,jk", "A", "B"], {}) == {"subscripts": "ij,jk",
                                                                            "operands": ["A", "B"]}
    for name in ("keras.ops.shape", "keras.ops.ndim", "tensorflow.shape", "keras.layers.Dense", "numpy.reshape",
                 "tensorflow.keras.ops.add"):
        assert resolve_op(name) is None, name


def test_operators_are_rules():
    from shapedoctor.rules import RULES
    from shapedoctor.rules.ops import OPERATORS

    assert set(OPERATORS) >= {"Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "MatMult", "USub", "UAdd",
                              "Invert"}
    for type_ in OPERATORS.values():
        assert type_ in RULES


def test_unknown_arguments_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import RULES, LayerCall, Unresolved
    from shapedoctor.rules.base import TensorArg
    from shapedoctor.shapes import Symbol

    x = TensorArg(0)
    for type_, args in [("ops.reshape", {"x": x, "newshape": UNKNOWN}), ("ops.mean", {"x": x, "axis": UNKNOWN}),
                        ("ops.add", {"x1": x, "x2": UNKNOWN}), ("ops.getitem", {"x": x, "key": (UNKNOWN,)}),
                        ("ops.getitem", {"x": x, "key": TensorArg(1)}), ("ops.expand_dims", {"x": x}),
                        ("ops.concatenate", {"xs": x, "axis": 0}), ("ops.squeeze", {"x": x, "axis": Symbol("a")}),
                        ("ops.einsum", {"subscripts": UNKNOWN, "operands": [x]})]:
        with pytest.raises(Unresolved):
            RULES[type_].fn(LayerCall(type_, args), [(None, 4, 1), (3,)])


def test_symbolic_sizes_propagate():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import RULES, LayerCall
    from shapedoctor.rules.base import TensorArg
    from shapedoctor.shapes import Symbol

    n = Symbol("n_steps")
    x, y = TensorArg(0), TensorArg(1)

    def run(type_, args, *inputs):
        return RULES[type_].fn(LayerCall(type_, args), list(inputs))

    assert run("ops.reshape", {"x": x, "newshape": (-1, n, 4)}, (None, 40)) == (None, n, 4)
    assert run("ops.reshape", {"x": x, "newshape": (-1, 4)}, (2, n, 4)) == (None, 4)
    assert run("ops.reshape", {"x": x, "newshape": (n, UNKNOWN)}, (None, 40)) == (n, None)
    assert run("ops.add", {"x1": x, "x2": y}, (None, n, 8), (1, 8)) == (None, n, 8)
    assert run("ops.add", {"x1": x, "x2": y}, (None, n, 8), (5, 8)) == (None, 5, 8)
    assert run("ops.concatenate", {"xs": [x, y], "axis": 1}, (None, n), (None, 3))[1] == Symbol("n_steps + 3")
    assert run("ops.getitem", {"x": x, "key": (slice(None), slice(2, None))}, (None, n)) == (None, Symbol("n_steps - 2"))
    assert run("ops.getitem", {"x": x, "key": (slice(None), -1)}, (None, n, 4)) == (None, 4)
    assert run("ops.matmul", {"x1": x, "x2": y}, (None, n, 4), (4, 6)) == (None, n, 6)
    assert run("ops.one_hot", {"x": x, "num_classes": n}, (None, 5)) == (None, 5, n)


def test_image_and_signal_ops_on_symbolic_and_unfolded_sizes():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import RULES, LayerCall, Unresolved
    from shapedoctor.rules.base import TensorArg
    from shapedoctor.shapes import Symbol

    h, c, t = Symbol("h"), Symbol("c"), Symbol("t")
    x = TensorArg(0)

    def run(type_, args, *inputs):
        return RULES[type_].fn(LayerCall(type_, args), list(inputs))

    assert run("ops.depth_to_space", {"x": x, "block_size": 2}, (None, h, 8, c)) == (
        None, Symbol("h * 2"), 16, Symbol("c // 4"))
    assert run("ops.space_to_depth", {"x": x, "block_size": 2, "data_format": "channels_first"},
               (None, 3, h, 8)) == (None, 12, Symbol("h // 2"), 4)
    assert run("ops.image.crop_images", {"images": x, "top_cropping": 1, "bottom_cropping": 2, "left_cropping": 0,
                                         "target_width": 4}, (None, h, 8, 3)) == (None, Symbol("(h - 1) - 2"), 4, 3)
    assert run("ops.image.pad_images", {"images": x, "top_padding": 1, "bottom_padding": 1, "left_padding": 0,
                                        "target_width": 12}, (None, h, 8, 3)) == (None, Symbol("(1 + h) + 1"), 12, 3)
    assert run("ops.stft", {"x": x, "sequence_length": 16, "sequence_stride": 8, "fft_length": 16, "center": False},
               (None, t)) == [(None, Symbol("((t - 16) // 8) + 1"), 9)] * 2
    assert run("ops.tf.signal.stft", {"signals": x, "frame_length": 16, "frame_step": 8, "pad_end": True},
               (None, t)) == (None, Symbol("(t + 7) // 8"), 9)
    for type_, args in [("ops.depth_to_space", {"x": x, "block_size": UNKNOWN}),
                        ("ops.image.crop_images", {"images": x, "top_cropping": UNKNOWN, "left_cropping": 0,
                                                   "target_height": 2, "target_width": 2}),
                        ("ops.stft", {"x": x, "sequence_length": 16, "sequence_stride": UNKNOWN, "fft_length": 16}),
                        ("ops.tf.image.crop_and_resize", {"image": x, "boxes": TensorArg(1),
                                                          "box_indices": TensorArg(2), "crop_size": UNKNOWN})]:
        with pytest.raises(Unresolved):
            run(type_, args, (None, 8, 8, 4), (5, 4), (5,))


def test_messages_name_the_op_and_echo_the_shapes():
    from shapedoctor.rules import RULES, LayerCall, ShapeProblem
    from shapedoctor.rules.base import TensorArg

    with pytest.raises(ShapeProblem) as info:
        RULES["ops.add"].fn(LayerCall("ops.add", {"x1": TensorArg(0), "x2": TensorArg(1)}),
                            [(None, 4, 8), (4, 7)])
    assert info.value.message == "ops.add: shapes (None, 4, 8) and (4, 7) cannot be broadcast (8 vs 7)"
    assert info.value.kind.name == "incompatible-merge"


def test_every_case_binds():
    """Each recorded spelling resolves to a rule (a gap in resolve_op would otherwise skip silently)."""
    from shapedoctor.rules import RULES

    for case in CASES:
        type_, _ = node_of(case)
        assert type_ in RULES, case["id"]
    assert len(CASES) >= 500
    assert callable(apply_case)
