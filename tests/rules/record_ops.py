"""Record the Keras oracle for the tensor-operation rules (rules/ops.py): run every case in real Keras.

Run manually, with the venv that has Keras 3 (torch backend, CPU)::

    cd /work/main && KERAS_BACKEND=torch .venv/bin/python tests/rules/record_ops.py

A case is a call as a user writes it: a spelled name (``keras.ops.mean``, ``tensorflow.reduce_mean``,
``keras.backend.sum``, ``keras.activations.relu``), a Python operator (``op:Add``) or a subscript
(``getitem``), its positional and keyword arguments, and the shapes of the tensors it gets.  In the
arguments ``{"T": i}`` is the i-th tensor, ``{"C": shape}`` a numpy constant of that shape,
``{"slice": [start, stop, step]}`` a slice and ``{"E": 1}`` an Ellipsis.

Keras runs each case **symbolically** on ``keras.KerasTensor`` inputs (``compute_output_spec``, no
data) and, when every input dimension is known, once more on zero arrays (``runtime``: ``ok``, or how
the concrete call failed or disagreed).  ``keras.ops`` and ``keras.activations`` spellings are called
as written, so Keras itself binds the arguments.  TensorFlow is not installed: a ``tensorflow.*`` or
``keras.backend.*`` case carries ``via``, the ``keras.ops`` expression it stands for (written from the
TensorFlow / Keras 2 documentation), and that is what runs.

Writes ``tests/rules/expected_ops.json``; ``test_ops.py`` reads it and never imports Keras (except the
test marked ``keras``, which re-runs every case live).
"""

from __future__ import annotations

import json
import operator
import os
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected_ops.json"

N = None


def T(i: int = 0) -> dict:
    return {"T": i}


def Cst(*shape) -> dict:
    return {"C": list(shape)}


def S(start=None, stop=None, step=None) -> dict:
    return {"slice": [start, stop, step]}


E = {"E": 1}


def case(call: str, *args, inputs=(), via: str | None = None, dtypes=None, id: str = "", batch: int | None = None,
         **kwargs) -> dict:
    """``batch``: also run the call on zero arrays with an unknown first axis (the batch) of this size, as the first
    batch of a model would (otherwise the concrete call runs only when every input dimension is known)."""
    c = {"call": call, "args": list(args), "kwargs": kwargs, "inputs": [list(s) for s in inputs]}
    if dtypes:
        c["dtypes"] = list(dtypes)
    if via:
        c["via"] = via
    if batch is not None:
        c["batch"] = batch
    c["id"] = id or _auto_id(c) + (f"@batch{batch}" if batch is not None else "")
    return c


def _short(v) -> str:
    if isinstance(v, dict) and "T" in v:
        return f"T{v['T']}"
    if isinstance(v, dict) and "C" in v:
        return "C(" + ",".join(map(str, v["C"])) + ")"
    if isinstance(v, dict) and "slice" in v:
        return ":".join("" if p is None else str(p) for p in v["slice"])
    if isinstance(v, dict) and "E" in v:
        return "..."
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(_short(x) for x in v) + "]"
    return repr(v).replace(" ", "")


def _auto_id(c: dict) -> str:
    a = [_short(v) for v in c["args"]] + [f"{k}={_short(v)}" for k, v in c["kwargs"].items()]
    s = "+".join("(" + ",".join("N" if d is None else str(d) for d in shape) + ")" for shape in c["inputs"])
    return f"{c['call']}({','.join(a)}){s}"


# ----------------------------------------------------------------------------- cases

def k(name: str) -> str:
    return f"keras.ops.{name}"


def elementwise_cases() -> list[dict]:
    cases = []
    unary = ["abs", "negative", "exp", "log", "sqrt", "square", "sin", "tanh", "sign", "floor", "ceil", "round",
             "reciprocal", "logical_not", "isnan", "relu", "relu6", "sigmoid", "softplus", "softsign", "silu",
             "swish", "gelu", "elu", "selu", "leaky_relu", "hard_sigmoid", "hard_silu", "log_sigmoid", "celu",
             "tanh_shrink", "hard_tanh", "soft_shrink", "squareplus", "sparse_plus", "rsqrt", "erf", "expm1",
             "log1p", "copy", "zeros_like", "ones_like", "stop_gradient", "convert_to_tensor", "nan_to_num",
             "trunc", "conj", "real", "cbrt", "arctan", "deg2rad", "isfinite", "signbit", "tril", "triu"]
    for name in unary:
        cases.append(case(k(name), T(), inputs=[(N, 4, 8)]))
    for shape in [(N,), (3, 5), (N, N, 7), (2, 3, 4, 5), ()]:
        cases.append(case(k("relu"), T(), inputs=[shape]))
    cases += [
        case(k("cast"), T(), "int32", inputs=[(N, 4)]),
        case(k("cast"), T(), dtype="float16", inputs=[(2, 4)]),
        case(k("clip"), T(), 0.0, 1.0, inputs=[(N, 4, 3)]),
        case(k("full_like"), T(), 3.0, inputs=[(N, 4)]),
        case(k("threshold"), T(), 0.5, 0.0, inputs=[(N, 4)]),
        case(k("leaky_relu"), T(), negative_slope=0.1, inputs=[(2, 4)]),
        case(k("softmax"), T(), inputs=[(N, 10)]),
        case(k("softmax"), T(), axis=1, inputs=[(N, 5, 10)]),
        case(k("softmax"), T(), axis=3, inputs=[(N, 5, 10)]),
        case(k("softmax"), T(), axis=-3, inputs=[(N, 5, 10)]),
        case(k("softmax"), T(), axis=(1, 2), inputs=[(N, 5, 10)]),
        case(k("log_softmax"), T(), axis=-1, inputs=[(N, 10)]),
        case(k("log_softmax"), T(), axis=2, inputs=[(N, 10)]),
        case(k("normalize"), T(), inputs=[(N, 10)]),
        case(k("normalize"), T(), axis=1, order=1, inputs=[(4, 5, 10)]),
        case(k("normalize"), T(), axis=5, inputs=[(N, 10)]),
        case(k("sparsemax"), T(), inputs=[(N, 6)]),
        case(k("glu"), T(), inputs=[(N, 8)]),
        case(k("glu"), T(), axis=1, inputs=[(N, 6, 3)]),
        case(k("glu"), T(), inputs=[(N, 7)]),
        case(k("glu"), T(), inputs=[(N, N)]),
        case(k("flip"), T(), inputs=[(N, 3, 4)]),
        case(k("flip"), T(), axis=1, inputs=[(N, 3, 4)]),
        case(k("flip"), T(), axis=4, inputs=[(N, 3, 4)]),
        case(k("roll"), T(), 2, axis=1, inputs=[(N, 3, 4)]),
        case(k("roll"), T(), 2, inputs=[(2, 3, 4)]),
        case(k("digitize"), T(0), T(1), inputs=[(N, 4), (5,)]),
        case(k("digitize"), T(0), T(1), inputs=[(N, 4), (5, 2)]),
        case(k("layer_normalization"), T(), inputs=[(N, 4, 8)]),
        case(k("rms_normalization"), T(), inputs=[(N, 4, 8)]),
    ]
    binary = ["add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "mod", "power", "maximum",
              "minimum", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and",
              "logical_or", "logical_xor", "arctan2", "hypot", "logaddexp", "divide_no_nan", "fmod"]
    for name in binary:
        cases += [case(k(name), T(0), T(1), inputs=[(N, 4, 8), (8,)]),
                  case(k(name), T(0), T(1), inputs=[(N, 4, 8), (4, 7)])]
    pairs = [
        ((N, 4, 8), (N, 4, 8)), ((N, 4, 8), (4, 1)), ((N, 1, 8), (N, 5, 1)), ((N, 4, 8), ()), ((3,), (N, 3)),
        ((N, 4), (N, 5)), ((2, 4), (3, 4)), ((N, N, 8), (1, 7, 8)), ((N, 4, 8), (2, 4, 8)), ((1,), (N, 5)),
        ((5, 1, 3), (1, 4, 1)), ((2, 4, 8), (4, 7)), ((6,), (7,)), ((2, 3), (2, 3)), ((4, 1), (1, 4)),
    ]
    for a, b in pairs:
        cases.append(case(k("add"), T(0), T(1), inputs=[a, b]))
        cases.append(case(k("multiply"), T(0), T(1), inputs=[a, b]))
    # Different ranks, both batched: the shorter one's batch axis meets a data axis of the longer one.
    for a, b, batch in [((N, 3, 4), (N, 4), 2), ((N, 6, 2, 4), (N, 2, 4), 2), ((N, 2, 3), (N, 3), 3),
                        ((N, 1, 4), (N, 4), 2), ((N, 4), (N, 3, 4), 2), ((N, N, 4), (N, 4), 2), ((N, 3, 4), (4,), 2)]:
        cases.append(case(k("multiply"), T(0), T(1), inputs=[a, b], batch=batch))
    cases.append(case("op:Add", T(0), T(1), inputs=[(N, 3, 6), (N, 6)], batch=2))
    cases += [
        case(k("add"), T(), 1.0, inputs=[(N, 4)]),
        case(k("multiply"), 2, T(), inputs=[(N, 4)]),
        case(k("add"), T(), Cst(4), inputs=[(N, 3, 4)]),
        case(k("add"), T(), Cst(3), inputs=[(N, 3, 4)]),
        case(k("add"), T(), Cst(3, 1), inputs=[(N, 3, 4)]),
        case(k("subtract"), Cst(5, 4), T(), inputs=[(N, 5, 4)]),
        case(k("multiply"), T(), [1.0, 2.0, 3.0, 4.0], inputs=[(N, 4)]),
        case(k("multiply"), T(), [1.0, 2.0, 3.0], inputs=[(2, 4)]),
        case(k("where"), T(0), T(1), T(2), inputs=[(N, 4), (N, 4), (4,)]),
        case(k("where"), T(0), T(1), 0.0, inputs=[(N, 1), (N, 4)]),
        case(k("where"), T(0), T(1), T(2), inputs=[(N, 3), (N, 4), (N, 4)]),
        case(k("where"), T(0), T(1), T(2), inputs=[(2, 4), (3, 4), (1, 4)]),
        case(k("bitwise_and"), T(0), T(1), inputs=[(N, 4), (N, 4)], dtypes=["int32", "int32"]),
        case(k("left_shift"), T(0), T(1), inputs=[(2, 4), (2, 4)], dtypes=["int32", "int32"]),
    ]
    for name in ("relu", "softmax", "gelu", "elu", "selu", "sigmoid", "tanh", "swish", "silu", "softplus",
                 "hard_sigmoid", "exponential", "linear", "log_softmax", "leaky_relu", "relu6", "softsign"):
        cases.append(case(f"keras.activations.{name}", T(), inputs=[(N, 5, 6)]))
    cases += [
        case("keras.activations.relu", T(), max_value=6.0, inputs=[(N, 4)]),
        case("keras.activations.relu", T(), 0.1, 6.0, 0.5, inputs=[(N, 4)]),
        case("keras.activations.softmax", T(), axis=1, inputs=[(N, 3, 4)]),
        case("keras.activations.glu", T(), inputs=[(N, 3, 4)]),
        case("keras.activations.glu", T(), inputs=[(N, 3, 5)]),
        case("keras.activations.softmax", T(), inputs=[(N,)]),
    ]
    return cases


def reduction_cases() -> list[dict]:
    cases = []
    shape = (N, 4, 5)
    for name in ("mean", "sum", "max", "min", "prod", "std", "var", "any", "all", "logsumexp", "amax", "amin",
                 "median", "ptp", "nanmean", "nansum"):
        cases += [
            case(k(name), T(), inputs=[shape]),
            case(k(name), T(), axis=1, inputs=[shape]),
            case(k(name), T(), axis=-1, keepdims=True, inputs=[shape]),
            case(k(name), T(), axis=(1, 2), inputs=[shape]),
            case(k(name), T(), 0, True, inputs=[shape]),
            case(k(name), T(), axis=3, inputs=[shape]),
        ]
    for name in ("argmax", "argmin"):
        cases += [
            case(k(name), T(), inputs=[shape]),
            case(k(name), T(), axis=1, inputs=[shape]),
            case(k(name), T(), -1, True, inputs=[shape]),
            case(k(name), T(), axis=-4, inputs=[shape]),
        ]
    cases += [
        case(k("mean"), T(), axis=[0, 2], keepdims=True, inputs=[(2, 3, 4)]),
        case(k("mean"), T(), axis=None, keepdims=True, inputs=[(N, 3, 4)]),
    ]
    # A repeated axis (independent differential test, F2/M6): Keras' reduce_shape deletes it once per
    # mention (IndexError when that runs out of axes); torch then fails when it runs, except prod.
    for name in ("mean", "sum", "max", "min", "prod", "std", "var", "any", "all", "logsumexp", "median", "nanmean"):
        cases += [
            case(k(name), T(), axis=(1, 1), inputs=[(2, 6, 5)]),
            case(k(name), T(), axis=(1, 1), inputs=[(2, 6)]),
            case(k(name), T(), axis=(0, 0), inputs=[(6,)]),
            case(k(name), T(), axis=(1, -2), keepdims=True, inputs=[(2, 6, 5)]),
        ]
    cases += [
        case(k("count_nonzero"), T(), axis=(1, 1), inputs=[(2, 6, 5)]),
        case(k("norm"), T(), axis=(1, 1), inputs=[(2, 6, 5)]),
        case(k("moments"), T(), (1, 1), inputs=[(2, 6, 5)]),
        case(k("moments"), T(), (1, 1), inputs=[(2, 6)]),
        case(k("mean"), T(), axis=[1, 2], inputs=[(2, 6, 5)]),
        case(k("sum"), T(), axis=-2, inputs=[(N, N, 4)]),
        case(k("sum"), T(), axis=0, inputs=[()]),
        case(k("count_nonzero"), T(), inputs=[(N, 3, 4)]),
        case(k("count_nonzero"), T(), axis=1, inputs=[(N, 3, 4)]),
        case(k("count_nonzero"), T(), axis=(0, 1), inputs=[(2, 3, 4)]),
        case(k("quantile"), T(), 0.5, axis=1, inputs=[(N, 3, 4)]),
        case(k("quantile"), T(), [0.25, 0.75], axis=-1, inputs=[(N, 3, 4)]),
        case(k("quantile"), T(), [0.5], inputs=[(2, 3, 4)]),
        case(k("percentile"), T(), [50.0], axis=1, inputs=[(N, 3, 4)]),
        case(k("percentile"), T(), 50.0, axis=1, keepdims=True, inputs=[(N, 3, 4)]),
        case(k("norm"), T(), inputs=[(N, 3, 4)]),
        case(k("norm"), T(), axis=-1, inputs=[(N, 3, 4)]),
        case(k("norm"), T(), ord="fro", axis=(1, 2), inputs=[(N, 3, 4)]),
        case(k("norm"), T(), ord="fro", axis=1, inputs=[(N, 3, 4)]),
        case(k("norm"), T(), ord=3, axis=(1, 2), inputs=[(N, 3, 4)]),
        case(k("norm"), T(), axis=1, keepdims=True, inputs=[(N, 3, 4)]),
        case(k("moments"), T(), [0, 1], inputs=[(N, 3, 4)]),
        case(k("moments"), T(), [1], keepdims=True, inputs=[(N, 3, 4)]),
        case(k("average"), T(), inputs=[(N, 3, 4)]),
        case(k("average"), T(), axis=1, inputs=[(N, 3, 4)]),
        case(k("average"), T(0), axis=1, weights=T(1), inputs=[(2, 3, 4), (3,)]),
        case(k("average"), T(0), axis=1, weights=T(1), inputs=[(2, 3, 4), (5,)]),
        case(k("average"), T(0), weights=T(1), inputs=[(2, 3, 4), (2, 3, 4)]),
        case(k("average"), T(0), weights=T(1), inputs=[(2, 3, 4), (3, 4)]),
        case(k("cumsum"), T(), inputs=[(2, 3, 4)]),
        case(k("cumsum"), T(), inputs=[(N, 3, 4)]),
        case(k("cumsum"), T(), axis=1, inputs=[(N, 3, 4)]),
        case(k("cumsum"), T(), axis=3, inputs=[(N, 3, 4)]),
        case(k("cumprod"), T(), axis=-1, inputs=[(N, 3, 4)]),
        case(k("sort"), T(), inputs=[(N, 3, 4)]),
        case(k("sort"), T(), axis=None, inputs=[(2, 3, 4)]),
        case(k("sort"), T(), axis=0, inputs=[(N, 3, 4)]),
        case(k("argsort"), T(), axis=1, inputs=[(N, 3, 4)]),
        case(k("argsort"), T(), axis=5, inputs=[(N, 3, 4)]),
        case(k("top_k"), T(), 3, inputs=[(N, 10)]),
        case(k("top_k"), T(), k=2, inputs=[(N, 4, 10)]),
        case(k("top_k"), T(), 3, inputs=[(N, N)]),
        case(k("top_k"), T(), 12, inputs=[(2, 10)]),
    ]
    # TensorFlow and Keras 2 spellings, run through the keras.ops call they stand for.
    tf = "tensorflow."
    cases += [
        case(tf + "reduce_mean", T(), inputs=[(N, 4, 5)], via="ops.mean(T[0])"),
        case(tf + "reduce_mean", T(), axis=1, inputs=[(N, 4, 5)], via="ops.mean(T[0], axis=1)"),
        case(tf + "reduce_mean", T(), 1, True, inputs=[(N, 4, 5)], via="ops.mean(T[0], 1, True)"),
        case(tf + "math.reduce_mean", input_tensor=T(), axis=[1, 2], keepdims=True, inputs=[(N, 4, 5)],
             via="ops.mean(T[0], axis=[1, 2], keepdims=True)"),
        case(tf + "reduce_sum", T(), axis=-1, keep_dims=True, inputs=[(N, 4, 5)],
             via="ops.sum(T[0], axis=-1, keepdims=True)"),
        case(tf + "reduce_sum", T(), axis=3, inputs=[(N, 4, 5)], via="ops.sum(T[0], axis=3)"),
        case(tf + "reduce_max", T(), 1, inputs=[(N, 4, 5)], via="ops.max(T[0], 1)"),
        case(tf + "math.reduce_min", T(), inputs=[(N, 4, 5)], via="ops.min(T[0])"),
        case(tf + "reduce_prod", T(), axis=0, inputs=[(N, 4, 5)], via="ops.prod(T[0], axis=0)"),
        case(tf + "math.reduce_std", T(), axis=1, inputs=[(N, 4, 5)], via="ops.std(T[0], axis=1)"),
        case(tf + "math.reduce_variance", T(), axis=-1, inputs=[(N, 4, 5)], via="ops.var(T[0], axis=-1)"),
        case(tf + "reduce_any", T(), axis=1, inputs=[(N, 4, 5)], via="ops.any(T[0], axis=1)"),
        case(tf + "reduce_all", T(), inputs=[(N, 4, 5)], via="ops.all(T[0])"),
        case(tf + "reduce_logsumexp", T(), axis=-1, inputs=[(N, 4, 5)], via="ops.logsumexp(T[0], axis=-1)"),
        case(tf + "argmax", T(), inputs=[(N, 4, 5)], via="ops.argmax(T[0], axis=0)"),
        case(tf + "argmax", T(), axis=-1, inputs=[(N, 4, 5)], via="ops.argmax(T[0], axis=-1)"),
        case(tf + "math.argmin", T(), 1, inputs=[(N, 4, 5)], via="ops.argmin(T[0], 1)"),
        case(tf + "math.top_k", T(), k=3, inputs=[(N, 8)], via="ops.top_k(T[0], 3)"),
        case(tf + "nn.top_k", T(), inputs=[(N, 8)], via="ops.top_k(T[0], 1)"),
        case(tf + "cumsum", T(), inputs=[(N, 4, 5)], via="ops.cumsum(T[0], axis=0)"),
        case(tf + "math.cumsum", T(), axis=-1, inputs=[(N, 4, 5)], via="ops.cumsum(T[0], axis=-1)"),
        case(tf + "norm", T(), inputs=[(N, 4, 5)], via="ops.norm(T[0])"),
        case(tf + "norm", T(), axis=-1, inputs=[(N, 4, 5)], via="ops.norm(T[0], axis=-1)"),
        case(tf + "nn.moments", T(), axes=[0], inputs=[(N, 4, 5)], via="ops.moments(T[0], [0])"),
        case(tf + "nn.moments", T(), [0, 1], keepdims=True, inputs=[(N, 4, 5)],
             via="ops.moments(T[0], [0, 1], keepdims=True)"),
    ]
    kb = "keras.backend."
    cases += [
        case(kb + "sum", T(), inputs=[(N, 4, 5)], via="ops.sum(T[0])"),
        case(kb + "sum", T(), axis=1, keepdims=True, inputs=[(N, 4, 5)], via="ops.sum(T[0], axis=1, keepdims=True)"),
        case(kb + "mean", T(), -1, inputs=[(N, 4, 5)], via="ops.mean(T[0], -1)"),
        case(kb + "max", T(), 1, True, inputs=[(N, 4, 5)], via="ops.max(T[0], 1, True)"),
        case(kb + "std", T(), axis=1, inputs=[(N, 4, 5)], via="ops.std(T[0], axis=1)"),
        case(kb + "argmax", T(), inputs=[(N, 4, 5)], via="ops.argmax(T[0], axis=-1)"),
        case(kb + "argmin", T(), axis=1, inputs=[(N, 4, 5)], via="ops.argmin(T[0], axis=1)"),
        case(kb + "cumsum", T(), inputs=[(N, 4, 5)], via="ops.cumsum(T[0], axis=0)"),
        case(kb + "logsumexp", T(), axis=1, inputs=[(N, 4, 5)], via="ops.logsumexp(T[0], axis=1)"),
    ]
    return cases


def shape_cases() -> list[dict]:
    cases = []
    rs = k("reshape")
    for x, new in [((N, 784), (-1, 28, 28, 1)), ((N, 64), (-1, 8, 8)), ((N, 64), (-1, 8, 9)), ((2, 64), (2, 8, 8)),
                   ((2, 64), (2, 8, 9)), ((2, 64), (-1, 32)), ((2, 64), (-1, 30)), ((2, 64), (-1, -1)),
                   ((2, 64), (128,)), ((2, 64), (-2, 64)), ((2, 64), (0, 64)), ((N, N, 4), (-1, 4)),
                   ((N, 10, 4), (-1, 40)), ((4, 10, 4), (-1, 40)), ((4, 10, 4), (4, -1)), ((6,), (2, 3)),
                   ((6,), (2, 4)), ((2, 3), (6,)), ((2, 3), [3, 2]), ((2, 3), 6), ((2, 3), ()), ((1,), ()),
                   ((N, 12), (N, 3, 4)), ((2, 64), (-1, 0))]:
        cases.append(case(rs, T(), new, inputs=[x]))
    cases.append(case(rs, T(), newshape=(-1, 2), inputs=[(4, 4)]))
    tr = k("transpose")
    for x, axes in [((N, 3, 4), None), ((N, 3, 4), (0, 2, 1)), ((N, 3, 4), (2, 0, 1)), ((N, 3, 4), (0, 1)),
                    ((N, 3, 4), (0, 1, 1)), ((N, 3, 4), (0, 1, 3)), ((N, 3, 4), (0, -1, -2)), ((2, 3), None),
                    ((N, 3, 4, 5), [0, 3, 1, 2])]:
        cases.append(case(tr, T(), axes, inputs=[x]) if axes is not None else case(tr, T(), inputs=[x]))
    cases.append(case(tr, T(), axes=(1, 0), inputs=[(3, 4)]))
    ed = k("expand_dims")
    for x, axis in [((N, 4), -1), ((N, 4), 0), ((N, 4), 1), ((N, 4), 2), ((N, 4), 3), ((N, 4), -3), ((N, 4), -4),
                    ((N, 4), (1, 2)), ((N, 4), [0, -1]), ((), 0)]:
        cases.append(case(ed, T(), axis, inputs=[x]))
    sq = k("squeeze")
    for x, axis in [((N, 1, 4), 1), ((N, 4, 1), -1), ((N, 4, 1), None), ((1, 4, 1), None), ((N, 1, 1, 4), (1, 2)),
                    ((N, 4, 3), 1), ((N, 4, 3), -1), ((N, 1, 4), 3), ((N, N, 4), 1), ((N, 4), 0), ((2, 1), -1),
                    ((1,), 0)]:
        cases.append(case(sq, T(), axis, inputs=[x]) if axis is not None else case(sq, T(), inputs=[x]))
    cc = k("concatenate")
    for shapes, axis in [([(N, 4), (N, 6)], -1), ([(N, 4), (N, 6)], 1), ([(N, 4), (N, 6)], 0),
                         ([(N, 3, 4), (N, 3, 6), (N, 3, 1)], -1), ([(N, 3, 4), (N, 5, 4)], 1),
                         ([(N, 3, 4), (N, 5, 6)], -1), ([(N, 3, 4), (N, N, 6)], -1), ([(N, N, 4), (N, 3, 6)], 1),
                         ([(N, 3, 4), (N, 3, 4, 1)], -1), ([(2, 3), (3, 3)], 0), ([(2, 3), (3, 4)], 0),
                         ([(N, 4), (N, 6)], 2), ([(N, 4), (N, 6)], -3), ([(N, 4)], -1), ([(N, 3, 4), (2, 3, 4)], 0),
                         ([(N, 3, 4), (2, 3, 4)], 1)]:
        cases.append(case(cc, [T(i) for i in range(len(shapes))], axis, inputs=shapes))
    cases += [
        case(cc, [T(0), T(1)], inputs=[(N, 4), (N, 4)]),
        case(cc, [T(0), Cst(1, 4)], axis=0, inputs=[(N, 4)]),
        case(cc, [T(0), Cst(3, 5)], axis=-1, inputs=[(N, 3, 4)]),
        case(cc, xs=[T(0), T(1)], axis=1, inputs=[(N, 2), (N, 3)]),
    ]
    st = k("stack")
    for shapes, axis in [([(N, 4), (N, 4)], 0), ([(N, 4), (N, 4)], 1), ([(N, 4), (N, 4), (N, 4)], -1),
                         ([(N, 4), (N, 5)], 1), ([(N, 4), (N, N)], 1), ([(N, 4), (N, 4)], 3), ([(N, 4), (N, 4)], -3),
                         ([(N, 4), (N, 4, 1)], 0), ([(2, 4), (3, 4)], 0)]:
        cases.append(case(st, [T(i) for i in range(len(shapes))], axis, inputs=shapes))
    sp = k("split")
    for x, sec, axis in [((N, 8), 2, -1), ((N, 8), 4, 1), ((N, 8), 3, 1), ((N, 8), [2, 5], 1), ((N, 8), [2], -1),
                         ((N, N), 2, 1), ((N, 8), 2, 0), ((4, 8), 2, 0), ((4, 8), [1, 3], 0), ((N, 8), 2, 2),
                         ((N, 6, 3), 3, 1), ((N, 8), [], 1)]:
        cases.append(case(sp, T(), sec, axis, inputs=[x]))
    cases += [
        case(k("array_split"), T(), 3, axis=1, inputs=[(N, 8)]),
        case(k("array_split"), T(), 3, axis=1, inputs=[(N, N)]),
        case(k("unstack"), T(), inputs=[(3, 4)]),
        case(k("unstack"), T(), axis=1, inputs=[(N, 3, 4)]),
        case(k("unstack"), T(), axis=-1, inputs=[(N, 3, 4)]),
        case(k("unstack"), T(), num=2, axis=1, inputs=[(N, N, 4)]),
        case(k("unstack"), T(), axis=1, inputs=[(N, N, 4)]),
        case(k("unstack"), T(), axis=0, inputs=[(N, 3, 4)]),
        case(k("unstack"), T(), axis=3, inputs=[(N, 3, 4)]),
    ]
    tl = k("tile")
    for x, reps in [((N, 4), (1, 3)), ((N, 4), 2), ((N, 4), (2, 1, 3)), ((2, 4), (3, 2)), ((N, 3, 4), (1, 2)),
                    ((N, N, 4), (1, 2, 3)), ((4,), (2, 2)),
                    # negative reps (independent differential test, M4)
                    ((N, 6), (1, -1)), ((N, 6), -2), ((N, 6), (-1, 2)), ((2, 6), (-1, 1)), ((N, 6), (1, 0))]:
        cases.append(case(tl, T(), reps, inputs=[x]))
    rp = k("repeat")
    for x, reps, axis in [((N, 4), 3, 1), ((N, 4), 2, 0), ((2, 4), 3, None), ((N, 4), 3, None),
                          ((N, 3), [1, 2, 3], 1), ((N, 3), [1, 2], 1), ((2, 3), [1, 1, 1, 1, 1, 1], None),
                          ((2, 3), [1, 2], None), ((N, N), 2, 1), ((N, 4), 2, 2)]:
        cases.append(case(rp, T(), reps, axis, inputs=[x]))
    bt = k("broadcast_to")
    for x, shape in [((4,), (3, 4)), ((1, 4), (5, 4)), ((3,), (3, 4)), ((N, 1), (2, 5)), ((2, 4), (2, 4)),
                     ((2, 4), (3, 2, 4)), ((3, 4), (4,)), ((1,), 5)]:
        cases.append(case(bt, T(), shape, inputs=[x]))
    cases += [case(k("ravel"), T(), inputs=[(2, 3, 4)]), case(k("ravel"), T(), inputs=[(N, 3, 4)]),
              case(k("ravel"), T(), inputs=[()])]
    cases += [
        case(k("swapaxes"), T(), 1, 2, inputs=[(N, 3, 4)]),
        case(k("swapaxes"), T(), 0, -1, inputs=[(N, 3, 4)]),
        case(k("swapaxes"), T(), 0, 3, inputs=[(N, 3, 4)]),
        case(k("moveaxis"), T(), 1, -1, inputs=[(N, 3, 4, 5)]),
        case(k("moveaxis"), T(), [0, 1], [-1, -2], inputs=[(2, 3, 4, 5)]),
        case(k("moveaxis"), T(), [0, 1], [2], inputs=[(2, 3, 4)]),
        case(k("moveaxis"), T(), 4, 0, inputs=[(2, 3, 4)]),
        case(k("pad"), T(), 1, inputs=[(N, 3, 4)]),
        case(k("pad"), T(), [[0, 0], [1, 2], [3, 4]], inputs=[(N, 3, 4)]),
        case(k("pad"), T(), [[0, 0], [1, 2]], inputs=[(N, 3, 4)]),
        case(k("pad"), T(), [1, 2], inputs=[(2, 3)]),
        case(k("pad"), T(), [[0, 0], [2, 2], [0, 0]], mode="reflect", inputs=[(2, 5, 4)]),
        case(k("pad"), T(), [[1], [2], [3]], inputs=[(2, 5, 4)]),
        case(k("diff"), T(), inputs=[(N, 5)]),
        case(k("diff"), T(), 2, axis=1, inputs=[(N, 5, 3)]),
        case(k("diff"), T(), 9, inputs=[(N, 5)]),
        case(k("append"), T(0), T(1), axis=1, inputs=[(N, 3), (N, 4)]),
        case(k("append"), T(0), T(1), inputs=[(2, 3), (4,)]),
        case(k("append"), T(0), T(1), axis=1, inputs=[(2, 3), (3, 4)]),
        case(k("hstack"), [T(0), T(1)], inputs=[(N, 3), (N, 4)]),
        case(k("vstack"), [T(0), T(1)], inputs=[(2, 3), (4, 3)]),
        case(k("vstack"), [T(0), T(1)], inputs=[(2, 3), (4, 5)]),
        case(k("one_hot"), T(), 10, inputs=[(N,)], dtypes=["int32"]),
        case(k("one_hot"), T(), 10, inputs=[(N, 5)], dtypes=["int32"]),
        case(k("one_hot"), T(), 10, axis=1, inputs=[(N, 5)], dtypes=["int32"]),
        case(k("one_hot"), T(), 10, axis=0, inputs=[(2, 5)], dtypes=["int32"]),
        case(k("one_hot"), T(), 10, axis=2, inputs=[(N, 5)], dtypes=["int32"]),
        case(k("one_hot"), T(), 10, axis=-2, inputs=[(N, 5)], dtypes=["int32"]),
        case(k("multi_hot"), T(), 10, inputs=[(N, 5)], dtypes=["int32"]),
        case(k("multi_hot"), T(), 10, inputs=[(3, 4, 5)], dtypes=["int32"]),
        case(k("image.resize"), T(), (64, 64), inputs=[(N, 32, 32, 3)]),
        case(k("image.resize"), T(), (10, 20), inputs=[(32, 32, 3)]),
        case(k("image.resize"), T(), [64, 48], data_format="channels_first", inputs=[(N, 3, 32, 32)]),
        case(k("image.resize"), T(), (64, 64), inputs=[(N, 32, 3)]),
        case(k("image.resize"), T(), (64, 64), inputs=[(N, N, N, 3)]),
        case(k("image.resize"), T(), (64, 64), interpolation="nearest", inputs=[(2, 8, 8, 3)]),
        case(k("image.extract_patches"), T(), 4, inputs=[(N, 32, 32, 3)]),
        case(k("image.extract_patches"), T(), 5, strides=3, padding="same", inputs=[(N, 33, 31, 3)]),
        case(k("image.extract_patches"), T(), (4, 2), strides=(2, 3), inputs=[(N, 33, 31, 3)]),
        case(k("image.extract_patches"), T(), 4, inputs=[(32, 32, 3)]),
        case(k("image.extract_patches"), T(), 4, inputs=[(N, N, N, 3)]),
        case(k("image.extract_patches"), T(), 8, inputs=[(N, 4, 4, 3)]),
        case("tensorflow.image.extract_patches", T(), sizes=[1, 4, 4, 1], strides=[1, 4, 4, 1], rates=[1, 1, 1, 1],
             padding="VALID", inputs=[(N, 32, 32, 3)], via="ops.image.extract_patches(T[0], (4, 4), (4, 4), 1, 'valid')"),
        case(k("fft2"), (T(0), T(1)), inputs=[(N, 8, 16), (N, 8, 16)], via="ops.fft2((T[0], T[1]))"),
        case(k("fft"), (T(0), T(1)), inputs=[(N, 8, 16), (N, 8, 16)], via="ops.fft((T[0], T[1]))"),
        case(k("ifft2"), (T(0), T(1)), inputs=[(N, 8, 16), (N, 8, 16)], via="ops.ifft2((T[0], T[1]))"),
        case("tensorflow.signal.fft2d", T(), inputs=[(N, 8, 16)], via="ops.copy(T[0])"),
        case("tensorflow.experimental.numpy.maximum", T(0), T(1), inputs=[(N, 8, 16), (16,)],
             via="ops.maximum(T[0], T[1])"),
        case(k("trace"), T(), inputs=[(3, 3)]),
        case(k("trace"), T(), axis1=1, axis2=2, inputs=[(N, 3, 3)]),
        case(k("diagonal"), T(), inputs=[(3, 4)]),
        case(k("diagonal"), T(), 1, inputs=[(3, 4)]),
        case(k("diagonal"), T(), -2, 1, 2, inputs=[(N, 3, 4)]),
        case(k("diagonal"), T(), inputs=[(N, N)]),
        case(k("slice"), T(), (0, 1), (2, 3), inputs=[(4, 5)]),
        case(k("slice"), T(), (0, 1, 0), (2, 3, -1), inputs=[(4, 5, 6)]),
        case(k("slice"), T(), (0, 1), (2, 3, 1), inputs=[(4, 5)]),
        case(k("slice"), T(), (0, 1), (-1, 3), inputs=[(N, 5)]),
        case(k("take"), T(0), T(1), axis=1, inputs=[(N, 10, 4), (3,)], dtypes=["float32", "int32"]),
        case(k("take"), T(0), T(1), axis=0, inputs=[(10, 4), (N, 3)], dtypes=["float32", "int32"]),
        case(k("take"), T(0), T(1), inputs=[(10, 4), (2, 3)], dtypes=["float32", "int32"]),
        case(k("take"), T(0), [0, 2], axis=-1, inputs=[(N, 10, 4)]),
        case(k("take"), T(0), 1, axis=1, inputs=[(N, 10, 4)]),
        case(k("take"), T(0), T(1), axis=3, inputs=[(N, 10, 4), (3,)], dtypes=["float32", "int32"]),
        case(k("take_along_axis"), T(0), T(1), axis=1, inputs=[(N, 10, 4), (N, 3, 4)], dtypes=["float32", "int32"]),
        case(k("take_along_axis"), T(0), T(1), axis=-1, inputs=[(2, 10, 4), (2, 10, 1)],
             dtypes=["float32", "int32"]),
        case(k("take_along_axis"), T(0), T(1), axis=1, inputs=[(2, 10, 4), (2, 3)], dtypes=["float32", "int32"]),
        case(k("take_along_axis"), T(0), T(1), axis=1, inputs=[(2, 10, 4), (3, 3, 4)],
             dtypes=["float32", "int32"]),
    ]
    tf = "tensorflow."
    cases += [
        case(tf + "reshape", T(), (-1, 8, 8), inputs=[(N, 64)], via="ops.reshape(T[0], (-1, 8, 8))"),
        case(tf + "reshape", T(), shape=[-1, 7, 8], inputs=[(N, 64)], via="ops.reshape(T[0], [-1, 7, 8])"),
        case(tf + "reshape", tensor=T(), shape=(2, 32), inputs=[(2, 32)], via="ops.reshape(T[0], (2, 32))"),
        case(tf + "reshape", T(), (2, 30), inputs=[(2, 32)], via="ops.reshape(T[0], (2, 30))"),
        case(tf + "transpose", T(), inputs=[(N, 3, 4)], via="ops.transpose(T[0])"),
        case(tf + "transpose", T(), perm=[0, 2, 1], inputs=[(N, 3, 4)], via="ops.transpose(T[0], [0, 2, 1])"),
        case(tf + "transpose", T(), [1, 0], inputs=[(N, 3, 4)], via="ops.transpose(T[0], [1, 0])"),
        case(tf + "expand_dims", T(), -1, inputs=[(N, 4)], via="ops.expand_dims(T[0], -1)"),
        case(tf + "expand_dims", T(), axis=1, inputs=[(N, 4)], via="ops.expand_dims(T[0], 1)"),
        case(tf + "expand_dims", T(), 5, inputs=[(N, 4)], via="ops.expand_dims(T[0], 5)"),
        case(tf + "squeeze", T(), inputs=[(N, 1, 4, 1)], via="ops.squeeze(T[0])"),
        case(tf + "squeeze", T(), axis=[1], inputs=[(N, 1, 4, 1)], via="ops.squeeze(T[0], [1])"),
        case(tf + "squeeze", T(), 2, inputs=[(N, 1, 4, 1)], via="ops.squeeze(T[0], 2)"),
        case(tf + "concat", [T(0), T(1)], -1, inputs=[(N, 4), (N, 6)], via="ops.concatenate([T[0], T[1]], -1)"),
        case(tf + "concat", [T(0), T(1)], axis=1, inputs=[(N, 3, 4), (N, 5, 6)],
             via="ops.concatenate([T[0], T[1]], axis=1)"),
        case(tf + "concat", values=[T(0), T(1)], axis=0, inputs=[(2, 4), (3, 4)],
             via="ops.concatenate([T[0], T[1]], axis=0)"),
        case(tf + "stack", [T(0), T(1)], axis=1, inputs=[(N, 4), (N, 4)], via="ops.stack([T[0], T[1]], axis=1)"),
        case(tf + "stack", [T(0), T(1)], inputs=[(N, 4), (N, 5)], via="ops.stack([T[0], T[1]])"),
        case(tf + "unstack", T(), axis=1, inputs=[(N, 3, 4)], via="ops.unstack(T[0], axis=1)"),
        case(tf + "split", T(), 2, axis=1, inputs=[(N, 8)], via="ops.split(T[0], 2, axis=1)"),
        case(tf + "split", T(), [2, 6], 1, inputs=[(N, 8)], via="ops.split(T[0], [2], 1)"),
        case(tf + "split", T(), [2, -1, 1], axis=1, inputs=[(N, 8)], via="ops.split(T[0], [2, 7], axis=1)"),
        case(tf + "split", T(), 3, axis=-1, inputs=[(N, 8)], via="ops.split(T[0], 3, axis=-1)"),
        case(tf + "split", T(), [2, 5, 1], axis=1, inputs=[(2, 8)], via="ops.split(T[0], [2, 7], axis=1)"),
        case(tf + "tile", T(), [1, 3], inputs=[(N, 4)], via="ops.tile(T[0], [1, 3])"),
        case(tf + "tile", T(), multiples=[2, 1, 3], inputs=[(N, 2, 4)], via="ops.tile(T[0], [2, 1, 3])"),
        case(tf + "repeat", T(), 3, axis=1, inputs=[(N, 4)], via="ops.repeat(T[0], 3, axis=1)"),
        case(tf + "broadcast_to", T(), [3, 4], inputs=[(1, 4)], via="ops.broadcast_to(T[0], [3, 4])"),
        case(tf + "gather", T(0), T(1), inputs=[(10, 4), (3,)], dtypes=["float32", "int32"],
             via="ops.take(T[0], T[1], axis=0)"),
        case(tf + "gather", T(0), T(1), axis=1, inputs=[(N, 10, 4), (2, 3)], dtypes=["float32", "int32"],
             via="ops.take(T[0], T[1], axis=1)"),
        case(tf + "one_hot", T(), 10, inputs=[(N, 5)], dtypes=["int32"], via="ops.one_hot(T[0], 10)"),
        case(tf + "one_hot", T(), depth=4, axis=1, inputs=[(N, 5)], dtypes=["int32"],
             via="ops.one_hot(T[0], 4, axis=1)"),
        case(tf + "pad", T(), [[0, 0], [1, 1], [2, 2]], inputs=[(N, 3, 4)],
             via="ops.pad(T[0], [[0, 0], [1, 1], [2, 2]])"),
        case(tf + "pad", T(), paddings=[[0, 0], [1, 1]], inputs=[(N, 3, 4)], via="ops.pad(T[0], [[0, 0], [1, 1]])"),
        case(tf + "image.resize", T(), [64, 64], inputs=[(N, 32, 32, 3)], via="ops.image.resize(T[0], [64, 64])"),
        case(tf + "image.resize", T(), (20, 10), method="nearest", inputs=[(N, 32, 32, 3)],
             via="ops.image.resize(T[0], (20, 10), interpolation='nearest')"),
        case(tf + "cast", T(), "int32", inputs=[(N, 4)], via="ops.cast(T[0], 'int32')"),
        case(tf + "identity", T(), inputs=[(N, 4)], via="ops.convert_to_tensor(T[0])"),
        case(tf + "stop_gradient", T(), inputs=[(N, 4)], via="ops.stop_gradient(T[0])"),
        case(tf + "clip_by_value", T(), 0.0, 1.0, inputs=[(N, 4)], via="ops.clip(T[0], 0.0, 1.0)"),
        case(tf + "where", T(0), T(1), T(2), inputs=[(N, 4), (N, 4), (N, 4)], via="ops.where(T[0], T[1], T[2])"),
        case(tf + "where", T(0), x=T(1), y=T(2), inputs=[(N, 4), (N, 5), (N, 5)],
             via="ops.where(T[0], T[1], T[2])"),
        case(tf + "linalg.trace", T(), inputs=[(N, 3, 3)], via="ops.trace(T[0], axis1=-2, axis2=-1)"),
        case(tf + "sort", T(), inputs=[(N, 3, 4)], via="ops.sort(T[0])"),
        case(tf + "reverse", T(), [1], inputs=[(N, 3, 4)], via="ops.flip(T[0], [1])"),
        case(tf + "roll", T(), 1, axis=1, inputs=[(N, 3, 4)], via="ops.roll(T[0], 1, axis=1)"),
        case(tf + "zeros_like", T(), inputs=[(N, 3, 4)], via="ops.zeros_like(T[0])"),
    ]
    kb = "keras.backend."
    cases += [
        case(kb + "concatenate", [T(0), T(1)], inputs=[(N, 4), (N, 6)], via="ops.concatenate([T[0], T[1]], axis=-1)"),
        case(kb + "concatenate", [T(0), T(1)], inputs=[(N, 4, 2), (N, 6, 2)],
             via="ops.concatenate([T[0], T[1]], axis=-1)"),
        case(kb + "concatenate", [T(0), T(1)], axis=1, inputs=[(N, 4, 2), (N, 6, 2)],
             via="ops.concatenate([T[0], T[1]], axis=1)"),
        case(kb + "expand_dims", T(), inputs=[(N, 4)], via="ops.expand_dims(T[0], -1)"),
        case(kb + "expand_dims", T(), 1, inputs=[(N, 4)], via="ops.expand_dims(T[0], 1)"),
        case(kb + "squeeze", T(), -1, inputs=[(N, 4, 1)], via="ops.squeeze(T[0], -1)"),
        case(kb + "squeeze", T(), 1, inputs=[(N, 4, 1)], via="ops.squeeze(T[0], 1)"),
        case(kb + "reshape", T(), (-1, 2, 2), inputs=[(N, 4)], via="ops.reshape(T[0], (-1, 2, 2))"),
        case(kb + "permute_dimensions", T(), (0, 2, 1), inputs=[(N, 3, 4)], via="ops.transpose(T[0], (0, 2, 1))"),
        case(kb + "transpose", T(), inputs=[(3, 4)], via="ops.transpose(T[0])"),
        case(kb + "flatten", T(), inputs=[(2, 3, 4)], via="ops.ravel(T[0])"),
        case(kb + "stack", [T(0), T(1)], axis=1, inputs=[(N, 4), (N, 4)], via="ops.stack([T[0], T[1]], axis=1)"),
        case(kb + "tile", T(), (1, 3), inputs=[(N, 4)], via="ops.tile(T[0], (1, 3))"),
        case(kb + "repeat_elements", T(), 2, 1, inputs=[(N, 4)], via="ops.repeat(T[0], 2, 1)"),
        case(kb + "dot", T(0), T(1), inputs=[(N, 4), (4, 5)], via="ops.dot(T[0], T[1])"),
        case(kb + "dot", T(0), T(1), inputs=[(N, 3, 4), (4, 5)], via="ops.dot(T[0], T[1])"),
        case(kb + "gather", T(0), T(1), inputs=[(10, 4), (N, 3)], dtypes=["float32", "int32"],
             via="ops.take(T[0], T[1], axis=0)"),
        case(kb + "one_hot", T(), 7, inputs=[(N, 5)], dtypes=["int32"], via="ops.one_hot(T[0], 7)"),
        case(kb + "l2_normalize", T(), axis=-1, inputs=[(N, 5)], via="ops.normalize(T[0], axis=-1)"),
        case(kb + "softmax", T(), inputs=[(N, 5)], via="ops.softmax(T[0])"),
        case(kb + "pow", T(), 2, inputs=[(N, 5)], via="ops.power(T[0], 2)"),
        case(kb + "maximum", T(0), T(1), inputs=[(N, 5), (N, 4)], via="ops.maximum(T[0], T[1])"),
        case(kb + "clip", T(), 0.0, 1.0, inputs=[(N, 5)], via="ops.clip(T[0], 0.0, 1.0)"),
        case(kb + "cast", T(), "float16", inputs=[(N, 5)], via="ops.cast(T[0], 'float16')"),
    ]
    for tf_name, op in (("add", "add"), ("subtract", "subtract"), ("multiply", "multiply"), ("math.divide", "divide"),
                        ("maximum", "maximum"), ("math.minimum", "minimum"), ("math.pow", "power"),
                        ("equal", "equal"), ("greater", "greater"), ("math.logical_and", "logical_and"),
                        ("math.squared_difference", "subtract"), ("math.floordiv", "floor_divide"),
                        ("math.divide_no_nan", "divide_no_nan")):
        cases += [case(tf + tf_name, T(0), T(1), inputs=[(N, 4, 8), (8,)], via=f"ops.{op}(T[0], T[1])"),
                  case(tf + tf_name, T(0), T(1), inputs=[(N, 4, 8), (4, 7)], via=f"ops.{op}(T[0], T[1])")]
    cases += [case(tf + "nn.bias_add", T(0), T(1), inputs=[(N, 4, 8), (8,)], via="ops.add(T[0], T[1])"),
              case(tf + "nn.bias_add", T(0), T(1), inputs=[(N, 4, 8), (4,)], via="ops.add(T[0], T[1])")]
    for tf_name, op in (("nn.relu", "relu"), ("nn.softmax", "softmax"), ("nn.sigmoid", "sigmoid"),
                        ("math.sigmoid", "sigmoid"), ("nn.gelu", "gelu"), ("nn.leaky_relu", "leaky_relu"),
                        ("math.exp", "exp"), ("math.log", "log"), ("sqrt", "sqrt"), ("math.abs", "abs"),
                        ("nn.tanh", "tanh"), ("math.tanh", "tanh"), ("nn.elu", "elu"), ("nn.selu", "selu"),
                        ("nn.swish", "silu"), ("nn.log_softmax", "log_softmax"), ("nn.l2_normalize", "normalize"),
                        ("math.l2_normalize", "normalize"), ("nn.dropout", "copy"), ("math.square", "square"),
                        ("negative", "negative"), ("math.rsqrt", "rsqrt"), ("math.is_nan", "isnan")):
        cases.append(case(tf + tf_name, T(), inputs=[(N, 5, 6)], via=f"ops.{op}(T[0])"))
    cases += [case(tf + "nn.softmax", T(), axis=1, inputs=[(N, 5, 6)], via="ops.softmax(T[0], axis=1)"),
              case(tf + "nn.softmax", logits=T(), inputs=[(N, 5, 6)], via="ops.softmax(T[0])"),
              case(tf + "nn.l2_normalize", T(), axis=1, inputs=[(N, 5, 6)], via="ops.normalize(T[0], axis=1)")]
    return cases


def product_cases() -> list[dict]:
    cases = []
    mm = k("matmul")
    for a, b in [((N, 3, 4), (4, 5)), ((N, 3, 4), (N, 4, 5)), ((N, 3, 4), (5, 6)), ((N, 3, 4), (N, 5, 6)),
                 ((4,), (4,)), ((4,), (4, 5)), ((3, 4), (4,)), ((N, 3, 4), (4,)), ((N, 3, 4), (5,)),
                 ((2, 1, 3, 4), (5, 4, 6)), ((2, 3, 4), (5, 4, 6)), ((N, N), (N, 5)), ((N, 8), (8, 2)),
                 ((N, 8), (7, 2)), ((2, 3), (3, 2)), ((N, 2, 3, 4), (N, 2, 4, 5)), ((N, 4), (N, 4, 5)),
                 ((6,), (5,))]:
        cases.append(case(mm, T(0), T(1), inputs=[a, b]))
    cases += [case(mm, T(0), Cst(4, 5), inputs=[(N, 3, 4)]), case(mm, T(0), Cst(3, 5), inputs=[(N, 3, 4)])]
    dt = k("dot")
    for a, b in [((N, 4), (4, 5)), ((N, 3, 4), (4, 5)), ((N, 3, 4), (2, 4, 5)), ((N, 4), (5, 6)), ((4,), (4,)),
                 ((N, 4), (4,)), ((N, 4), (5,)), ((N, 4), ()), ((3,), (4,))]:
        cases.append(case(dt, T(0), T(1), inputs=[a, b]))
    td = k("tensordot")
    for a, b, axes in [((N, 3, 4), (3, 4, 5), 2), ((N, 3, 4), (4, 5), 1), ((N, 3, 4), (4, 5), 0),
                       ((N, 3, 4), (3, 5), [[1], [0]]), ((N, 3, 4), (4, 3, 5), [[1, 2], [1, 0]]),
                       ((N, 3, 4), (5, 5), [[1], [0]]), ((2, 3, 4), (5, 6), 1), ((N, 3, 4), (4, 5), [2, 0])]:
        cases.append(case(td, T(0), T(1), axes, inputs=[a, b]))
    es = k("einsum")
    for eq, shapes in [("ij,jk->ik", [(2, 3), (3, 4)]), ("bij,bjk->bik", [(N, 3, 4), (N, 4, 5)]),
                       ("bij,jk->bik", [(N, 3, 4), (4, 5)]), ("ij,jk", [(2, 3), (3, 4)]), ("ii->i", [(3, 3)]),
                       ("ij->ji", [(2, 3)]), ("...ij,...jk->...ik", [(N, 2, 3, 4), (N, 2, 4, 5)]),
                       ("bi,bi->b", [(N, 4), (N, 4)]), ("i,j->ij", [(3,), (4,)]), ("ij,jk->ik", [(2, 3), (4, 5)]),
                       ("ij,jk->ik", [(2, 3, 1), (3, 4)]), ("btd,dh->bth", [(N, 10, 8), (8, 16)]),
                       ("bhqd,bhkd->bhqk", [(N, 4, 10, 8), (N, 4, 12, 8)]), ("...d,d->...", [(N, 5, 8), (8,)]),
                       ("ij", [(2, 3)]), ("ij,jk->ik", [(N, 3)]), ("bij->b", [(N, 3, 4)]),
                       ("abc,cd->abd", [(N, N, 4), (4, 2)]), ("bi,bj->bij", [(N, 3), (1, 4)])]:
        cases.append(case(es, eq, *[T(i) for i in range(len(shapes))], inputs=shapes))
    # An output subscript no input has, or one named twice, builds (it becomes 1) and fails when it runs; a
    # character that is no subscript letter in the output fails the build (int(',')).
    for eq, shapes, batch in [("bi,bj->bk", [(2, 3), (2, 3)], None), ("bi,bj->bk", [(N, 3), (N, 3)], 2),
                              ("bij,bjk->bil", [(N, 6, 2), (N, 2, 2)], 2), ("bi->bii", [(2, 3)], None),
                              ("bij,bjk->bik,", [(N, 2, 5), (N, 5, 5)], 2), ("bi,bi->bK", [(2, 3), (2, 3)], None),
                              ("bI,bI->b", [(2, 3), (2, 3)], None), ("bi,bj->bij", [(N, 3), (N, 4)], 2)]:
        cases.append(case(es, eq, *[T(i) for i in range(len(shapes))], inputs=shapes, batch=batch))
    cases += [
        case(k("inner"), T(0), T(1), inputs=[(N, 4), (3, 4)]),
        case(k("inner"), T(0), T(1), inputs=[(N, 4), (3, 5)]),
        case(k("outer"), T(0), T(1), inputs=[(3,), (4,)]),
        case(k("outer"), T(0), T(1), inputs=[(N, 2), (4,)]),
        case(k("kron"), T(0), T(1), inputs=[(2, 3), (4, 5)]),
        case(k("kron"), T(0), T(1), inputs=[(N, 3), (4, 5)]),
    ]
    tf = "tensorflow."
    cases += [
        case(tf + "matmul", T(0), T(1), inputs=[(N, 3, 4), (4, 5)], via="ops.matmul(T[0], T[1])"),
        case(tf + "matmul", T(0), T(1), inputs=[(N, 3, 4), (3, 5)], via="ops.matmul(T[0], T[1])"),
        case(tf + "linalg.matmul", T(0), T(1), transpose_b=True, inputs=[(N, 3, 4), (N, 5, 4)],
             via="ops.matmul(T[0], ops.swapaxes(T[1], -1, -2))"),
        case(tf + "matmul", T(0), T(1), transpose_a=True, inputs=[(N, 4, 3), (4, 5)],
             via="ops.matmul(ops.swapaxes(T[0], -1, -2), T[1])"),
        case(tf + "matmul", T(0), T(1), transpose_b=True, inputs=[(N, 3, 4), (N, 4, 5)],
             via="ops.matmul(T[0], ops.swapaxes(T[1], -1, -2))"),
        case(tf + "matmul", a=T(0), b=T(1), inputs=[(2, 3), (3, 2)], via="ops.matmul(T[0], T[1])"),
        case(tf + "einsum", "bij,bjk->bik", T(0), T(1), inputs=[(N, 3, 4), (N, 4, 5)],
             via="ops.einsum('bij,bjk->bik', T[0], T[1])"),
        case(tf + "linalg.einsum", "ij->j", T(0), inputs=[(N, 4)], via="ops.einsum('ij->j', T[0])"),
        case(tf + "tensordot", T(0), T(1), axes=1, inputs=[(N, 3, 4), (4, 5)], via="ops.tensordot(T[0], T[1], 1)"),
    ]
    return cases


def operator_cases() -> list[dict]:
    cases = []
    for op in ("Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "Lt", "LtE", "Gt", "GtE", "NotEq"):
        cases += [case(f"op:{op}", T(0), T(1), inputs=[(N, 4, 8), (8,)]),
                  case(f"op:{op}", T(0), T(1), inputs=[(N, 4, 8), (4, 7)]),
                  case(f"op:{op}", T(0), 2.0, inputs=[(N, 4, 8)]),
                  case(f"op:{op}", 2.0, T(0), inputs=[(N, 4, 8)])]
    for op in ("BitAnd", "BitOr", "BitXor"):
        cases += [case(f"op:{op}", T(0), T(1), inputs=[(N, 4), (N, 4)], dtypes=["bool", "bool"]),
                  case(f"op:{op}", T(0), T(1), inputs=[(N, 4), (N, 5)], dtypes=["bool", "bool"])]
    cases += [
        case("op:Add", T(0), Cst(8), inputs=[(N, 4, 8)]),
        case("op:Add", T(0), Cst(7), inputs=[(N, 4, 8)]),
        case("op:Mult", T(0), T(1), inputs=[(N, 1), (N, 6)]),
        case("op:MatMult", T(0), T(1), inputs=[(N, 3, 4), (4, 5)]),
        case("op:MatMult", T(0), T(1), inputs=[(N, 3, 4), (3, 5)]),
        case("op:MatMult", T(0), Cst(4, 2), inputs=[(N, 4)]),
        case("op:USub", T(0), inputs=[(N, 4)]),
        case("op:Invert", T(0), inputs=[(N, 4)], dtypes=["bool"]),
    ]
    g = "getitem"
    for shape, key in [
        ((N, 10, 4), [S(), -1]), ((N, 10, 4), [S(), -1, S()]), ((N, 10, 4), [E, 0]), ((N, 10, 4), [S(), S(2, 5)]),
        ((N, 10, 4), [S(), S(None, None, 2)]), ((N, 10, 4), [S(), S(None, None, -1)]), ((N, 10, 4), [S(), S(-3)]),
        ((N, 10, 4), [S(), S(8, 20)]), ((N, 10, 4), [S(), S(5, 2)]), ((N, 10, 4), [S(), N]),
        ((N, 10, 4), [E, N]), ((N, 10, 4), [N, E]), ((N, 10, 4), [S(), 10]), ((N, 10, 4), [S(), -11]),
        ((N, 10, 4), [S(), 9]), ((N, 10, 4), [S(), S(), S(), S()]), ((N, 10, 4), [S(), S(), 0, 0]),
        ((N, 10, 4), [0]), ((N, 10, 4), 0), ((N, N, 4), [S(), 5]), ((N, N, 4), [S(), S(1, 3)]),
        ((N, 10, 4), [E, S(1, None)]), ((N, 10, 4), [S(), E, 1]), ((N, 10, 4), [E, E]), ((3, 4), [-1]),
        ((3, 4), [S(), S(-10, 10, 3)]), ((N, 10, 4), [S(), N, S(), N]), ((2, 10, 4), [1, S(None, -1)]),
        ((N, 10, 4), [S(1)]), ((2, 10), [2]), ((N, 10, 4), [S(), S(None, None, -2), -1])]:
        cases.append(case(g, T(0), key, inputs=[shape]))
    return cases


def image_and_signal_cases() -> list[dict]:
    """depth_to_space / space_to_depth, stft, image.rgb_to_grayscale, image.crop_images, image.pad_images (their
    TensorFlow spellings are recorded with TensorFlow itself: record_tf_ops.py)."""
    d2s, s2d, stft = k("depth_to_space"), k("space_to_depth"), k("stft")
    gray, crop, pad = k("image.rgb_to_grayscale"), k("image.crop_images"), k("image.pad_images")
    cf = {"data_format": "channels_first"}
    cases = [
        case(d2s, T(), 2, inputs=[(N, 8, 8, 16)]),
        case(d2s, T(), 2, inputs=[(2, 4, 4, 12)]),
        case(d2s, T(), block_size=3, inputs=[(N, N, N, 18)]),
        case(d2s, T(), 2, inputs=[(N, 8, 8, N)]),
        case(d2s, T(), 2, inputs=[(2, 16, 4, 4)], **cf),
        case(d2s, T(), 2, inputs=[(N, 8, 8, 6)]),
        case(d2s, T(), 2, inputs=[(2, 4, 4, 6)]),
        case(d2s, T(), 2, inputs=[(2, 6, 4, 4)], **cf),
        case(d2s, T(), 2, inputs=[(8, 8, 16)]),
        case(d2s, T(), 1, inputs=[(N, 8, 8, 16)]),
        case(d2s, T(), 2, data_format="NHWC", inputs=[(N, 8, 8, 16)]),
        case(s2d, T(), 2, inputs=[(N, 8, 8, 3)]),
        case(s2d, T(), 2, inputs=[(2, 8, 6, 3)]),
        case(s2d, T(), block_size=3, inputs=[(N, 6, 6, 2)]),
        case(s2d, T(), 2, inputs=[(N, N, N, 3)]),
        case(s2d, T(), 2, inputs=[(2, 3, 8, 8)], **cf),
        case(s2d, T(), 2, inputs=[(N, 7, 8, 3)]),
        case(s2d, T(), 2, inputs=[(N, 8, 9, 3)]),
        case(s2d, T(), 2, inputs=[(2, 3, 8, 7)], **cf),
        case(s2d, T(), 2, inputs=[(8, 8, 3)]),
        case(stft, T(), 16, 8, 16, inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 32, inputs=[(N, 100)]),
        case(stft, T(), 12, 5, 16, center=False, inputs=[(2, 3, 100)]),
        case(stft, T(), 15, 4, 15, inputs=[(2, 101)]),
        case(stft, T(), 16, 8, 16, inputs=[(100,)]),
        case(stft, T(), 16, 8, 16, inputs=[(N, N)]),
        case(stft, T(), 16, 8, 16, window="hamming", inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 16, window=None, inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 16, window=Cst(16), inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 16, window=Cst(12), inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 16, window="blackman", inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 8, inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 16, center=False, inputs=[(2, 10)]),
        case(stft, T(), 16, 8, 16, center=False, inputs=[(2, 2)]),
        case(stft, T(), 16, 4, 16, inputs=[(2, 5)]),
        case(stft, T(), 16, 0, 16, inputs=[(2, 100)]),
        case(stft, T(), 16, 8, 16, inputs=[()]),
        case(gray, T(), inputs=[(N, 8, 8, 3)]),
        case(gray, T(), inputs=[(2, 8, 8, 1)]),
        case(gray, T(), inputs=[(8, 8, 3)]),
        case(gray, T(), inputs=[(N, 8, 8, N)]),
        case(gray, T(), inputs=[(N, 3, 8, 8)], **cf),
        case(gray, T(), inputs=[(N, 8, 8, 4)]),
        case(gray, T(), inputs=[(N, 8, 8, 3)], **cf),
        case(gray, T(), inputs=[(N, 3)]),
        case(gray, T(), inputs=[(2, 2, 8, 8, 3)]),
        case(crop, T(), 1, 2, target_height=5, target_width=6, inputs=[(N, 10, 12, 3)]),
        case(crop, T(), 1, 2, 3, 4, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 1, 2, 3, 4, inputs=[(10, 12, 3)]),
        case(crop, T(), bottom_cropping=2, right_cropping=3, target_height=4, target_width=5, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 1, 2, target_height=5, target_width=6, inputs=[(N, 3, 10, 12)], **cf),
        case(crop, T(), 1, 1, target_height=5, target_width=6, inputs=[(N, N, N, 3)]),
        case(crop, T(), 0, 0, target_height=0, target_width=6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 6, 0, target_height=5, target_width=6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 0, 7, target_height=5, target_width=6, inputs=[(N, 10, 12, 3)]),
        case(crop, T(), 0, 0, target_height=11, target_width=6, inputs=[(N, 10, 12, 3)]),
        case(crop, T(), 8, 2, 3, 4, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), -1, 2, target_height=5, target_width=6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 1, 1, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 1, 1, 1, 1, target_height=5, target_width=6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 1, 2, 1, target_width=6, inputs=[(N, N, 12, 3)]),
        case(crop, T(), 1, 2, target_height=5, target_width=6, inputs=[(10, 12)]),
        case(pad, T(), 1, 2, target_height=15, target_width=16, inputs=[(N, 10, 12, 3)]),
        case(pad, T(), 1, 2, 3, 4, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 1, 2, 3, 4, inputs=[(10, 12, 3)]),
        case(pad, T(), bottom_padding=2, right_padding=3, target_height=14, target_width=16, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 1, 2, target_height=15, target_width=16, inputs=[(N, 3, 10, 12)], **cf),
        case(pad, T(), 1, 1, 1, 1, inputs=[(N, N, N, 3)]),
        case(pad, T(), 1, 1, target_height=5, target_width=6, inputs=[(N, N, N, 3)]),
        case(pad, T(), 1, 2, target_height=10, target_width=16, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 0, 2, target_height=10, target_width=13, inputs=[(N, 10, 12, 3)]),
        case(pad, T(), -1, 2, target_height=15, target_width=16, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), bottom_padding=0, right_padding=0, target_height=-1, target_width=16, inputs=[(N, N, 12, 3)]),
        case(pad, T(), 1, 1, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 1, 2, 3, 4, target_height=20, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 1, 2, 3, 4, inputs=[(2, 3, 10, 12, 3)]),
    ]
    return cases


def conv_pool_cases() -> list[dict]:
    """conv, depthwise_conv, separable_conv, max_pool, average_pool (rules/nn_ops.py; their tf.nn spellings are
    recorded with TensorFlow itself: record_tf_ops.py)."""
    conv, dw, sep = k("conv"), k("depthwise_conv"), k("separable_conv")
    mp, ap = k("max_pool"), k("average_pool")
    cf = {"data_format": "channels_first"}
    return [
        case(conv, T(0), T(1), inputs=[(N, 32, 32, 3), (3, 3, 3, 8)]),
        case(conv, T(0), T(1), strides=2, padding="same", inputs=[(N, 32, 32, 3), (3, 3, 3, 8)]),
        case(conv, T(0), T(1), 2, "SAME", inputs=[(2, 15, 9, 3), (3, 3, 3, 4)]),
        case(conv, T(0), T(1), dilation_rate=2, inputs=[(N, 20, 4), (3, 4, 6)]),
        case(conv, T(0), T(1), strides=(1, 2), inputs=[(N, 12, 12, 2), (3, 5, 2, 4)]),
        case(conv, T(0), T(1), inputs=[(N, 3, 16, 16), (3, 3, 3, 8)], **cf),
        case(conv, T(0), T(1), inputs=[(N, 8, 8, 8, 1), (2, 2, 2, 1, 4)]),
        case(conv, T(0), T(1), inputs=[(N, N, N, 3), (3, 3, 3, 8)]),
        case(conv, T(0), T(1), inputs=[(N, 2, 2, 3), (3, 3, 3, 8)]),
        case(conv, T(0), T(1), inputs=[(N, 32, 32, 4), (3, 3, 3, 8)]),
        case(conv, T(0), T(1), inputs=[(N, 32, 3), (3, 3, 3, 8)]),
        case(conv, T(0), T(1), inputs=[(N, 32, 32, 3), (3, 3, 8)]),
        case(conv, T(0), Cst(3, 3, 3, 8), padding="same", inputs=[(N, 16, 16, 3)]),
        case(dw, T(0), T(1), inputs=[(N, 16, 16, 4), (3, 3, 4, 2)]),
        case(dw, T(0), T(1), strides=2, padding="same", inputs=[(2, 9, 9, 3), (3, 3, 3, 1)]),
        case(dw, T(0), T(1), inputs=[(N, 4, 16, 16), (3, 3, 4, 2)], **cf),
        case(dw, T(0), T(1), inputs=[(N, 16, 16, 4), (3, 3, 5, 2)]),
        case(dw, T(0), T(1), inputs=[(N, 20, 4), (5, 4, 3)]),
        case(sep, T(0), T(1), T(2), inputs=[(N, 16, 16, 4), (3, 3, 4, 2), (1, 1, 8, 6)]),
        case(sep, T(0), T(1), T(2), strides=2, padding="same", inputs=[(2, 9, 9, 3), (3, 3, 3, 2), (1, 1, 6, 5)]),
        case(sep, T(0), T(1), T(2), inputs=[(2, 16, 16, 4), (3, 3, 4, 2), (1, 1, 9, 6)]),
        case(mp, T(0), 2, inputs=[(N, 32, 32, 3)]),
        case(mp, T(0), 3, strides=2, inputs=[(N, 15, 15, 3)]),
        case(mp, T(0), (2, 3), padding="same", inputs=[(2, 7, 7, 1)]),
        case(mp, T(0), 2, inputs=[(N, 3, 8, 8)], **cf),
        case(mp, T(0), 4, inputs=[(N, 20, 4)]),
        case(mp, T(0), 2, inputs=[(N, 8, 8, 8, 2)]),
        case(mp, T(0), 3, inputs=[(N, 2, 2, 3)]),
        case(mp, T(0), 2, inputs=[(N, N, N, 3)]),
        case(ap, T(0), 2, inputs=[(N, 32, 32, 3)]),
        case(ap, T(0), 2, strides=1, padding="SAME", inputs=[(2, 5, 5, 1)]),
        case(ap, T(0), 3, inputs=[(N, 10, 2)]),
        case(ap, T(0), 5, inputs=[(N, 4, 4, 2)]),
    ]


FAMILIES = [elementwise_cases, reduction_cases, shape_cases, product_cases, operator_cases, image_and_signal_cases,
            conv_pool_cases]


def all_cases() -> list[dict]:
    cases = [c for family in FAMILIES for c in family()]
    ids = [c["id"] for c in cases]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate case ids: {sorted(dup)}")
    return cases


# ----------------------------------------------------------------------------- Keras side

# Finding kind per Keras message; other ValueError/TypeError/IndexError are invalid-argument.
CLASSIFY = [
    ("would be zero or negative", "negative-length"),  # as for the convolution layers (record_keras.py)
    ("Cannot broadcast shape", "incompatible-merge"),
    ("must have the same shape except on the `axis`", "incompatible-merge"),
    ("Every value in `x` must have the same shape", "incompatible-merge"),
    ("Inner dimensions", "incompatible-merge"),
    ("Shape must match on the last axis", "incompatible-merge"),
    ("Shape mismatch on `x1[axes[0]]`", "incompatible-merge"),
    ("requires the last dimension of `x1` and `x2`", "incompatible-merge"),
    ("`append` requires inputs to have the same shape", "incompatible-merge"),
    ("`weights` must have the same", "incompatible-merge"),
    ("total size of the tensor must be unchanged", "reshape-size"),
    ("Number of dimensions in the subscript does not match", "rank"),
    ("Invalid images rank", "rank"),
    ("must have the same number of dimensions", "rank"),
    ("has to many indices", "rank"),
    ("`pad_width` must have the same length as `x.shape`", "rank"),
    ("The number of dimensions in `inputs` must match", "rank"),
    ("requires an array of at least two dimensions", "rank"),
    ("axis must be a list of the same length as the input shape", "rank"),
    ("`bins` must be a 1D array", "rank"),
    ("requires a 4D input tensor", "rank"),  # depth_to_space / space_to_depth
    ("Kernel shape must have the same length as input", "rank"),  # conv ops
    ("tuple index out of range", "rank"),  # stft's x.shape[-1] on a rank-0 input
]


def classify(exc: BaseException) -> str:
    m = str(exc)
    for needle, kind in CLASSIFY:
        if needle in m:
            return kind
    if isinstance(exc, (ValueError, TypeError, IndexError)):
        return "invalid-argument"
    return "unclassified"


_PY_OPS = {"Add": operator.add, "Sub": operator.sub, "Mult": operator.mul, "Div": operator.truediv,
           "FloorDiv": operator.floordiv, "Mod": operator.mod, "Pow": operator.pow, "MatMult": operator.matmul,
           "Lt": operator.lt, "LtE": operator.le, "Gt": operator.gt, "GtE": operator.ge, "NotEq": operator.ne,
           "BitAnd": operator.and_, "BitOr": operator.or_, "BitXor": operator.xor, "USub": operator.neg,
           "Invert": operator.invert}


def _decode(value, tensors, np, key: bool = False):
    if isinstance(value, dict):
        if "T" in value:
            return tensors[value["T"]]
        if "C" in value:
            return np.ones(tuple(value["C"]), dtype="float32")
        if "slice" in value:
            return slice(*value["slice"])
        if "E" in value:
            return Ellipsis
    if isinstance(value, list):
        items = [_decode(v, tensors, np) for v in value]
        return tuple(items) if key else items
    return value


def _call(keras, np, c: dict, tensors):
    args = [_decode(a, tensors, np, key=c["call"] == "getitem" and i == 1) for i, a in enumerate(c["args"])]
    kwargs = {name: _decode(v, tensors, np) for name, v in c["kwargs"].items()}
    if "via" in c:
        return eval(c["via"], {"ops": keras.ops, "T": tensors})  # noqa: S307 - our own case table
    call = c["call"]
    if call == "getitem":
        return args[0][args[1]]
    if call.startswith("op:"):
        return _PY_OPS[call[3:]](*args)
    fn = keras
    for part in call.split(".")[1:]:
        fn = getattr(fn, part)
    return fn(*args, **kwargs)


def _shapes(out):
    if isinstance(out, (list, tuple)):
        return {"outputs": [list(t.shape) for t in out]}
    return {"output": [None if d is None else int(d) for d in out.shape]}


def run_case(c: dict, runtime: bool = True) -> dict:
    import keras
    import numpy as np

    dtypes = c.get("dtypes") or ["float32"] * len(c["inputs"])
    tensors = [keras.KerasTensor(tuple(s), dtype=d) for s, d in zip(c["inputs"], dtypes)]
    result: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result["keras"] = _shapes(_call(keras, np, c, tensors))
        except Exception as exc:  # noqa: BLE001 - every Keras failure is data here
            result["keras"] = {"error": type(exc).__name__, "message": str(exc)[:400], "kind": classify(exc)}
        batch = c.get("batch")
        concrete = [tuple(batch if i == 0 and d is None and batch is not None else d for i, d in enumerate(s))
                    for s in c["inputs"]]
        if not runtime or any(d is None for s in concrete for d in s):
            result["runtime"] = "skipped"
            return result
        arrays = [keras.ops.convert_to_tensor(np.zeros(s, dtype=d)) for s, d in zip(concrete, dtypes)]
        try:
            got = _shapes(_call(keras, np, c, arrays))
        except Exception as exc:  # noqa: BLE001
            result["runtime"] = f"failed: {type(exc).__name__}: {str(exc)[:200]}"
            return result
    want = result["keras"]
    if "error" in want:
        result["runtime"] = f"ok: {got}"
    elif "batch" in c:  # the first axis is the batch given, or what a -1 made of it: the call ran, no more to say
        result["runtime"] = "ok"
    elif got != {key: [list(s) for s in v] if key == "outputs" else v for key, v in want.items()}:
        result["runtime"] = f"mismatch: symbolic {want} vs actual {got}"
    else:
        result["runtime"] = "ok"
    return result


def record() -> Path:
    import keras

    cases = all_cases()
    for c in cases:
        c.update(run_case(c))
        if c["keras"].get("kind") == "unclassified":
            print("UNCLASSIFIED:", c["id"], c["keras"], file=sys.stderr)
    payload = {"recorded_with": {"keras": keras.__version__, "backend": keras.backend.backend()}, "cases": cases}
    EXPECTED.write_text(json.dumps(payload, indent=1) + "\n")
    return EXPECTED


# ----------------------------------------------------------------------------- shared with the tests

def load_cases() -> list[dict]:
    return json.loads(EXPECTED.read_text())["cases"]


def rule_value(value, key: bool = False):
    """A recorded argument as the front-end encodes it (TensorArg, ConstTensor, slice, Ellipsis, tuples)."""
    from shapedoctor.rules.base import ConstTensor, TensorArg

    if isinstance(value, dict):
        if "T" in value:
            return TensorArg(value["T"])
        if "C" in value:
            return ConstTensor(tuple(value["C"]))
        if "slice" in value:
            return slice(*value["slice"])
        if "E" in value:
            return Ellipsis
    if isinstance(value, list):
        items = [rule_value(v) for v in value]
        return tuple(items) if key else items  # a subscript's key is a tuple; other lists stay lists
    return value


def node_of(c: dict) -> tuple[str, dict]:
    """The node type and arguments the front-end builds for a case's call."""
    from shapedoctor.rules.ops import OPERATORS, resolve_op

    call = c["call"]
    positional = [rule_value(a) for a in c["args"]]
    keywords = {name: rule_value(v) for name, v in c["kwargs"].items()}
    if call == "getitem":
        return "ops.getitem", {"x": positional[0], "key": rule_value(c["args"][1], key=True)}
    if call.startswith("op:"):
        call = OPERATORS[call[3:]]
    spec = resolve_op(call)
    assert spec is not None, f"resolve_op({call!r}) is None"
    return spec.op, spec.bind(positional, keywords)


def apply_case(c: dict):
    from shapedoctor.rules import RULES, LayerCall

    type_, args = node_of(c)
    inputs = [tuple(s) for s in c["inputs"]]
    return RULES[type_].fn(LayerCall(type_, args, type_), inputs)


# Symbolic Keras builds these and the rule follows it; only the torch backend fails on the data
# (numpy/jax/tensorflow run them), so no finding is due.
TORCH_ONLY_FAILURES = {
    "keras.ops.average(T0,axis=1,weights=T1)(2,3,4)+(3)",  # torch does not broadcast 1-D weights on an axis
    "keras.ops.repeat(T0,[1,1,1,1,1,1],None)(2,3)",  # torch backend: "Invalid dtype: object"
}


def check_case(c: dict) -> None:
    """The rule agrees with the recorded Keras result.

    * Keras raised (symbolically): the rule raises an error-severity ShapeProblem of the recorded kind.
    * Keras built it: the rule returns the same shape(s); or, only when the concrete call failed
      (``runtime``), a warning-severity ShapeProblem carrying the shape Keras builds.
    """
    from shapedoctor.rules import ShapeProblem

    want = c["keras"]
    try:
        got = apply_case(c)
    except ShapeProblem as problem:
        if "error" in want:
            assert (problem.kind.name, problem.severity) == (want["kind"], "error"), (
                f"Keras: {want['error']}: {want['message']}\nrule: {problem.kind.name}: {problem.message}")
            assert problem.message.startswith("ops.") or c["call"].startswith("op:") or c["call"] == "getitem"
            return
        assert problem.severity == "warning" and c["runtime"].startswith("failed"), (
            f"Keras builds {want} (runtime: {c['runtime']}) but the rule raises "
            f"{problem.kind.name}/{problem.severity}: {problem.message}")
        expected = want.get("output", want.get("outputs"))
        output = problem.output
        assert (list(output) if not isinstance(output, list) else [list(s) for s in output]) == expected
        return
    assert "error" not in want, f"Keras raises {want['kind']} ({want['error']}: {want['message']}) but the rule " \
                                f"returns {got}"
    assert not c["runtime"].startswith("failed") or c["id"] in TORCH_ONLY_FAILURES, (
        f"the concrete call fails ({c['runtime']}) but the rule returns {got} without a warning")
    if "output" in want:
        assert got == tuple(want["output"]), f"rule {got} vs Keras {tuple(want['output'])}"
    else:
        assert isinstance(got, list) and [tuple(s) for s in got] == [tuple(s) for s in want["outputs"]]


def check_live(c: dict) -> None:
    live = run_case(c, runtime=False)["keras"]
    if "error" in c["keras"]:
        assert (live.get("error"), live.get("kind")) == (c["keras"]["error"], c["keras"]["kind"])
    else:
        assert live == c["keras"]


if __name__ == "__main__":
    os.environ.setdefault("KERAS_BACKEND", "torch")
    print("wrote", record(), len(all_cases()), "cases")
