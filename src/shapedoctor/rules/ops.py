"""Shape rules of tensor operations: ``keras.ops.*`` and their ``tf.*``, ``keras.backend.*`` and
``keras.activations.*`` spellings, Python operators on tensors and subscripts (``x[:, -1]``).

Each rule mirrors the ``compute_output_spec`` of the Keras 3 op class (``keras/src/ops/numpy.py``,
``nn.py``, ``core.py``, ``math.py``, ``linalg.py``, ``image.py``).

How an op reaches a rule
------------------------
An op is a graph node of type ``"ops.<keras.ops name>"`` (``ops.reshape``, ``ops.image.resize``,
``ops.getitem`` for ``x[key]``).  Its arguments are named after the Keras signature; a graph tensor is
``TensorArg(i)`` (the node's i-th input), a list of tensors is a list of them (``concatenate``,
``stack``), a constant of known shape is ``ConstTensor(shape)`` and a Python number is itself (shape
``()``).  :func:`resolve_op` maps a spelled name (``tensorflow.reduce_mean``, ``keras.backend.sum``) to
an :class:`OpSpec` whose ``bind`` names the call's arguments the Keras way; :data:`OPERATORS` maps the
``ast`` operator classes to node types.  A TensorFlow function Keras has no op for, or whose TensorFlow
behaviour differs from the Keras op's, is a node ``"ops.tf.<tf name>"`` (``ops.tf.signal.stft``) whose
arguments keep TensorFlow's names.

As everywhere in shapedoctor: unknown (``None``) and symbolic dims propagate, an argument that could not
be folded raises ``Unresolved``, and ``ShapeProblem`` is raised only where concrete dims contradict.
Where Keras' symbolic call builds but the first batch would fail (``einsum("ij,jk", (2, 3), (4, 5))``),
the problem is a warning carrying the shape Keras builds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..graph import UNKNOWN
from ..kinds import INCOMPATIBLE_MERGE, INVALID_ARGUMENT, NEGATIVE_LENGTH, RANK, RESHAPE_SIZE
from ..shapes import (Dim, Shape, Symbol, dim_add, dim_floordiv, dim_mul, dim_product, dim_sub, format_shape,
                      is_known)
from .base import BATCH_KEEPING_OPS, ConstTensor, LayerCall, ShapeProblem, TensorArg, Unresolved, rule

_MISSING = object()


# ----------------------------------------------------------------------------- arguments

def _is_number(value) -> bool:
    return isinstance(value, (bool, int, float, complex)) and not isinstance(value, Symbol)


def _value_shape(value, inputs, name: str) -> Shape:
    """The shape of one tensor-like argument: a graph tensor, a constant, a number or a nested list."""
    if isinstance(value, TensorArg):
        shape = inputs[value.index] if 0 <= value.index < len(inputs) else None
        if shape is None or isinstance(shape, list):
            raise Unresolved(name)
        return tuple(shape)
    if isinstance(value, ConstTensor):
        return tuple(value.shape)
    if _is_number(value):
        return ()
    if isinstance(value, (list, tuple)) and value and all(_is_number(v) or isinstance(v, (list, tuple))
                                                          for v in value):
        inner = {_value_shape(v, inputs, name) for v in value}
        if len(inner) == 1:
            return (len(value), *inner.pop())
    raise Unresolved(name)


def tensor(call: LayerCall, name: str, inputs, default: Any = _MISSING) -> Shape:
    """The shape of the tensor argument ``name`` (``TensorArg`` -> its input, ``ConstTensor``, number -> ())."""
    value = call.args.get(name, _MISSING)
    if value is _MISSING:
        if default is _MISSING:
            raise Unresolved(name)
        value = default
    return _value_shape(value, inputs, name)


def tensor_list(call: LayerCall, name: str, inputs) -> list[Shape]:
    """A list-of-tensors argument (``concatenate(xs)``, ``stack(x)``)."""
    value = call.args.get(name, _MISSING)
    if isinstance(value, (TensorArg, ConstTensor)):
        raise Unresolved(name)  # a tensor passed as the list: its length is data
    if not isinstance(value, (list, tuple)) or not value:
        raise Unresolved(name)
    return [_value_shape(v, inputs, name) for v in value]


def _raw(call: LayerCall, name: str, default: Any = None) -> Any:
    value = call.args.get(name, default)
    if value is UNKNOWN or isinstance(value, (Symbol, TensorArg, ConstTensor)):
        raise Unresolved(name)
    if isinstance(value, (list, tuple)) and any(v is UNKNOWN or isinstance(v, (Symbol, TensorArg, ConstTensor))
                                                for v in value):
        raise Unresolved(name)
    return value


def _int(call: LayerCall, name: str, default: Any = _MISSING, allow_symbol: bool = False) -> Any:
    value = call.args.get(name, default)
    if value is _MISSING:
        raise Unresolved(name)
    if value is UNKNOWN or isinstance(value, (TensorArg, ConstTensor)):
        raise Unresolved(name)
    if isinstance(value, Symbol):
        if allow_symbol:
            return value
        raise Unresolved(name)
    if isinstance(value, bool) or not isinstance(value, int):
        if value is None:
            return None
        raise _bad(call, name, value, "an integer")
    return value


def _bad(call: LayerCall, name: str, value, expected: str) -> ShapeProblem:
    return ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={value!r}): expected {expected}")


def canonical_axis(call: LayerCall, name: str, axis, shape: Shape, rank: int | None = None) -> int:
    """``canonicalize_axis``: an axis in [-rank, rank) -> [0, rank)."""
    rank = len(shape) if rank is None else rank
    if isinstance(axis, bool) or not isinstance(axis, int):
        if axis is UNKNOWN or isinstance(axis, (Symbol, TensorArg)):
            raise Unresolved(name)
        raise _bad(call, name, axis, "an integer axis")
    if not -rank <= axis < rank:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={axis}) on input {format_shape(tuple(shape))}: axis "
                                             f"{axis} is out of bounds for a tensor of rank {len(shape)}")
    return axis + rank if axis < 0 else axis


def _axes(call: LayerCall, name: str, shape: Shape, default: Any = None, rank: int | None = None):
    """``canonicalize_axes``: None, an int or a sequence of ints."""
    value = _raw(call, name, default)
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return tuple(canonical_axis(call, name, a, shape, rank) for a in value)
    return (canonical_axis(call, name, value, shape, rank),)


def _conflict(a: Dim, b: Dim) -> bool:
    return is_known(a) and is_known(b) and a != b


def _sum_dims(dims) -> Dim:
    total: Any = _MISSING
    for d in dims:
        if d is None:
            return None
        total = d if total is _MISSING else dim_add(total, d)
    return 0 if total is _MISSING else total


def _flat_size(shape: Shape) -> Dim:
    """``prod(shape)`` or None when a dim is unknown (Keras' ``None in x.shape``)."""
    return None if None in shape else dim_product(shape)


# ----------------------------------------------------------------------------- shared shape math

def broadcast(call: LayerCall, *shapes: Shape) -> Shape:
    """``broadcast_shapes`` over several shapes; names the op and echoes the shapes where Keras raises."""
    out = shapes[0]
    for shape in shapes[1:]:
        a, b = list(out), list(shape)
        if len(a) < len(b):
            a = [1] * (len(b) - len(a)) + a
        if len(b) < len(a):
            b = [1] * (len(a) - len(b)) + b
        merged = []
        for x, y in zip(a, b):
            if x == 1:
                merged.append(y)
            elif x is None:
                merged.append(None if y == 1 else y)
            elif y == 1 or y is None or x == y:
                merged.append(x)
            elif isinstance(x, Symbol):
                merged.append(y)  # x must be 1 or y for the call to work: the result is y either way
            elif isinstance(y, Symbol):
                merged.append(x)
            else:
                raise ShapeProblem(
                    INCOMPATIBLE_MERGE,
                    f"{call.label}: shapes {' and '.join(format_shape(s) for s in shapes)} cannot be broadcast "
                    f"({x} vs {y})")
        out = tuple(merged)
    return tuple(out)


def reduce_shape(call: LayerCall, shape: Shape, axis, keepdims: bool, name: str = "axis") -> Shape:
    """``operation_utils.reduce_shape``."""
    if axis is None:
        return (1,) * len(shape) if keepdims else ()
    axes = axis if isinstance(axis, (list, tuple)) else (axis,)
    axes = tuple(canonical_axis(call, name, a, shape) for a in axes)
    out = list(shape)
    if keepdims:
        for a in axes:
            out[a] = 1
        return tuple(out)
    for a in sorted(axes, reverse=True):  # a repeated axis is deleted once per mention, as Keras does
        if a >= len(out):  # Keras: IndexError when it builds
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={axis!r}) on {format_shape(shape)}: axis {a} "
                                                 f"is repeated, and removing it twice leaves no axis {a}")
        del out[a]
    return tuple(out)


def repeated_axes(call: LayerCall, axis, shape: Shape, output, name: str = "axis"):
    """``output`` (what Keras builds), or a warning when ``axis`` names one axis twice: the torch backend's
    reductions then fail when they run ("dim 1 appears multiple times in the list of dims"), except ``prod``,
    which reduces one axis at a time."""
    if not isinstance(axis, (list, tuple)) or call.type == "ops.prod":
        return output
    axes = [a + len(shape) if isinstance(a, int) and a < 0 else a for a in axis]
    if len(set(axes)) == len(axes):
        return output
    raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={tuple(axis)!r}) on {format_shape(shape)}: an axis is "
                                         f"repeated; Keras builds the op but it fails when it runs",
                       severity="warning", output=output, hint="name each axis once")


def _reshape(call: LayerCall, shape: Shape, newshape: tuple, name: str) -> Shape:
    """``compute_reshape_output_shape`` (+ ``validate_reshape_shape``); symbols kept where Keras has None."""
    for d in newshape:
        if is_known(d) and d < -1:
            raise _bad(call, name, newshape, "non-negative integers or a single -1")
    if newshape.count(-1) > 1:
        raise _bad(call, name, newshape, "at most one -1")
    dims = tuple(None if d is UNKNOWN or not (d is None or isinstance(d, (int, Symbol))) or isinstance(d, bool)
                 else d for d in newshape)
    if None in shape or None in dims:
        output = tuple(None if d == -1 else d for d in dims)
        _check_batch_absorbed(call, shape, newshape, dims, name, output)
        return output
    if any(isinstance(d, Symbol) for d in shape + dims):
        # Sizes not comparable as numbers: no error; a -1 is known only when the rest is the whole input.
        if -1 in dims and dim_product(d for d in dims if d != -1) == dim_product(shape):
            return tuple(1 if d == -1 else d for d in dims)
        return tuple(None if d == -1 else d for d in dims)
    size = math.prod(shape)
    if -1 not in dims:
        want = math.prod(dims)
        if want != size:
            raise ShapeProblem(RESHAPE_SIZE, f"{call.label}({name}={_tuple_text(newshape)}) on input "
                                             f"{format_shape(shape)}: {want} elements, but the input has {size}")
        return dims
    known = math.prod(d for d in dims if d != -1)
    if known == 0 or size % known:
        raise ShapeProblem(RESHAPE_SIZE, f"{call.label}({name}={_tuple_text(newshape)}) on input "
                                         f"{format_shape(shape)}: {size} elements cannot be divided into "
                                         f"{_tuple_text(newshape)}")
    return tuple(size // known if d == -1 else d for d in dims)


def _check_batch_absorbed(call: LayerCall, shape: Shape, newshape: tuple, dims: tuple, name: str, output) -> None:
    """A ``-1`` with an unknown batch axis takes the batch in (``compute_reshape_output_shape`` does not special-case
    axis 0): Keras builds ``output``, but when one sample's size is not a multiple of the other target sizes, the
    rows mix samples and the call fails for every batch size the product does not divide (batch 1 always).

    Only where axis 0 is surely the model's batch (every node before is an input or a Keras layer): real code
    folds a factor into the batch with one reshape and unfolds it with another (keras-io's
    semantic_image_clustering: (B, k, ...) -> (-1, ...) -> model -> (-1, k, 20)); after an op, axis 0 may
    hold such a product, and the unfolding reshape is right."""
    if -1 not in dims or not shape or shape[0] is not None or None in dims:
        return
    sample, rest = shape[1:], [d for d in dims if d != -1]
    if not all(isinstance(d, int) and not isinstance(d, bool) for d in (*sample, *rest)):
        return
    size, known = math.prod(sample), math.prod(rest)
    if known == 0 or size % known == 0 or not call.batch_is_model_batch():
        return
    factor = known // math.gcd(size, known)
    raise ShapeProblem(RESHAPE_SIZE, f"{call.label}({name}={_tuple_text(newshape)}) on input {format_shape(shape)}: "
                                     f"the -1 takes in the batch axis, and one sample has {size} elements, not a "
                                     f"multiple of {known}; Keras builds the op but it fails when it runs unless "
                                     f"the batch size is a multiple of {factor}, and then mixes samples",
                       severity="warning", output=output,
                       hint=f"keep the batch axis: reshape to (-1, ...) with sizes whose product is {size}, "
                            f"or use layers.Reshape")


def _tuple_text(values) -> str:
    return "(" + ", ".join("None" if v is None else str(v) for v in values) + ("," if len(values) == 1 else "") + ")"


def _shape_value(call: LayerCall, name: str) -> tuple:
    """A shape argument (``newshape``, ``broadcast_to(shape)``): an int or a sequence of int/None/symbol."""
    value = call.args.get(name, _MISSING)
    if value is _MISSING or value is UNKNOWN or isinstance(value, (Symbol, TensorArg, ConstTensor)):
        raise Unresolved(name)
    if isinstance(value, int) and not isinstance(value, bool):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise Unresolved(name)
    return tuple(None if isinstance(d, TensorArg) else d for d in value)


# ----------------------------------------------------------------------------- elementwise

# keras.ops name -> parameters after x (all return x's shape).
_UNARY = {
    **{name: () for name in (
        "abs", "absolute", "fabs", "angle", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh", "cbrt",
        "ceil", "conj", "conjugate", "copy", "cos", "cosh", "deg2rad", "rad2deg", "exp", "exp2", "expm1", "floor",
        "imag", "i0", "isfinite", "isinf", "isnan", "isneginf", "isposinf", "isreal", "log", "log10", "log1p",
        "log2", "logical_not", "negative", "real", "reciprocal", "sign", "signbit", "sin", "sinc", "sinh", "sqrt",
        "square", "tan", "tanh", "trunc", "rsqrt", "erf", "erfc", "erfinv", "bitwise_invert", "bitwise_not",
        "relu", "relu6", "sigmoid", "sparse_sigmoid", "softplus", "softsign", "silu", "swish", "hard_sigmoid",
        "hard_silu", "hard_swish", "log_sigmoid", "selu", "tanh_shrink", "hard_tanh", "sparse_plus")},
    "round": ("decimals",),
    "celu": ("alpha",),
    "elu": ("alpha",),
    "gelu": ("approximate",),
    "leaky_relu": ("negative_slope",),
    "soft_shrink": ("threshold",),
    "hard_shrink": ("threshold",),
    "squareplus": ("b",),
    "threshold": ("threshold", "default_value"),
    "nan_to_num": ("nan", "posinf", "neginf"),
    "clip": ("x_min", "x_max"),
    "cast": ("dtype",),
    "saturate_cast": ("dtype",),
    "convert_to_tensor": ("dtype", "sparse", "ragged"),
    "zeros_like": ("dtype",),
    "ones_like": ("dtype",),
    "empty_like": ("dtype",),
    "full_like": ("fill_value", "dtype"),
    "tril": ("k",),
    "triu": ("k",),
}

BATCH_KEEPING_OPS.update(f"ops.{name}" for name in _UNARY)

for _name, _extra in _UNARY.items():
    @rule(f"ops.{_name}", params=("x", *_extra), multi_input=True)
    def _unary(call: LayerCall, inputs):
        return tensor(call, "x", inputs)


@rule("ops.stop_gradient", params=("variable",), multi_input=True)
def stop_gradient(call: LayerCall, inputs):
    return tensor(call, "variable", inputs)


@rule("ops.layer_normalization", params=("x", "gamma", "beta", "axis", "epsilon"), multi_input=True)
@rule("ops.rms_normalization", params=("x", "scale", "axis", "epsilon"), multi_input=True)
def normalization(call: LayerCall, inputs):
    return tensor(call, "x", inputs)


@rule("ops.softmax", "ops.log_softmax", params=("x", "axis"), multi_input=True)
@rule("ops.normalize", params=("x", "axis", "order", "epsilon"), multi_input=True)
@rule("ops.flip", params=("x", "axis"), multi_input=True)
def axis_checked(call: LayerCall, inputs):
    """Same shape; the axis (None allowed) must exist."""
    shape = tensor(call, "x", inputs)
    default = None if call.type == "ops.flip" else -1
    _axes(call, "axis", shape, default)
    return shape


@rule("ops.roll", params=("x", "shift", "axis"), multi_input=True)
def roll(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    _axes(call, "axis", shape, None)
    return shape


@rule("ops.sparsemax", params=("x", "axis"), multi_input=True)
def sparsemax(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    canonical_axis(call, "axis", _raw(call, "axis", -1), shape)
    return shape


@rule("ops.glu", params=("x", "axis"), multi_input=True)
def glu(call: LayerCall, inputs):
    shape = list(tensor(call, "x", inputs))
    axis = canonical_axis(call, "axis", _raw(call, "axis", -1), shape)
    size = shape[axis]
    if is_known(size):
        if size % 2:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={_raw(call, 'axis', -1)}) on input "
                                                 f"{format_shape(tuple(shape))}: axis size {size} is not even")
        shape[axis] = size // 2
    elif isinstance(size, Symbol):
        shape[axis] = None
    return tuple(shape)


_BINARY = (
    "add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "mod", "fmod", "power", "maximum",
    "minimum", "fmax", "fmin", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and",
    "logical_or", "logical_xor", "arctan2", "hypot", "heaviside", "logaddexp", "logaddexp2", "divide_no_nan",
    "nextafter", "gcd", "lcm", "ldexp",
)


@rule(*(f"ops.{n}" for n in _BINARY), params=("x1", "x2"), multi_input=True)
def binary(call: LayerCall, inputs):
    for name in ("x1", "x2"):
        if isinstance(call.args.get(name), (list, tuple)):
            # The symbolic call takes the operand's dtype from type(x2): "Invalid dtype: list".
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}=[...]): a Python list operand has no dtype; "
                                                 f"Keras needs a tensor or array here (np.array / ops.convert_to_tensor)")
    a, b = tensor(call, "x1", inputs), tensor(call, "x2", inputs)
    output = broadcast(call, a, b)
    _check_batch_alignment(call, a, b, output)
    return output


def _check_batch_alignment(call: LayerCall, a: Shape, b: Shape, output) -> None:
    """Two batched tensors of different rank: broadcasting right-aligns them, so the shorter one's batch axis
    (unknown, first) meets a data axis of the longer one.  Keras builds it (None broadcasts with anything), but
    the call works only when the batch size equals that axis' size."""
    if len(a) == len(b):
        return
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if not short or short[0] is not None or not long_ or long_[0] is not None:
        return
    met = long_[len(long_) - len(short)]
    if not isinstance(met, int) or met == 1:
        return
    raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: shapes {format_shape(a)} and {format_shape(b)} have "
                                           f"different ranks, so broadcasting aligns the batch axis of "
                                           f"{format_shape(short)} with axis {len(long_) - len(short)} (size {met}) "
                                           f"of {format_shape(long_)}; Keras builds the op but it fails when it runs "
                                           f"unless the batch size is {met}",
                       severity="warning", output=output,
                       hint=f"expand the shorter tensor to rank {len(long_)} (ops.expand_dims) where its axes belong")


# Bitwise ops return x's shape (their compute_output_spec does not broadcast).
@rule("ops.bitwise_and", "ops.bitwise_or", "ops.bitwise_xor", "ops.bitwise_left_shift", "ops.bitwise_right_shift",
      "ops.left_shift", "ops.right_shift", params=("x", "y"), multi_input=True)
def bitwise(call: LayerCall, inputs):
    tensor(call, "y", inputs)
    return tensor(call, "x", inputs)


@rule("ops.where", params=("condition", "x1", "x2"), multi_input=True)
def where(call: LayerCall, inputs):
    x1, x2 = call.args.get("x1"), call.args.get("x2")
    if x1 is None and x2 is None:
        raise Unresolved("x1")  # where(condition) is nonzero(): data-dependent sizes
    if (x1 is None) != (x2 is None):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: x1 and x2 must be given together")
    return broadcast(call, tensor(call, "condition", inputs), tensor(call, "x1", inputs), tensor(call, "x2", inputs))


@rule("ops.digitize", params=("x", "bins"), multi_input=True)
def digitize(call: LayerCall, inputs):
    bins = tensor(call, "bins", inputs)
    if len(bins) > 1:
        raise ShapeProblem(RANK, f"{call.label}: bins must be 1-D but has shape {format_shape(bins)}")
    return tensor(call, "x", inputs)


# ----------------------------------------------------------------------------- reductions

_REDUCTIONS = {
    "mean": ("axis", "keepdims"), "sum": ("axis", "keepdims"), "max": ("axis", "keepdims", "initial"),
    "min": ("axis", "keepdims", "initial"), "amax": ("axis", "keepdims"), "amin": ("axis", "keepdims"),
    "prod": ("axis", "keepdims", "dtype"), "std": ("axis", "keepdims"), "var": ("axis", "keepdims"),
    "any": ("axis", "keepdims"), "all": ("axis", "keepdims"), "argmax": ("axis", "keepdims"),
    "argmin": ("axis", "keepdims"), "logsumexp": ("axis", "keepdims"), "median": ("axis", "keepdims"),
    "ptp": ("axis", "keepdims"),
    **{f"nan{n}": ("axis", "keepdims") for n in ("argmax", "argmin", "max", "mean", "median", "min", "prod",
                                                 "std", "sum", "var")},
}


@rule(*(f"ops.{n}" for n in _REDUCTIONS), params=("x", "axis", "keepdims"), multi_input=True)
@rule("ops.count_nonzero", params=("x", "axis"), multi_input=True)
def reduction(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    axis = _raw(call, "axis", None)
    return repeated_axes(call, axis, shape, reduce_shape(call, shape, axis, bool(_raw(call, "keepdims", False))))


@rule("ops.norm", params=("x", "ord", "axis", "keepdims"), multi_input=True)
def norm(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    ord_ = _raw(call, "ord", None)
    axis = _raw(call, "axis", None)
    if isinstance(ord_, str) and ord_ not in ("fro", "nuc"):
        raise _bad(call, "ord", ord_, "'fro', 'nuc' or a number")
    n = len(shape) if axis is None else (len(axis) if isinstance(axis, (list, tuple)) else 1)
    if n == 1 and isinstance(ord_, str):
        raise _bad(call, "ord", ord_, "a number for a vector norm")
    if n == 2 and ord_ not in (None, "fro", "nuc", float("inf"), float("-inf"), 1, -1, 2, -2):
        raise _bad(call, "ord", ord_, "None, 'fro', 'nuc', inf, -inf, 1, -1, 2 or -2 for a matrix norm")
    return repeated_axes(call, axis, shape, reduce_shape(call, shape, axis, bool(_raw(call, "keepdims", False))))


@rule("ops.quantile", "ops.percentile", "ops.nanquantile", "ops.nanpercentile",
      params=("x", "q", "axis", "method", "keepdims"), multi_input=True)
def quantile(call: LayerCall, inputs):
    shape = reduce_shape(call, tensor(call, "x", inputs), _raw(call, "axis", None),
                         bool(_raw(call, "keepdims", False)))
    q = call.args.get("q")
    if isinstance(q, (TensorArg, ConstTensor)):
        q_shape = tensor(call, "q", inputs)
        return (q_shape[0], *shape) if q_shape else shape
    q = _raw(call, "q")
    if isinstance(q, (list, tuple)) and (len(q) > 1 or call.type == "ops.percentile"):
        return (len(q), *shape)
    return shape


@rule("ops.moments", params=("x", "axes", "keepdims", "synchronized"), multi_input=True)
def moments(call: LayerCall, inputs):
    x = tensor(call, "x", inputs)
    shape = reduce_shape(call, x, _raw(call, "axes"), bool(_raw(call, "keepdims", False)), name="axes")
    return repeated_axes(call, _raw(call, "axes"), x, [shape, shape], name="axes")


@rule("ops.average", params=("x", "axis", "weights"), multi_input=True)
def average(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    axis = _raw(call, "axis", None)
    weights = call.args.get("weights")
    if weights is not None:
        w = tensor(call, "weights", inputs)
        same = len(w) == len(shape) and not any(_conflict(a, b) for a, b in zip(shape, w))
        if axis is None and not same:
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: weights {format_shape(w)} must have the shape of "
                                                   f"x {format_shape(shape)} when axis=None")
        if axis is not None:
            on_axis = len(w) == 1 and not _conflict(shape[axis], w[0])
            if not (same or on_axis):
                raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}(axis={axis}): weights {format_shape(w)} must "
                                                       f"have x's shape {format_shape(shape)} or its size on the axis")
    if axis is None:
        return ()
    return reduce_shape(call, shape, [axis], False)


@rule("ops.cumsum", "ops.cumprod", "ops.nancumsum", "ops.nancumprod", params=("x", "axis", "dtype"),
      multi_input=True)
@rule("ops.sort", "ops.argsort", params=("x", "axis"), multi_input=True)
def along_axis(call: LayerCall, inputs):
    """Same shape along an axis; ``axis=None`` flattens (cumsum's default, sort's when asked)."""
    shape = tensor(call, "x", inputs)
    default = -1 if call.type in ("ops.sort", "ops.argsort") else None
    axis = _raw(call, "axis", default)
    if axis is None:
        return (_flat_size(shape),)
    canonical_axis(call, "axis", axis, shape)
    return shape


# ----------------------------------------------------------------------------- shape manipulation

@rule("ops.reshape", params=("x", "newshape"), multi_input=True)
def reshape(call: LayerCall, inputs):
    return _reshape(call, tensor(call, "x", inputs), _shape_value(call, "newshape"), "newshape")


@rule("ops.ravel", params=("x",), multi_input=True)
def ravel(call: LayerCall, inputs):
    return (_flat_size(tensor(call, "x", inputs)),)


@rule("ops.transpose", params=("x", "axes"), multi_input=True)
def transpose(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    axes = _raw(call, "axes", None)
    if axes is None:
        return tuple(reversed(shape))
    if not isinstance(axes, (list, tuple)):
        raise _bad(call, "axes", axes, "a permutation of the axes")
    if len(axes) != len(shape):
        raise ShapeProblem(RANK, f"{call.label}(axes={_tuple_text(axes)}) on input {format_shape(shape)}: "
                                 f"{len(axes)} axes for a tensor of rank {len(shape)}")
    norm_axes = [canonical_axis(call, "axes", a, shape) for a in axes]
    if len(set(norm_axes)) != len(shape):
        raise _bad(call, "axes", tuple(axes), "a permutation of the axes (no duplicates)")
    return tuple(shape[a] for a in norm_axes)


@rule("ops.swapaxes", params=("x", "axis1", "axis2"), multi_input=True)
def swapaxes(call: LayerCall, inputs):
    shape = list(tensor(call, "x", inputs))
    a = canonical_axis(call, "axis1", _raw(call, "axis1"), shape)
    b = canonical_axis(call, "axis2", _raw(call, "axis2"), shape)
    shape[a], shape[b] = shape[b], shape[a]
    return tuple(shape)


@rule("ops.moveaxis", params=("x", "source", "destination"), multi_input=True)
def moveaxis(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    source, dest = _raw(call, "source"), _raw(call, "destination")
    source = [source] if isinstance(source, int) else list(source)
    dest = [dest] if isinstance(dest, int) else list(dest)
    if len(source) != len(dest):
        raise _bad(call, "destination", dest, f"as many axes as source={source}")
    ndim = len(shape)
    sources = [canonical_axis(call, "source", a, shape) for a in source]
    dests = [canonical_axis(call, "destination", a, shape) for a in dest]
    rest = [d for i, d in enumerate(shape) if i not in sources]
    out: list = [_MISSING] * ndim
    for s, d in zip(sources, dests):
        out[d] = shape[s]
    it = iter(rest)
    return tuple(next(it) if d is _MISSING else d for d in out)


@rule("ops.expand_dims", params=("x", "axis"), multi_input=True)
def expand_dims(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    axis = _raw(call, "axis", _MISSING)
    if axis is _MISSING:
        raise Unresolved("axis")
    if not isinstance(axis, (int, list, tuple)) or isinstance(axis, bool):
        raise _bad(call, "axis", axis, "an integer, tuple or list")
    axes = list(axis) if isinstance(axis, (list, tuple)) else [axis]
    out_ndim = len(axes) + len(shape)
    axes = [canonical_axis(call, "axis", a, shape, out_ndim) for a in axes]
    it = iter(shape)
    return tuple(1 if i in axes else next(it) for i in range(out_ndim))


@rule("ops.squeeze", params=("x", "axis"), multi_input=True)
def squeeze(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    axis = _raw(call, "axis", None)
    if axis is None:
        if any(isinstance(d, Symbol) for d in shape):
            raise Unresolved("x")  # a symbolic size may be 1: the rank is unknown
        return tuple(d for d in shape if d != 1)
    axes = list(axis) if isinstance(axis, (list, tuple)) else [axis]
    axes = [canonical_axis(call, "axis", a, shape) for a in axes]
    for a in axes:
        if shape[a] != 1 and not isinstance(shape[a], Symbol):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={axis}) on input {format_shape(shape)}: "
                                                 f"cannot squeeze axis {a}, its size is {shape[a]}, not 1")
    return tuple(d for i, d in enumerate(shape) if i not in axes)


def _concat(call: LayerCall, shapes: list[Shape], axis: int, name: str = "axis") -> Shape:
    first = shapes[0]
    for s in shapes[1:]:
        if len(s) != len(first) or any(_conflict(a, b) for i, (a, b) in enumerate(zip(s, first)) if i != axis):
            raise ShapeProblem(
                INCOMPATIBLE_MERGE,
                f"{call.label}({name}={_raw(call, name, axis) if call.has(name) else axis}): shapes "
                f"{', '.join(format_shape(x) for x in shapes)} must match except on the axis")
    out = list(first)
    out[axis] = _sum_dims(s[axis] for s in shapes)
    return tuple(out)


@rule("ops.concatenate", params=("xs", "axis"), multi_input=True)
def concatenate(call: LayerCall, inputs):
    shapes = tensor_list(call, "xs", inputs)
    axis = _raw(call, "axis", 0)
    if axis is None:
        raise _bad(call, "axis", None, "an integer axis")
    return _concat(call, shapes, canonical_axis(call, "axis", axis, shapes[0]))


@rule("ops.hstack", "ops.vstack", params=("xs",), multi_input=True)
def hvstack(call: LayerCall, inputs):
    shapes = tensor_list(call, "xs", inputs)
    axis = 0 if call.type == "ops.vstack" else 1
    if len(shapes[0]) <= axis:
        raise ShapeProblem(RANK, f"{call.label}: inputs {format_shape(shapes[0])} have no axis {axis}")
    return _concat(call, shapes, axis)


@rule("ops.append", params=("x1", "x2", "axis"), multi_input=True)
def append(call: LayerCall, inputs):
    a, b = tensor(call, "x1", inputs), tensor(call, "x2", inputs)
    axis = _raw(call, "axis", None)
    if axis is None:
        x, y = _flat_size(a), _flat_size(b)
        return (None if x is None or y is None else dim_add(x, y),)
    return _concat(call, [a, b], canonical_axis(call, "axis", axis, a))


@rule("ops.stack", params=("x", "axis"), multi_input=True)
def stack(call: LayerCall, inputs):
    shapes = tensor_list(call, "x", inputs)
    first = shapes[0]
    axis = canonical_axis(call, "axis", _raw(call, "axis", 0), first, len(first) + 1)
    for s in shapes[1:]:
        if len(s) != len(first) or any(_conflict(a, b) for a, b in zip(s, first)):
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: shapes {', '.join(format_shape(x) for x in shapes)} "
                                                   f"must all be the same")
    out = list(first)
    out.insert(axis, len(shapes))
    return tuple(out)


def _split(call: LayerCall, shape: Shape, sections, axis: int) -> list[Shape]:
    """``_compute_split_output_spec``."""
    size = shape[axis]
    out = []
    if isinstance(sections, int) and not isinstance(sections, bool):
        if sections <= 0:
            raise _bad(call, "indices_or_sections", sections, "a positive number of sections")
        if is_known(size):
            if size % sections:
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(indices_or_sections={sections}) on input "
                                                     f"{format_shape(shape)}: size {size} on axis {axis} cannot "
                                                     f"be split into {sections} equal sections")
            piece: Dim = size // sections
        else:
            piece = None
        return [tuple(piece if i == axis else d for i, d in enumerate(shape)) for _ in range(sections)]
    bounds = [0, *sections, size]
    for start, end in zip(bounds, bounds[1:]):
        length = None if start is None or end is None else dim_sub(end, start)
        out.append(tuple(length if i == axis else d for i, d in enumerate(shape)))
    return out


@rule("ops.split", params=("x", "indices_or_sections", "axis"), multi_input=True)
def split(call: LayerCall, inputs):
    """``sizes``: tf.split's ``num_or_size_splits`` given as a list of sizes (one may be -1)."""
    shape = tensor(call, "x", inputs)
    axis = canonical_axis(call, "axis", _raw(call, "axis", 0), shape)
    if "sizes" in call.args:
        sizes = _raw(call, "sizes")
        if isinstance(sizes, int) and not isinstance(sizes, bool):
            return _split(call, shape, sizes, axis)
        if not isinstance(sizes, (list, tuple)) or not all(isinstance(s, int) for s in sizes):
            raise Unresolved("sizes")
        sizes = list(sizes)
        total = shape[axis]
        if sizes.count(-1) == 1:
            if not is_known(total):
                return [tuple((None if s == -1 else s) if i == axis else d for i, d in enumerate(shape))
                        for s in sizes]
            sizes[sizes.index(-1)] = total - sum(s for s in sizes if s != -1)
        if is_known(total) and sum(sizes) != total or any(s < 0 for s in sizes):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(num_or_size_splits={list(_raw(call, 'sizes'))}) on "
                                                 f"input {format_shape(shape)}: sizes must add up to {total}")
        return [tuple(s if i == axis else d for i, d in enumerate(shape)) for s in sizes]
    sections = _raw(call, "indices_or_sections")
    if not isinstance(sections, int) and not (isinstance(sections, (list, tuple))
                                              and all(isinstance(s, int) for s in sections)):
        raise Unresolved("indices_or_sections")
    return _split(call, shape, sections if isinstance(sections, int) else tuple(sections), axis)


@rule("ops.array_split", params=("x", "indices_or_sections", "axis"), multi_input=True)
def array_split(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    n = _int(call, "indices_or_sections")
    if n is None or n <= 0:
        raise _bad(call, "indices_or_sections", n, "a positive integer")
    axis = canonical_axis(call, "axis", _raw(call, "axis", 0), shape)
    size = shape[axis]
    if not is_known(size):
        return [tuple(None if i == axis else d for i, d in enumerate(shape)) for _ in range(n)]
    q, r = divmod(size, n)
    return [tuple((q + (k < r)) if i == axis else d for i, d in enumerate(shape)) for k in range(n)]


@rule("ops.unstack", params=("x", "num", "axis"), multi_input=True)
def unstack(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    axis = canonical_axis(call, "axis", _raw(call, "axis", 0), shape)
    num = _int(call, "num", None)
    if num is None:
        num = shape[axis]
    if num is None:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={_raw(call, 'axis', 0)}) on input "
                                             f"{format_shape(shape)}: the number of outputs is unknown; pass num=")
    if not is_known(num):
        raise Unresolved("num")
    rest = tuple(d for i, d in enumerate(shape) if i != axis)
    return [rest for _ in range(num)]


@rule("ops.tile", params=("x", "repeats"), multi_input=True)
def tile(call: LayerCall, inputs):
    shape = list(tensor(call, "x", inputs))
    repeats = call.args.get("repeats")
    if not isinstance(repeats, (int, list, tuple)) or isinstance(repeats, bool):
        raise Unresolved("repeats")
    repeats = [repeats] if isinstance(repeats, int) else list(repeats)
    # None: a run-time count such as tf.shape(x)[0] (tile to the batch size); that axis is then unknown.  A named
    # size (a symbol) multiplies the axis by that name.
    if not all((isinstance(r, (int, Symbol)) and not isinstance(r, bool)) or r is None for r in repeats):
        raise Unresolved("repeats")
    if len(shape) > len(repeats):
        repeats = [1] * (len(shape) - len(repeats)) + repeats
    else:
        shape = [1] * (len(repeats) - len(shape)) + shape
    out = tuple(dim_mul(d, r) if d is not None and r is not None else None for d, r in zip(shape, repeats))
    if any(is_known(d) and d < 0 for d in out):  # KerasTensor: "Negative dimensions are not allowed"
        raise _bad(call, "repeats", _raw(call, "repeats"), f"no negative count (output {format_shape(out)})")
    return out


@rule("ops.repeat", params=("x", "repeats", "axis"), multi_input=True)
def repeat(call: LayerCall, inputs):
    shape = list(tensor(call, "x", inputs))
    if "repeats" in call.args and call.args["repeats"] is None:
        repeats = [None]  # a run-time count (ops.shape(x)[0]: repeat a class token to the batch size)
    else:
        repeats = _raw(call, "repeats")
        repeats = [repeats] if isinstance(repeats, int) else list(repeats)
        if not all(isinstance(r, int) for r in repeats):
            raise Unresolved("repeats")
    axis = _raw(call, "axis", None)
    if repeats == [None]:
        if axis is None:
            return (None,)
        shape[canonical_axis(call, "axis", axis, shape)] = None
        return tuple(shape)
    if axis is None:
        if None in shape:
            return (None,)
        flat = dim_product(shape)
        if len(repeats) == 1:
            return (dim_mul(flat, repeats[0]),)
        if _conflict(flat, len(repeats)):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: {len(repeats)} repeats for {flat} elements")
        return (sum(repeats),)
    axis_ = canonical_axis(call, "axis", axis, shape)
    size = shape[axis_]
    if size is None:
        return tuple(shape)
    if len(repeats) == 1:
        shape[axis_] = dim_mul(size, repeats[0])
    elif _conflict(size, len(repeats)):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={axis}) on input {format_shape(tuple(shape))}: "
                                             f"{len(repeats)} repeats for size {size}")
    else:
        shape[axis_] = sum(repeats)
    return tuple(shape)


@rule("ops.broadcast_to", params=("x", "shape"), multi_input=True)
def broadcast_to(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    if isinstance(call.args.get("shape"), int):
        raise _bad(call, "shape", call.args["shape"], f"a tuple, such as ({call.args['shape']},)")
    target = _shape_value(call, "shape")
    broadcast(call, shape, target)
    if len(shape) > len(target):
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: {format_shape(shape)} cannot be broadcast to the "
                                               f"lower rank {_tuple_text(target)}", severity="warning",
                           output=target)
    return target


@rule("ops.pad", params=("x", "pad_width", "mode", "constant_values"), multi_input=True)
def pad(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    width = _raw(call, "pad_width")
    if isinstance(width, int):
        pairs = [(width, width)]
    elif isinstance(width, (list, tuple)) and width and isinstance(width[0], int):
        pairs = [tuple(width)]
    elif isinstance(width, (list, tuple)) and width:
        pairs = []
        for pw in width:
            if not isinstance(pw, (list, tuple)) or not all(isinstance(v, int) for v in pw):
                raise Unresolved("pad_width")
            pairs.append((pw[0], pw[0]) if len(pw) == 1 else tuple(pw))
        if len({len(pw) for pw in width}) != 1:
            raise _bad(call, "pad_width", width, "pairs of the same length")
    else:
        raise Unresolved("pad_width")
    if len(pairs) == 1:
        pairs = pairs * len(shape)
    elif len(pairs) != len(shape):
        raise ShapeProblem(RANK, f"{call.label}(pad_width={width!r}) on input {format_shape(shape)}: "
                                 f"{len(pairs)} pairs for a tensor of rank {len(shape)}")
    if any(len(p) != 2 for p in pairs):
        raise _bad(call, "pad_width", width, "(before, after) pairs")
    return tuple(None if d is None else dim_add(d, a + b) for d, (a, b) in zip(shape, pairs))


@rule("ops.diff", params=("a", "n", "axis"), multi_input=True)
def diff(call: LayerCall, inputs):
    shape = list(tensor(call, "a", inputs))
    n = _int(call, "n", 1)
    axis = canonical_axis(call, "axis", _raw(call, "axis", -1), shape)
    if is_known(shape[axis]):
        shape[axis] = max(shape[axis] - n, 0)
    elif isinstance(shape[axis], Symbol):
        shape[axis] = None
    return tuple(shape)


@rule("ops.one_hot", params=("x", "num_classes", "axis", "dtype", "sparse"), multi_input=True)
def one_hot(call: LayerCall, inputs):
    shape = list(tensor(call, "x", inputs))
    n = _int(call, "num_classes", allow_symbol=True)
    axis = _raw(call, "axis", -1)
    if axis == -1:
        shape.append(n)
    elif isinstance(axis, int) and 0 <= axis < len(shape):
        shape.insert(axis, n)
    else:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={axis}) on input {format_shape(tuple(shape))}: "
                                             f"axis must be -1 or in [0, {len(shape)})")
    return tuple(shape)


@rule("ops.multi_hot", params=("inputs", "num_classes", "axis", "dtype", "sparse"), multi_input=True)
def multi_hot(call: LayerCall, inputs):
    shape = one_hot(LayerCall(call.type, {**call.args, "x": call.args.get("inputs")}, call.label), inputs)
    return (shape[-1],) if len(shape) == 2 else (shape[0], *shape[2:])


# ----------------------------------------------------------------------------- products

def _matmul(call: LayerCall, a: Shape, b: Shape) -> Shape:
    """``compute_matmul_output_shape``."""
    a_1d, b_1d = len(a) == 1, len(b) == 1
    if not a or not b:
        raise ShapeProblem(RANK, f"{call.label}: shapes {format_shape(a)} and {format_shape(b)}: matmul needs "
                                 f"tensors of rank >= 1")
    a = (1, a[0]) if a_1d else a
    b = (b[0], 1) if b_1d else b
    if _conflict(a[-1], b[-2]):
        raise ShapeProblem(INCOMPATIBLE_MERGE,
                           f"{call.label}: shapes {format_shape(a)} and {format_shape(b)} cannot be multiplied "
                           f"(inner dimensions {a[-1]} != {b[-2]})")
    out = list(broadcast(call, a[:-2], b[:-2])) + [a[-2], b[-1]]
    if a_1d:
        del out[-2]
    if b_1d:
        del out[-1]
    return tuple(out)


def _transposed(shape: Shape) -> Shape:
    return shape if len(shape) < 2 else (*shape[:-2], shape[-1], shape[-2])


@rule("ops.matmul", params=("x1", "x2"), multi_input=True)
def matmul(call: LayerCall, inputs):
    """Also tf.matmul's ``transpose_a/b`` and ``adjoint_a/b`` (swap the last two axes first)."""
    a, b = tensor(call, "x1", inputs), tensor(call, "x2", inputs)
    if _raw(call, "transpose_a", False) or _raw(call, "adjoint_a", False):
        a = _transposed(a)
    if _raw(call, "transpose_b", False) or _raw(call, "adjoint_b", False):
        b = _transposed(b)
    return _matmul(call, a, b)


@rule("ops.dot", params=("x1", "x2"), multi_input=True)
def dot(call: LayerCall, inputs):
    a, b = tensor(call, "x1", inputs), tensor(call, "x2", inputs)
    if not a or not b:
        return broadcast(call, a, b)
    if len(a) == 1 and len(b) == 1:
        if _conflict(a[0], b[0]):
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: shapes {format_shape(a)} and {format_shape(b)} "
                                                   f"have different lengths", severity="warning", output=())
        return ()
    if len(b) == 1:
        if a[-1] != b[0] and not (isinstance(a[-1], Symbol) or isinstance(b[0], Symbol)):
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: shapes {format_shape(a)} and {format_shape(b)}: "
                                                   f"the last axes must match")
        return a[:-1]
    if _conflict(a[-1], b[-2]):
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: shapes {format_shape(a)} and {format_shape(b)}: last "
                                               f"axis of x1 ({a[-1]}) != second-to-last axis of x2 ({b[-2]})")
    return (*a[:-1], *b[:-2], b[-1])


@rule("ops.tensordot", params=("x1", "x2", "axes"), multi_input=True)
def tensordot(call: LayerCall, inputs):
    a, b = tensor(call, "x1", inputs), tensor(call, "x2", inputs)
    axes = _raw(call, "axes", 2)
    if isinstance(axes, int) and not isinstance(axes, bool):
        out = (*a, *b) if axes <= 0 else (*a[:len(a) - axes], *b[axes:])
        if axes > 0:
            left, right = a[len(a) - axes:], b[:axes]
            if len(left) != axes or len(right) != axes or any(_conflict(x, y) for x, y in zip(left, right)):
                raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}(axes={axes}): shapes {format_shape(a)} and "
                                                       f"{format_shape(b)} do not match on the contracted axes",
                                   severity="warning", output=out)
        return out
    if not (isinstance(axes, (list, tuple)) and len(axes) == 2):
        raise Unresolved("axes")
    if not all(isinstance(x, (list, tuple)) for x in axes):
        raise _bad(call, "axes", axes, "an integer or two sequences of axes")
    ax1, ax2 = (list(x) for x in axes)
    try:
        sel1, sel2 = [a[i] for i in ax1], [b[i] for i in ax2]
    except IndexError:
        raise _bad(call, "axes", axes, "axes that exist in both inputs") from None
    if len(sel1) != len(sel2) or any(_conflict(x, y) for x, y in zip(sel1, sel2)):
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}(axes={axes!r}): shapes {format_shape(a)} and "
                                               f"{format_shape(b)} do not match on the contracted axes")
    drop1 = {i % len(a) for i in ax1}
    drop2 = {i % len(b) for i in ax2}
    return (*(d for i, d in enumerate(a) if i not in drop1), *(d for i, d in enumerate(b) if i not in drop2))


@rule("ops.inner", params=("x1", "x2"), multi_input=True)
def inner(call: LayerCall, inputs):
    a, b = tensor(call, "x1", inputs), tensor(call, "x2", inputs)
    if not a:
        return b
    if not b:
        return a
    if _conflict(a[-1], b[-1]):
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: shapes {format_shape(a)} and {format_shape(b)}: the "
                                               f"last dimensions must match")
    return (*a[:-1], *b[:-1])


@rule("ops.outer", params=("x1", "x2"), multi_input=True)
def outer(call: LayerCall, inputs):
    return (_flat_size(tensor(call, "x1", inputs)), _flat_size(tensor(call, "x2", inputs)))


@rule("ops.kron", params=("x1", "x2"), multi_input=True)
def kron(call: LayerCall, inputs):
    a, b = tensor(call, "x1", inputs), tensor(call, "x2", inputs)
    return tuple(None if x is None or y is None else dim_mul(x, y) for x, y in zip(a, b))


@rule("ops.einsum", params=("subscripts", "operands"), multi_input=True)
def einsum(call: LayerCall, inputs):
    """``Einsum.compute_output_spec``: each operand is mapped onto the output spec, then broadcast."""
    subscripts = _raw(call, "subscripts")
    if not isinstance(subscripts, str):
        raise Unresolved("subscripts")
    operands = tensor_list(call, "operands", inputs)
    parts = subscripts.replace(" ", "").split("->")
    if len(parts) > 2:
        raise _bad(call, "subscripts", subscripts, "at most one '->'")
    lhs, output_spec = parts[0], (parts[1] if len(parts) == 2 else None)
    specs = lhs.split(",")
    if len(specs) != len(operands):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({subscripts!r}): {len(operands)} operands for "
                                             f"{len(specs)} input specs")
    counts: dict[str, int] = {}
    for s in lhs:
        if s.isalpha():
            counts[s] = counts.get(s, 0) + 1
    if output_spec is None:
        kept = sorted(s for s, c in counts.items() if c == 1)
        target = "..." + "".join(kept)
    else:
        target = output_spec
    target_tokens = _einsum_tokens(target)
    for tok in target_tokens:
        # Keras writes each operand's sizes over the output spec's letters, 1 over the other a-z, then int()s
        # what is left: any other character fails the build.  TensorFlow's own einsum (tf.einsum, traced by the
        # TensorFlow backend) takes upper-case letters as any other.
        if tok != "..." and not ("a" <= tok <= "z") and not all(tok in spec for spec in specs) \
                and not (call.args.get("tf_function") and tok.isalpha()):
            raise _bad(call, "subscripts", subscripts, f"subscript letters in the output, not {tok!r}")
    expanded = []
    sizes: dict[str, list] = {}
    for shape, spec in zip(operands, specs):
        head, sep, tail = spec.partition("...")
        letters: dict[str, Dim] = {}
        if not sep:
            if len(shape) != len(spec):
                raise ShapeProblem(RANK, f"{call.label}({subscripts!r}): subscript {spec!r} has {len(spec)} "
                                         f"dimensions but the operand is {format_shape(shape)}")
            wildcard: tuple = ()
            for s, d in zip(spec, shape):
                letters.setdefault(s, d)
                sizes.setdefault(s, []).append(d)
        else:
            for s, d in zip(head, shape):
                letters.setdefault(s, d)
                sizes.setdefault(s, []).append(d)
            for i in range(len(tail)):
                letters.setdefault(tail[-i - 1], shape[-i - 1])
                sizes.setdefault(tail[-i - 1], []).append(shape[-i - 1])
            wildcard = tuple(shape[len(head):len(shape) - len(tail)])
        out = []
        for tok in target_tokens:
            if tok == "...":
                out.extend(wildcard)
            else:
                out.append(letters.get(tok, 1))
        expanded.append(tuple(out))
    result = broadcast(call, *expanded)
    if output_spec is not None:
        absent = [s for s in target_tokens if s != "..." and s not in lhs]
        twice = sorted({s for s in target_tokens if s != "..." and target_tokens.count(s) > 1})
        if absent or twice:
            what = (f"output subscript {absent[0]!r} is in no input" if absent
                    else f"output subscript {twice[0]!r} appears twice")
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({subscripts!r}): {what}; Keras builds the op (as "
                                                 f"size 1) but the einsum fails when it runs",
                               severity="warning", output=result,
                               hint="name each output axis once, with a letter of the inputs")
    for letter, dims in sizes.items():
        known = {d for d in dims if is_known(d) and d != 1}
        if len(known) > 1:
            # keras.ops.einsum builds and fails when it runs; TensorFlow's checks the sizes as it is traced
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}({subscripts!r}): operands "
                                                   f"{', '.join(format_shape(s) for s in operands)} give "
                                                   f"{letter!r} the sizes {sorted(known)}",
                               severity="error" if call.args.get("tf_function") else "warning", output=result)
    return result


def _einsum_tokens(spec: str) -> list[str]:
    head, sep, tail = spec.partition("...")
    return list(head) + (["..."] if sep else []) + list(tail)


# ----------------------------------------------------------------------------- indexing

@rule("ops.getitem", "ops.get_item", params=("x", "key"), multi_input=True)
def getitem(call: LayerCall, inputs):
    """``GetItem.compute_output_spec``: ints, slices, Ellipsis and None (newaxis)."""
    shape = tensor(call, "x", inputs)
    key = call.args.get("key", _MISSING)
    if key is _MISSING or key is UNKNOWN or isinstance(key, (TensorArg, ConstTensor)):
        raise Unresolved("key")
    if isinstance(key, (int, slice, Symbol)) or key is Ellipsis or key is None:
        items = [key]
    elif isinstance(key, (tuple, list)):
        items = list(key)
    else:
        raise Unresolved("key")
    for k in items:
        if k is UNKNOWN or isinstance(k, (TensorArg, ConstTensor, list)):
            raise Unresolved("key")
        if isinstance(k, bool) or not (k is None or k is Ellipsis or isinstance(k, (int, slice, Symbol))):
            raise Unresolved("key")
    if items.count(Ellipsis) > 1:
        raise _bad(call, "key", key, "at most one Ellipsis")
    if Ellipsis not in items:
        items.append(Ellipsis)
    remaining = list(shape)
    out: list = []
    while items:
        k = items.pop(0)
        if k is Ellipsis:
            needed = len(items) - items.count(None)
            consumed = len(remaining) - needed
            if consumed < 0:
                raise ShapeProblem(RANK, f"{call.label}: too many indices for a tensor of shape "
                                         f"{format_shape(shape)}")
            out += remaining[:consumed]
            remaining = remaining[consumed:]
            continue
        if k is None:
            out.append(1)
            continue
        if not remaining:
            raise ShapeProblem(RANK, f"{call.label}: too many indices for a tensor of shape {format_shape(shape)}")
        length = remaining.pop(0)
        if isinstance(k, Symbol):
            continue
        if isinstance(k, int):
            if is_known(length):
                index = k if k >= 0 else k + length
                if not 0 <= index < length:
                    raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: index {k} is out of bounds for axis "
                                                         f"{len(shape) - len(remaining) - 1} of size {length} "
                                                         f"(shape {format_shape(shape)})")
            continue
        out.append(_slice_length(k, length))
    return tuple(out)


def _slice_length(k: slice, length: Dim) -> Dim:
    parts = (k.start, k.stop, k.step)
    if any(p is UNKNOWN or isinstance(p, Symbol) for p in parts):
        return None
    if not all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts):
        return None
    if is_known(length):
        return len(range(*k.indices(length)))
    if length is None:
        return None
    # A symbolic length: x[a:] and x[:] of n are known symbolically, the rest is unknown.
    if k.step in (None, 1) and k.stop is None and (k.start is None or k.start >= 0):
        return dim_sub(length, k.start or 0)
    return None


@rule("ops.take", params=("x", "indices", "axis"), multi_input=True)
def take(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    indices = tensor(call, "indices", inputs)
    axis = _raw(call, "axis", None)
    if _raw(call, "batch_dims", 0):
        raise Unresolved("batch_dims")
    if axis is None:
        return indices
    a = canonical_axis(call, "axis", axis, shape)
    return (*shape[:a], *indices, *shape[a + 1:])


@rule("ops.take_along_axis", params=("x", "indices", "axis"), multi_input=True)
def take_along_axis(call: LayerCall, inputs):
    shape = list(tensor(call, "x", inputs))
    indices = list(tensor(call, "indices", inputs))
    axis = _raw(call, "axis", None)
    if axis is None:
        shape = [_flat_size(tuple(shape))]
    if len(shape) != len(indices):
        raise ShapeProblem(RANK, f"{call.label}: x {format_shape(tuple(shape))} and indices "
                                 f"{format_shape(tuple(indices))} must have the same rank")
    a = 0 if axis is None else canonical_axis(call, "axis", axis, tuple(shape))
    shape[a] = indices[a]
    return broadcast(call, tuple(shape), tuple(indices))


@rule("ops.slice", params=("inputs", "start_indices", "shape"), multi_input=True)
def slice_(call: LayerCall, inputs):
    x = tensor(call, "inputs", inputs)
    size = _shape_value(call, "shape")
    starts = call.args.get("start_indices")
    if len(size) != len(x):
        raise ShapeProblem(RANK, f"{call.label}(shape={_tuple_text(size)}) on input {format_shape(x)}: "
                                 f"{len(size)} sizes for a tensor of rank {len(x)}")
    if isinstance(starts, (list, tuple)) and len(starts) != len(x):
        raise ShapeProblem(RANK, f"{call.label}(start_indices={list(starts)}) on input {format_shape(x)}: "
                                 f"{len(starts)} starts for a tensor of rank {len(x)}")
    out = []
    for i, (d, s) in enumerate(zip(x, size)):
        if s != -1:
            out.append(s)
        elif not isinstance(starts, (list, tuple)) or d is None or not isinstance(starts[i], int):
            out.append(None)
        else:
            out.append(dim_sub(d, starts[i]))
    return tuple(out)


@rule("ops.top_k", params=("x", "k", "sorted"), multi_input=True)
def top_k(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    k = _int(call, "k", 1, allow_symbol=True)
    if not shape:
        raise ShapeProblem(RANK, f"{call.label}: input {format_shape(shape)} has no last axis")
    out = (*shape[:-1], k)
    if is_known(shape[-1]) and is_known(k) and k > shape[-1]:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(k={k}) on input {format_shape(shape)}: k is larger than "
                                             f"the last axis", severity="warning", output=[out, out])
    return [out, out]


@rule("ops.trace", params=("x", "offset", "axis1", "axis2"), multi_input=True)
def trace(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    a = canonical_axis(call, "axis1", _raw(call, "axis1", 0), shape)
    b = canonical_axis(call, "axis2", _raw(call, "axis2", 1), shape)
    if a == b:
        raise _bad(call, "axis2", b, "an axis different from axis1")
    return tuple(d for i, d in enumerate(shape) if i not in (a, b))


@rule("ops.diagonal", params=("x", "offset", "axis1", "axis2"), multi_input=True)
def diagonal(call: LayerCall, inputs):
    shape = tensor(call, "x", inputs)
    if len(shape) < 2:
        raise ShapeProblem(RANK, f"{call.label}: input {format_shape(shape)} has fewer than 2 dimensions")
    offset = _int(call, "offset", 0)
    a = canonical_axis(call, "axis1", _raw(call, "axis1", 0), shape)
    b = canonical_axis(call, "axis2", _raw(call, "axis2", 1), shape)
    if a == b:
        raise _bad(call, "axis2", b, "an axis different from axis1")
    rest = tuple(d for i, d in enumerate(shape) if i not in (a, b))
    h, w = shape[a], shape[b]
    if not (is_known(h) and is_known(w)):
        return (*rest, None)
    remaining = w - offset if offset > 0 else h + offset
    return (*rest, max(0, min(remaining, min(h, w))))


# ----------------------------------------------------------------------------- images

@rule("ops.image.resize", params=("images", "size", "interpolation", "antialias", "crop_to_aspect_ratio",
                                  "pad_to_aspect_ratio", "fill_mode", "fill_value", "data_format"),
      multi_input=True)
def image_resize(call: LayerCall, inputs):
    shape = list(tensor(call, "images", inputs))
    size = _raw(call, "size")
    if not isinstance(size, (list, tuple)) or len(size) != 2:
        raise _bad(call, "size", size, "(height, width)")
    if len(shape) not in (3, 4):
        raise ShapeProblem(RANK, f"{call.label} needs images (batch, height, width, channels) or (height, width, "
                                 f"channels) but gets {format_shape(tuple(shape))}")
    data_format = _raw(call, "data_format", None) or "channels_last"
    h, w = (-3, -2) if data_format == "channels_last" else (-2, -1)
    shape[h], shape[w] = size[0], size[1]
    return tuple(shape)


@rule("ops.image.extract_patches", params=("images", "size", "strides", "dilation_rate", "padding", "data_format"),
      multi_input=True)
def extract_patches(call: LayerCall, inputs):
    """keras/src/ops/image.py ExtractPatches.compute_output_spec: a convolution's output shape with
    ``size[0] * size[1] * channels`` filters.  Also ``tf.image.extract_patches`` (sizes ``[1, h, w, 1]``)."""
    from .shape_math import conv_output_shape

    shape = tuple(tensor(call, "images", inputs))
    size = _raw(call, "size")
    size = (size, size) if isinstance(size, int) and not isinstance(size, bool) else size
    strides = _raw(call, "strides", None)
    dilation = _raw(call, "dilation_rate", 1)
    if isinstance(size, (list, tuple)) and len(size) == 4 and size[0] == size[3] == 1:  # TF's [1, h, w, 1]
        size = tuple(size[1:3])
        strides = tuple(strides[1:3]) if isinstance(strides, (list, tuple)) and len(strides) == 4 else strides
        dilation = tuple(dilation[1:3]) if isinstance(dilation, (list, tuple)) and len(dilation) == 4 else dilation
    if not isinstance(size, (list, tuple)) or len(size) not in (2, 3) \
            or not all(isinstance(v, int) and v > 0 for v in size):
        raise _bad(call, "size", size, "an integer or a tuple of 2 (or 3) positive integers")
    n = len(size)
    strides = size if strides is None else (strides,) * n if isinstance(strides, int) else tuple(strides)
    dilation = (dilation,) * n if isinstance(dilation, int) else tuple(dilation)
    padding = str(_raw(call, "padding", "valid")).lower()
    data_format = _raw(call, "data_format", None) or "channels_last"
    single = len(shape) == n + 1
    if len(shape) not in (n + 1, n + 2):
        raise ShapeProblem(RANK, f"{call.label}(size={tuple(size)}) needs images of rank {n + 1} or {n + 2} but gets "
                                 f"{format_shape(shape)}")
    batched = (None, *shape) if single else shape
    channels = batched[-1] if data_format == "channels_last" else batched[1]
    filters = dim_product(size) if channels is None else dim_mul(dim_product(size), channels)
    out = conv_output_shape(call, batched, filters if is_known(channels) else None, tuple(size), tuple(strides),
                            padding, data_format, tuple(dilation))
    return tuple(out[1:]) if single else tuple(out)


@rule("ops.fft", "ops.fft2", "ops.ifft2", params=("x",), multi_input=True)
def fft(call: LayerCall, inputs):
    """keras.ops.fft/fft2/ifft2 take and give a (real, imaginary) pair of tensors of one shape."""
    pair = call.args.get("x")
    if not isinstance(pair, (list, tuple)) or len(pair) != 2:
        raise _bad(call, "x", "a tensor", "a tuple (real, imaginary) of two tensors")
    real, imag = (_value_shape(v, inputs, "x") for v in pair)
    if tuple(real) != tuple(imag) and all(is_known(d) for d in (*real[1:], *imag[1:])):
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: the real and imaginary parts must have one shape, "
                                               f"not {format_shape(real)} and {format_shape(imag)}")
    minimum = 2 if call.type == "ops.fft2" or call.type == "ops.ifft2" else 1
    if len(real) < minimum:
        raise ShapeProblem(RANK, f"{call.label} needs inputs of rank >= {minimum} but gets {format_shape(real)}")
    return [tuple(real), tuple(real)]


# ----------------------------------------------------------------------------- images: channels, crops, pads

def _data_format(call: LayerCall) -> str:
    """``standardize_data_format``: None is ``keras.config.image_data_format()`` (``channels_last`` unless set);
    ``tf.nn`` spellings pass ``tf_data_format`` ("NHWC" / "NCHW") instead."""
    if "tf_data_format" in call.args:
        value = _raw(call, "tf_data_format")
        if value == "NCHW_VECT_C":  # TF's int8 layout of rank 5: not modelled
            raise Unresolved("data_format")
        if value not in ("NHWC", "NCHW"):
            raise _bad(call, "data_format", value, "'NHWC' or 'NCHW'")
        return "channels_last" if value == "NHWC" else "channels_first"
    value = _raw(call, "data_format", None)
    if value is None:
        return "channels_last"
    text = str(value).lower()
    if text not in ("channels_last", "channels_first"):
        raise _bad(call, "data_format", value, "'channels_last' or 'channels_first'")
    return text


def _image_rank(call: LayerCall, shape: Shape | list) -> None:
    if len(shape) not in (3, 4):
        raise ShapeProblem(RANK, f"{call.label} needs images (batch, height, width, channels) or (height, width, "
                                 f"channels) but gets {format_shape(tuple(shape))}")


BATCH_KEEPING_OPS.update(("ops.depth_to_space", "ops.space_to_depth"))


@rule("ops.depth_to_space", "ops.space_to_depth", params=("x", "block_size", "data_format"), multi_input=True)
def depth_space(call: LayerCall, inputs):
    """keras/src/ops/nn.py DepthToSpace / SpaceToDepth.compute_output_spec (and ``block_size >= 2``, checked
    before it); also ``tf.nn.depth_to_space`` / ``tf.nn.space_to_depth``, whose TF op checks the same."""
    shape = tensor(call, "x", inputs)
    data_format = _data_format(call)
    block = _int(call, "block_size", allow_symbol=True)
    if block is None or (is_known(block) and block < 2):
        raise _bad(call, "block_size", block, "an integer of at least 2")
    if len(shape) != 4:
        raise ShapeProblem(RANK, f"{call.label} needs a 4-D input (batch, height, width, channels) but gets "
                                 f"{format_shape(shape)}")
    if data_format == "channels_last":
        b, h, w, c = shape
    else:
        b, c, h, w = shape
    square = dim_mul(block, block)
    if call.type == "ops.depth_to_space":
        if is_known(c) and is_known(square) and c % square:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(block_size={block}) on input {format_shape(shape)}: "
                                                 f"{c} channels are not divisible by block_size**2 = {square}")
        c, h, w = dim_floordiv(c, square), dim_mul(h, block), dim_mul(w, block)
    else:
        for name, size in (("height", h), ("width", w)):
            if is_known(size) and is_known(block) and size % block:
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(block_size={block}) on input "
                                                     f"{format_shape(shape)}: {name} {size} is not divisible by "
                                                     f"block_size {block}")
        c, h, w = dim_mul(c, square), dim_floordiv(h, block), dim_floordiv(w, block)
    return (b, h, w, c) if data_format == "channels_last" else (b, c, h, w)


@rule("ops.image.rgb_to_grayscale", params=("images", "data_format"), multi_input=True)
def rgb_to_grayscale(call: LayerCall, inputs):
    """keras/src/ops/image.py RGBToGrayscale.compute_output_spec: 3 (or 1) channels become 1."""
    shape = list(tensor(call, "images", inputs))
    data_format = _data_format(call)
    _image_rank(call, shape)
    axis = -1 if data_format == "channels_last" else -3
    channels = shape[axis]
    if is_known(channels) and channels not in (1, 3):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs 3 (RGB) or 1 (grayscale) channels but gets images "
                                             f"{format_shape(tuple(shape))} ({channels} channels)")
    shape[axis] = 1
    return tuple(shape)


# tf.image.crop_to_bounding_box / pad_to_bounding_box are crop_images / pad_images with these names.
_TF_BOX_NAMES = {"top_cropping": "offset_height", "left_cropping": "offset_width",
                 "top_padding": "offset_height", "left_padding": "offset_width"}


def _box_args(call: LayerCall, what: str) -> tuple[dict, str | None]:
    """crop_images / pad_images' six sizes after ``_validate_{crop,pad}_images_args``: two of (top, bottom,
    target_height), two of (left, right, target_width), none negative.  ``what`` is "cropping" or "padding"."""
    tf_name = call.args.get("tf_function")
    names = (f"top_{what}", f"bottom_{what}", "target_height", f"left_{what}", f"right_{what}", "target_width")
    values = {name: _int(call, name, None, allow_symbol=True) for name in names}

    def shown(name: str) -> str:
        return _TF_BOX_NAMES.get(name, name) if tf_name else name

    for group in (names[:3], names[3:]):
        if [values[n] for n in group].count(None) != 1:
            given = ", ".join(f"{shown(n)}={values[n]}" for n in group)
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: give exactly two of {', '.join(map(shown, group))} "
                                                 f"(got {given})")
    for name in names:
        value = values[name]
        if is_known(value) and value < 0:
            raise _bad(call, shown(name), value, "a size >= 0")
    if tf_name == "crop_to_bounding_box":  # TF: "target_height must be > 0."
        for name in ("target_height", "target_width"):
            if is_known(values[name]) and values[name] <= 0:
                raise _bad(call, name, values[name], "a size > 0")
    return values, tf_name


def _tf_image_dims(call: LayerCall, shape: Shape | list) -> None:
    """TF's ``_CheckAtLeast3DImage``: "inner 3 dims of 'image.shape' must be > 0"."""
    if any(d == 0 for d in shape[-3:] if is_known(d)):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs an image of non-zero height, width and channels "
                                             f"but gets {format_shape(tuple(shape))}")


def _box_message(call: LayerCall, shape: Shape, values: dict, group: tuple, name: str, value: Dim, side: str,
                 size: Dim) -> str:
    """``crop_images(top_cropping=6, target_height=5)`` on a height of 10: bottom_cropping comes to -1."""
    def shown(n: str) -> str:
        return _TF_BOX_NAMES.get(n, n) if call.args.get("tf_function") else n

    given = ", ".join(f"{shown(n)}={values[n]}" for n in group if values[n] is not None)
    return (f"{call.label}({given}) on images {format_shape(tuple(shape))}: the {side} is {size}, so {shown(name)} "
            f"comes to {value}; it must be >= 0")


@rule("ops.image.crop_images", params=("images", "top_cropping", "left_cropping", "bottom_cropping", "right_cropping",
                                       "target_height", "target_width", "data_format"), multi_input=True)
def crop_images(call: LayerCall, inputs):
    """keras/src/ops/image.py CropImages.compute_output_spec; also ``tf.image.crop_to_bounding_box`` (``top`` and
    ``left`` offsets, targets > 0 and an image of non-zero size, as TF checks)."""
    return _crop_or_pad(call, inputs, "cropping")


@rule("ops.image.pad_images", params=("images", "top_padding", "left_padding", "bottom_padding", "right_padding",
                                      "target_height", "target_width", "data_format"), multi_input=True)
def pad_images(call: LayerCall, inputs):
    """keras/src/ops/image.py PadImages.compute_output_spec; also ``tf.image.pad_to_bounding_box`` (``top`` and
    ``left`` offsets, and an image of non-zero size, as TF checks)."""
    return _crop_or_pad(call, inputs, "padding")


def _crop_or_pad(call: LayerCall, inputs, what: str):
    """crop_images / pad_images: per side, the missing one of (top, bottom, target) from the other two and the
    image's size (a crop takes them off the size, a pad adds them to it); none may come to less than 0."""
    shape = list(tensor(call, "images", inputs))
    data_format = _data_format(call)
    _image_rank(call, shape)
    values, tf_name = _box_args(call, what)
    if tf_name:
        _tf_image_dims(call, shape)
    images = tuple(shape)
    crop = what == "cropping"
    axes = (-3, -2) if data_format == "channels_last" else (-2, -1)
    for axis, side, before, after in ((axes[0], "height", f"top_{what}", f"bottom_{what}"),
                                      (axes[1], "width", f"left_{what}", f"right_{what}")):
        size, top, bottom, target = shape[axis], values[before], values[after], values[f"target_{side}"]
        if crop and size is None and target is None:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} on images {format_shape(images)}: the {side} is "
                                                 f"unknown, so target_{side} must be given")
        if target is None and size is not None:
            target = dim_sub(dim_sub(size, top), bottom) if crop else dim_add(dim_add(top, size), bottom)
        if is_known(size):
            # the margin left over: size - target for a crop, target - size for a pad
            margin = dim_sub(size, target) if crop else dim_sub(target, size)
            top = dim_sub(margin, bottom) if top is None else top
            bottom = dim_sub(margin, top) if bottom is None else bottom
            for name, value in ((before, top), (after, bottom), (f"target_{side}", target)):
                if is_known(value) and value < 0:
                    group = (before, after, f"target_{side}")
                    raise ShapeProblem(INVALID_ARGUMENT, _box_message(call, images, values, group, name, value,
                                                                      side, size))
        shape[axis] = target
    return tuple(shape)


# ----------------------------------------------------------------------------- signal

@rule("ops.stft", params=("x", "sequence_length", "sequence_stride", "fft_length", "window", "center"),
      multi_input=True)
def stft(call: LayerCall, inputs):
    """keras/src/ops/math.py STFT.compute_output_spec: a (real, imaginary) pair of shape
    ``x.shape[:-1] + (num_sequences, fft_length // 2 + 1)``.  Where Keras builds the op but the call fails when it
    runs (every backend: ``fft_length < sequence_length``, a bad window; torch: a signal too short for its
    frames or its reflection padding), the problem is a warning."""
    shape = tensor(call, "x", inputs)
    stride = call.args.get("sequence_stride", _MISSING)
    if stride is _MISSING or stride is UNKNOWN or isinstance(stride, (Symbol, TensorArg, ConstTensor)):
        raise Unresolved("sequence_stride")
    if isinstance(stride, bool) or not isinstance(stride, int) or stride <= 0:
        raise _bad(call, "sequence_stride", stride, "a positive integer")
    fft_length = _int(call, "fft_length", allow_symbol=True)
    if fft_length is None:
        raise _bad(call, "fft_length", None, "an integer")
    if not shape:
        raise ShapeProblem(RANK, f"{call.label} needs an input (..., samples) of rank >= 1 but gets ()")
    center = _raw(call, "center", True)
    samples = shape[-1]
    padded = 0 if center is False else dim_mul(dim_floordiv(fft_length, 2), 2)
    frames = None if samples is None else dim_add(dim_floordiv(dim_sub(dim_add(samples, padded), fft_length),
                                                               stride), 1)
    output = (*shape[:-1], frames, dim_add(dim_floordiv(fft_length, 2), 1))
    args = f"{call.label}(sequence_stride={stride}, fft_length={fft_length}, center={center!r})"
    if is_known(frames) and frames < 0:  # Keras: "Negative dimensions are not allowed"
        raise ShapeProblem(INVALID_ARGUMENT, f"{args} on input {format_shape(shape)}: the signal of {samples} "
                                             f"samples is shorter than one FFT frame of {fft_length}, which gives "
                                             f"{frames} sequences")
    _stft_runs(call, shape, output, args, fft_length, inputs)
    return [output, output]


def _stft_runs(call: LayerCall, shape: Shape, output: Shape, args: str, fft_length: Dim, inputs) -> None:
    """The checks of the backends' ``stft`` (keras/src/backend/*/math.py) and torch.stft: warnings, since the
    symbolic call builds."""
    def fails(message: str, hint: str | None = None):
        return ShapeProblem(INVALID_ARGUMENT, f"{args} on input {format_shape(shape)}: {message}; Keras builds the "
                                              f"op but it fails when it runs", severity="warning",
                            output=[output, output], hint=hint)

    length = call.args.get("sequence_length")  # not needed for the shape: checked only when known
    length = length if is_known(length) else None
    samples, frames = shape[-1], output[-2]
    if is_known(length) and is_known(fft_length) and fft_length < length:
        raise fails(f"fft_length {fft_length} is less than sequence_length {length}",
                    hint="use an fft_length of at least sequence_length")
    window = call.args.get("window", "hann")
    if isinstance(window, str) and window not in ("hann", "hamming"):
        raise fails(f"window={window!r} is no window name (\"hann\" or \"hamming\")")
    if isinstance(window, (TensorArg, ConstTensor)) and length is not None:
        try:
            window_shape = _value_shape(window, inputs, "window")
        except Unresolved:
            window_shape = None
        if window_shape is not None and all(is_known(d) for d in window_shape) and window_shape != (length,):
            raise fails(f"the window has shape {format_shape(window_shape)}, not ({length},)")
    if frames == 0:
        raise ShapeProblem(NEGATIVE_LENGTH, f"{args} on input {format_shape(shape)}: the signal of {samples} samples "
                                            f"is shorter than one FFT frame of {fft_length}, so there are no "
                                            f"sequences (0); Keras builds the op but the torch backend fails when "
                                            f"it runs", severity="warning", output=[output, output])
    half = dim_floordiv(fft_length, 2)
    if _raw(call, "center", True) is not False and is_known(samples) and is_known(half) and 0 < samples <= half:
        raise fails(f"center=True pads the signal of {samples} samples by reflection with fft_length // 2 = {half} "
                    f"samples on each side, more than the torch and tensorflow backends can reflect")


# ----------------------------------------------------------------------------- TensorFlow-only functions

def _tf_fft_length(frame_length) -> Dim:
    """``tf.signal.stft``'s default fft_length: the smallest power of 2 >= frame_length."""
    if not is_known(frame_length):
        return None
    return 1 if frame_length <= 1 else 1 << (frame_length - 1).bit_length()


@rule("ops.tf.signal.stft", params=("signals", "frame_length", "frame_step", "fft_length", "window_fn", "pad_end"),
      multi_input=True)
def tf_stft(call: LayerCall, inputs):
    """``tf.signal.stft``: one complex tensor ``signals.shape[:-1] + (frames, fft_length // 2 + 1)``, with TF's
    ``_infer_frame_shape``: ``max(0, 1 + (N - frame_length) // frame_step)`` frames, ``ceil(N / frame_step)`` with
    ``pad_end``.  Zero frames build and run (an empty tensor): a warning."""
    shape = tensor(call, "signals", inputs)
    frame_length = _int(call, "frame_length", allow_symbol=True)
    step = _int(call, "frame_step", allow_symbol=True)
    for name, value in (("frame_length", frame_length), ("frame_step", step)):
        if value is None or (is_known(value) and value <= 0):
            raise _bad(call, name, value, "a positive integer")
    if not shape:
        raise ShapeProblem(RANK, f"{call.label} needs signals (..., samples) of rank >= 1 but gets ()")
    fft_length = _int(call, "fft_length", None, allow_symbol=True)
    fft_length = _tf_fft_length(frame_length) if fft_length is None else fft_length
    samples = shape[-1]
    if samples is None:
        frames = None
    elif _raw(call, "pad_end", False):
        frames = max(0, -(-samples // step)) if is_known(samples) and is_known(step) else (
            dim_floordiv(dim_add(samples, step - 1), step) if is_known(step) else None)
    elif is_known(samples) and is_known(frame_length) and is_known(step):
        frames = max(0, (samples - frame_length + step) // step)
    else:
        frames = dim_add(dim_floordiv(dim_sub(samples, frame_length), step), 1)
    output = (*shape[:-1], frames, dim_add(dim_floordiv(fft_length, 2), 1))
    if frames == 0:
        raise ShapeProblem(NEGATIVE_LENGTH, f"{call.label}(frame_length={frame_length}, frame_step={step}) on "
                                            f"signals {format_shape(shape)}: the signal of {samples} samples is "
                                            f"shorter than one frame, so there are no frames (0)",
                           severity="warning", output=output, hint="pad_end=True keeps a last, padded frame")
    return output


@rule("ops.tf.image.rgb_to_grayscale", params=("images",), multi_input=True)
def tf_rgb_to_grayscale(call: LayerCall, inputs):
    """``tf.image.rgb_to_grayscale``: a ``tensordot`` with 3 weights on the last axis, which becomes 1 (any rank
    >= 1; unlike keras.ops.image.rgb_to_grayscale, 1 channel is refused and there is no data_format)."""
    shape = tensor(call, "images", inputs)
    if not shape:
        raise ShapeProblem(RANK, f"{call.label} needs images (..., 3) of rank >= 1 but gets ()")
    if is_known(shape[-1]) and shape[-1] != 3:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs 3 (RGB) channels on the last axis but gets images "
                                             f"{format_shape(shape)}")
    return (*shape[:-1], 1)


@rule("ops.tf.image.grayscale_to_rgb", params=("images",), multi_input=True)
def tf_grayscale_to_rgb(call: LayerCall, inputs):
    """``tf.image.grayscale_to_rgb``: rank >= 2, last axis 1 -> 3.  Of a shape that is not fully known TF asserts
    rank >= 3 (its assert fails as soon as a rank-2 tensor is traced)."""
    shape = tensor(call, "images", inputs)
    if len(shape) < 2:
        raise ShapeProblem(RANK, f"{call.label} needs images (..., 1) of rank >= 2 but gets {format_shape(shape)}")
    if is_known(shape[-1]) and shape[-1] != 1:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs 1 (grayscale) channel on the last axis but gets "
                                             f"images {format_shape(shape)}")
    if len(shape) == 2 and None in shape:
        raise ShapeProblem(RANK, f"{call.label} needs images of rank >= 3 when a size is unknown but gets "
                                 f"{format_shape(shape)}", hint="add a channels axis: ops.expand_dims(x, -1)")
    return (*shape[:-1], 3)


@rule("ops.tf.image.crop_and_resize", params=("image", "boxes", "box_indices", "crop_size", "method",
                                              "extrapolation_value"), multi_input=True)
def tf_crop_and_resize(call: LayerCall, inputs):
    """``tf.image.crop_and_resize`` (the CropAndResize op's checks): image (batch, height, width, depth), boxes
    (num_boxes, 4), box_indices (num_boxes,), crop_size (crop_height, crop_width) -> (num_boxes, crop_height,
    crop_width, depth)."""
    image = tensor(call, "image", inputs)
    boxes = tensor(call, "boxes", inputs)
    indices = tensor(call, "box_indices", inputs)
    if len(image) != 4:
        raise ShapeProblem(RANK, f"{call.label} needs a 4-D image (batch, height, width, depth) but gets "
                                 f"{format_shape(image)}")
    if len(boxes) != 2:
        raise ShapeProblem(RANK, f"{call.label} needs 2-D boxes (num_boxes, 4) but gets {format_shape(boxes)}")
    if is_known(boxes[1]) and boxes[1] != 4:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs boxes (num_boxes, 4) but gets {format_shape(boxes)}")
    if len(indices) != 1:
        raise ShapeProblem(RANK, f"{call.label} needs 1-D box_indices (num_boxes,) but gets {format_shape(indices)}")
    if _conflict(boxes[0], indices[0]):
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: boxes {format_shape(boxes)} and box_indices "
                                               f"{format_shape(indices)} must give one number of boxes")
    crop_size = _raw(call, "crop_size")
    if not isinstance(crop_size, (list, tuple)) or len(crop_size) != 2:
        raise _bad(call, "crop_size", crop_size, "(crop_height, crop_width)")
    if any(isinstance(v, bool) or not isinstance(v, int) or v <= 0 for v in crop_size):
        raise _bad(call, "crop_size", crop_size, "two positive integers")
    method = _raw(call, "method", "bilinear")
    if method not in ("bilinear", "nearest"):
        raise _bad(call, "method", method, "'bilinear' or 'nearest'")
    if any(is_known(d) and d <= 0 for d in image[1:3]):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs an image of non-zero height and width but gets "
                                             f"{format_shape(image)}")
    num_boxes = boxes[0] if boxes[0] is not None else indices[0]
    return (num_boxes, crop_size[0], crop_size[1], image[3])


@rule("ops.tf.image.resize_with_crop_or_pad", params=("image", "target_height", "target_width"), multi_input=True)
def tf_resize_with_crop_or_pad(call: LayerCall, inputs):
    """``tf.image.resize_with_crop_or_pad``: a 3-D or 4-D image (channels last) of non-zero size, targets > 0."""
    shape = list(tensor(call, "image", inputs))
    if len(shape) not in (3, 4):
        raise ShapeProblem(RANK, f"{call.label} needs an image (batch, height, width, channels) or (height, width, "
                                 f"channels) but gets {format_shape(tuple(shape))}")
    targets = [_int(call, name, allow_symbol=True) for name in ("target_height", "target_width")]
    for name, value in zip(("target_height", "target_width"), targets):
        if value is None or (is_known(value) and value <= 0):
            raise _bad(call, name, value, "a size > 0")
    _tf_image_dims(call, shape)
    shape[-3], shape[-2] = targets
    return tuple(shape)


# ----------------------------------------------------------------------------- spellings

@dataclass(frozen=True)
class OpSpec:
    """How one spelling of an op calls it.

    ``op``: the node type (``"ops.mean"``); ``params``: the spelling's positional parameters, already
    named the Keras way; ``renames``: the spelling's keyword names -> Keras names; ``defaults``: arguments
    this spelling fixes or defaults differently (``tf.argmax``: ``axis=0``); ``varargs``: positional
    arguments beyond ``params`` are collected in a list under this name (``einsum`` operands).
    """

    op: str
    params: tuple[str, ...]
    renames: Mapping[str, str] = field(default_factory=dict)
    defaults: Mapping[str, Any] = field(default_factory=dict)
    varargs: str | None = None

    def bind(self, positional: list, keywords: dict) -> dict:
        """The node's ``args``: positional and keyword arguments named after the Keras signature."""
        args = dict(self.defaults)
        extra = []
        for i, value in enumerate(positional):
            if i < len(self.params):
                args[self.params[i]] = value
            elif self.varargs:
                extra.append(value)
            else:
                args[f"__arg{i}"] = value
        if self.varargs:
            args[self.varargs] = extra
        for key, value in keywords.items():
            args[self.renames.get(key, key)] = value
        return args


# Keras' own submodules (keras.ops.numpy.mean is keras.ops.mean).
_KERAS_SUBMODULES = ("", "numpy.", "nn.", "math.", "core.", "linalg.")

# Ops that return no tensor (or a tuple of Python ints): the front-end's business.
NON_TENSOR = frozenset({"shape", "ndim", "size", "dtype", "is_tensor", "convert_to_numpy"})

_TF: dict[str, OpSpec] = {}
_K: dict[str, OpSpec] = {}
_ACTIVATIONS: dict[str, OpSpec] = {}
_RANDOM: dict[str, OpSpec] = {}


def _spec(op: str, params: tuple = (), renames: dict | None = None, defaults: dict | None = None,
          varargs: str | None = None) -> OpSpec:
    from .base import RULES

    if not params:
        params = RULES[f"ops.{op}"].params
    return OpSpec(f"ops.{op}", tuple(params), dict(renames or {}), dict(defaults or {}), varargs)


def _tf(names, op: str, params: tuple = (), renames: dict | None = None, defaults: dict | None = None,
        varargs: str | None = None) -> None:
    spec = _spec(op, params, renames, defaults, varargs)
    for name in (names,) if isinstance(names, str) else names:
        _TF[name] = spec


def _register_tf() -> None:
    """TensorFlow spellings (``tensorflow.`` root; ``tf.math.x`` and ``tf.x`` where TF exports both)."""
    unary = {
        "abs": "abs", "exp": "exp", "log": "log", "sqrt": "sqrt", "square": "square", "sin": "sin", "cos": "cos",
        "tan": "tan", "tanh": "tanh", "sinh": "sinh", "cosh": "cosh", "asin": "arcsin", "acos": "arccos",
        "atan": "arctan", "asinh": "arcsinh", "acosh": "arccosh", "atanh": "arctanh", "sign": "sign",
        "floor": "floor", "ceil": "ceil", "round": "round", "negative": "negative", "reciprocal": "reciprocal",
        "rsqrt": "rsqrt", "erf": "erf", "erfc": "erfc", "erfinv": "erfinv", "log1p": "log1p", "expm1": "expm1",
        "logical_not": "logical_not", "is_nan": "isnan", "is_inf": "isinf", "is_finite": "isfinite",
        "sigmoid": "sigmoid", "softplus": "softplus", "softsign": "softsign", "real": "real", "imag": "imag",
        "conj": "conj", "log_sigmoid": "log_sigmoid", "exp2": "exp2", "log2": "log2", "log10": "log10",
    }
    for tf_name, op in unary.items():
        _tf((f"tensorflow.{tf_name}", f"tensorflow.math.{tf_name}"), op, ("x",))
    for tf_name, op in {"relu": "relu", "relu6": "relu6", "elu": "elu", "selu": "selu", "softplus": "softplus",
                        "softsign": "softsign", "silu": "silu", "swish": "silu"}.items():
        _tf(f"tensorflow.nn.{tf_name}", op, ("x",), {"features": "x"})
    _tf("tensorflow.nn.gelu", "gelu", ("x", "approximate"), {"features": "x"}, {"approximate": False})
    _tf("tensorflow.nn.leaky_relu", "leaky_relu", ("x", "negative_slope"), {"features": "x", "alpha": "negative_slope"})
    _tf("tensorflow.nn.sigmoid", "sigmoid", ("x",))
    _tf("tensorflow.nn.tanh", "tanh", ("x",))
    for name in ("softmax", "log_softmax"):
        _tf((f"tensorflow.nn.{name}", f"tensorflow.math.{name}"), name, ("x", "axis"),
            {"logits": "x", "dim": "axis"}, {"axis": -1})
    _tf(("tensorflow.nn.dropout",), "copy", ("x",))
    _tf(("tensorflow.nn.l2_normalize", "tensorflow.math.l2_normalize", "tensorflow.linalg.l2_normalize"),
        "normalize", ("x", "axis", "epsilon"), {"dim": "axis"}, {"axis": None})
    _tf("tensorflow.nn.bias_add", "add", ("x1", "x2"), {"value": "x1", "bias": "x2"})
    _tf("tensorflow.nn.moments", "moments", ("x", "axes", "shift", "keepdims"), {"keep_dims": "keepdims"})

    binary = {
        "add": "add", "subtract": "subtract", "multiply": "multiply", "divide": "divide", "truediv": "true_divide",
        "floordiv": "floor_divide", "floormod": "mod", "mod": "mod", "pow": "power", "maximum": "maximum",
        "minimum": "minimum", "equal": "equal", "not_equal": "not_equal", "greater": "greater",
        "greater_equal": "greater_equal", "less": "less", "less_equal": "less_equal", "logical_and": "logical_and",
        "logical_or": "logical_or", "logical_xor": "logical_xor", "atan2": "arctan2", "divide_no_nan": "divide_no_nan",
        "squared_difference": "subtract", "add_n": None,
    }
    for tf_name, op in binary.items():
        if op:
            _tf((f"tensorflow.{tf_name}", f"tensorflow.math.{tf_name}"), op, ("x1", "x2"), {"x": "x1", "y": "x2"})

    reductions = {"reduce_mean": "mean", "reduce_sum": "sum", "reduce_max": "max", "reduce_min": "min",
                  "reduce_prod": "prod", "reduce_std": "std", "reduce_variance": "var", "reduce_any": "any",
                  "reduce_all": "all", "reduce_logsumexp": "logsumexp", "reduce_euclidean_norm": "norm"}
    for tf_name, op in reductions.items():
        _tf((f"tensorflow.{tf_name}", f"tensorflow.math.{tf_name}"), op, ("x", "axis", "keepdims"),
            {"input_tensor": "x", "keep_dims": "keepdims", "reduction_indices": "axis"})
    for name in ("argmax", "argmin"):
        _tf((f"tensorflow.{name}", f"tensorflow.math.{name}"), name, ("x", "axis"),
            {"input": "x", "dimension": "axis"}, {"axis": 0})
    _tf(("tensorflow.math.top_k", "tensorflow.nn.top_k"), "top_k", ("x", "k", "sorted"), {"input": "x"}, {"k": 1})
    for name in ("cumsum", "cumprod"):
        _tf((f"tensorflow.{name}", f"tensorflow.math.{name}"), name, ("x", "axis"), defaults={"axis": 0})

    _tf(("tensorflow.reshape",), "reshape", ("x", "newshape"), {"tensor": "x", "shape": "newshape"})
    _tf(("tensorflow.transpose", "tensorflow.linalg.transpose"), "transpose", ("x", "axes"),
        {"a": "x", "perm": "axes"})
    _tf("tensorflow.expand_dims", "expand_dims", ("x", "axis"), {"input": "x", "dim": "axis"})
    _tf("tensorflow.squeeze", "squeeze", ("x", "axis"), {"input": "x", "squeeze_dims": "axis"})
    _tf("tensorflow.concat", "concatenate", ("xs", "axis"), {"values": "xs"})
    _tf("tensorflow.stack", "stack", ("x", "axis"), {"values": "x"})
    _tf("tensorflow.unstack", "unstack", ("x", "num", "axis"), {"value": "x"})
    _tf("tensorflow.split", "split", ("x", "sizes", "axis", "num"), {"value": "x", "num_or_size_splits": "sizes"})
    _tf("tensorflow.tile", "tile", ("x", "repeats"), {"input": "x", "multiples": "repeats"})
    _tf("tensorflow.repeat", "repeat", ("x", "repeats", "axis"), {"input": "x"})
    _tf("tensorflow.broadcast_to", "broadcast_to", ("x", "shape"), {"input": "x"})
    _tf("tensorflow.gather", "take", ("x", "indices", "validate_indices", "axis", "batch_dims"), {"params": "x"},
        {"axis": 0})
    _tf("tensorflow.one_hot", "one_hot", ("x", "num_classes", "on_value", "off_value", "axis", "dtype"),
        {"indices": "x", "depth": "num_classes"}, {"axis": -1})
    _tf("tensorflow.pad", "pad", ("x", "pad_width", "mode", "constant_values"), {"tensor": "x", "paddings": "pad_width"})
    _tf("tensorflow.where", "where", ("condition", "x1", "x2"), {"x": "x1", "y": "x2"})
    _tf(("tensorflow.clip_by_value",), "clip", ("x", "x_min", "x_max"),
        {"t": "x", "clip_value_min": "x_min", "clip_value_max": "x_max"})
    _tf("tensorflow.cast", "cast", ("x", "dtype"))
    _tf(("tensorflow.identity", "tensorflow.convert_to_tensor"), "convert_to_tensor", ("x", "dtype"),
        {"input": "x", "value": "x"})
    _tf("tensorflow.stop_gradient", "stop_gradient", ("variable",), {"input": "variable"})
    _tf(("tensorflow.zeros_like", "tensorflow.ones_like"), "zeros_like", ("x", "dtype"), {"input": "x"})
    _tf(("tensorflow.matmul", "tensorflow.linalg.matmul"), "matmul",
        ("x1", "x2", "transpose_a", "transpose_b", "adjoint_a", "adjoint_b"), {"a": "x1", "b": "x2"})
    _tf(("tensorflow.tensordot", "tensorflow.linalg.tensordot"), "tensordot", ("x1", "x2", "axes"),
        {"a": "x1", "b": "x2"})
    _tf(("tensorflow.einsum", "tensorflow.linalg.einsum"), "einsum", ("subscripts",), {"equation": "subscripts"},
        {"tf_function": "einsum"}, varargs="operands")
    _tf(("tensorflow.norm", "tensorflow.linalg.norm"), "norm", ("x", "tf_ord", "axis", "keepdims"),
        {"tensor": "x", "ord": "tf_ord", "keep_dims": "keepdims"})
    _tf(("tensorflow.linalg.trace",), "trace", ("x",), defaults={"axis1": -2, "axis2": -1})
    _tf(("tensorflow.sort",), "sort", ("x", "axis"), {"values": "x"})
    _tf(("tensorflow.argsort",), "argsort", ("x", "axis"), {"values": "x"})
    _tf(("tensorflow.reverse",), "flip", ("x", "axis"), {"tensor": "x"})
    _tf(("tensorflow.roll",), "roll", ("x", "shift", "axis"), {"input": "x"})
    _tf(("tensorflow.image.resize",), "image.resize", ("images", "size"))
    _tf(("tensorflow.image.extract_patches",), "image.extract_patches",
        ("images", "size", "strides", "dilation_rate", "padding"), {"sizes": "size", "rates": "dilation_rate"})
    for name in ("fft", "ifft", "fft2d", "ifft2d", "fft3d", "ifft3d"):  # complex in, complex out: one shape
        _tf((f"tensorflow.signal.{name}", f"tensorflow.{name}"), "copy", ("x",), {"input": "x"})
    _register_tf_nn()
    for name in ("depth_to_space", "space_to_depth"):  # TF's "NHWC"/"NCHW" data_format: tf_data_format
        _tf(f"tensorflow.nn.{name}", name, ("x", "block_size", "tf_data_format"),
            {"input": "x", "data_format": "tf_data_format"}, {"tf_data_format": "NHWC"})
    # tf.image.{crop,pad}_to_bounding_box(image, offset_height, offset_width, target_height, target_width): channels
    # last; tf_function adds TF's own checks (targets > 0 for the crop, an image of non-zero size).
    for tf_name, op, what in (("crop_to_bounding_box", "image.crop_images", "cropping"),
                              ("pad_to_bounding_box", "image.pad_images", "padding")):
        _tf(f"tensorflow.image.{tf_name}", op, ("images", f"top_{what}", f"left_{what}", "target_height",
                                                "target_width"),
            {"image": "images", "offset_height": f"top_{what}", "offset_width": f"left_{what}"},
            {"data_format": "channels_last", "tf_function": tf_name})
    # TF functions Keras has no op for, or whose TF behaviour differs from the Keras op's: ops.tf.<tf name>.
    for tf_name in ("signal.stft", "image.rgb_to_grayscale", "image.grayscale_to_rgb", "image.crop_and_resize",
                    "image.resize_with_crop_or_pad"):
        _tf(f"tensorflow.{tf_name}", f"tf.{tf_name}")


def _register_tf_nn() -> None:
    """``tf.nn`` convolutions and poolings (rules/nn_ops.py): TF's layout letters are ``tf_data_format``."""
    conv = ("inputs", "kernel", "strides", "padding", "tf_data_format", "dilation_rate")
    for name, layout in (("conv1d", "NWC"), ("conv2d", "NHWC"), ("conv3d", "NDHWC")):
        _tf(f"tensorflow.nn.{name}", "conv", conv, {"input": "inputs", "value": "inputs", "filters": "kernel",
                                                    "stride": "strides", "data_format": "tf_data_format",
                                                    "dilations": "dilation_rate"},
            {"tf_data_format": layout})
    _tf("tensorflow.nn.convolution", "conv", conv, {"input": "inputs", "filters": "kernel",
                                                    "data_format": "tf_data_format", "dilations": "dilation_rate"},
        {"tf_data_format": None, "strides": 1, "padding": "VALID"})
    _tf("tensorflow.nn.depthwise_conv2d", "depthwise_conv", conv,
        {"input": "inputs", "filter": "kernel", "data_format": "tf_data_format", "dilations": "dilation_rate",
         "rate": "dilation_rate"}, {"tf_data_format": "NHWC"})
    _tf("tensorflow.nn.separable_conv2d", "separable_conv",
        ("inputs", "depthwise_kernel", "pointwise_kernel", "strides", "padding", "tf_data_format", "dilation_rate"),
        {"input": "inputs", "depthwise_filter": "depthwise_kernel", "pointwise_filter": "pointwise_kernel",
         "data_format": "tf_data_format", "dilations": "dilation_rate", "rate": "dilation_rate"},
        {"tf_data_format": "NHWC"})
    pool = ("inputs", "pool_size", "strides", "padding", "tf_data_format")
    pool_names = {"input": "inputs", "value": "inputs", "ksize": "pool_size", "data_format": "tf_data_format"}
    for kind, op in (("max", "max_pool"), ("avg", "average_pool")):
        _tf(f"tensorflow.nn.{kind}_pool", op, pool, pool_names, {"tf_data_format": None})
        for suffix, layout in (("1d", "NWC"), ("2d", "NHWC"), ("3d", "NDHWC")):
            _tf(f"tensorflow.nn.{kind}_pool{suffix}", op, pool, pool_names, {"tf_data_format": layout})


def _register_backend() -> None:
    """Keras 2 ``keras.backend`` functions (``K.sum``...), whose defaults sometimes differ from keras.ops."""
    k = _K
    for name in ("sum", "mean", "max", "min", "prod", "std", "var", "any", "all", "logsumexp"):
        k[name] = _spec(name, ("x", "axis", "keepdims"))
    for name in ("argmax", "argmin"):
        k[name] = _spec(name, ("x", "axis"), defaults={"axis": -1})
    for name in ("cumsum", "cumprod"):
        k[name] = _spec(name, ("x", "axis"), defaults={"axis": 0})
    k["concatenate"] = _spec("concatenate", ("xs", "axis"), {"tensors": "xs"}, {"axis": -1})
    k["stack"] = _spec("stack", ("x", "axis"))
    k["expand_dims"] = _spec("expand_dims", ("x", "axis"), defaults={"axis": -1})
    k["squeeze"] = _spec("squeeze", ("x", "axis"))
    k["reshape"] = _spec("reshape", ("x", "newshape"), {"shape": "newshape"})
    k["permute_dimensions"] = _spec("transpose", ("x", "axes"), {"pattern": "axes"})
    k["transpose"] = _spec("transpose", ("x",))
    k["flatten"] = _spec("ravel", ("x",))
    k["tile"] = _spec("tile", ("x", "repeats"), {"n": "repeats"})
    k["repeat_elements"] = _spec("repeat", ("x", "repeats", "axis"), {"rep": "repeats"})
    k["dot"] = _spec("dot", ("x1", "x2"), {"x": "x1", "y": "x2"})
    k["gather"] = _spec("take", ("x", "indices"), {"reference": "x"}, {"axis": 0})
    k["one_hot"] = _spec("one_hot", ("x", "num_classes"), {"indices": "x"})
    k["pow"] = _spec("power", ("x1", "x2"), {"x": "x1", "a": "x2"})
    for name in ("maximum", "minimum", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal"):
        k[name] = _spec(name, ("x1", "x2"), {"x": "x1", "y": "x2"})
    for name in ("abs", "exp", "log", "sqrt", "square", "sign", "round", "sigmoid", "tanh", "softplus", "softsign",
                 "relu", "elu", "hard_sigmoid", "zeros_like", "ones_like", "stop_gradient", "sin", "cos"):
        k[name] = _spec(name, ("variable",) if name == "stop_gradient" else ("x",))
    k["softmax"] = _spec("softmax", ("x", "axis"))
    k["l2_normalize"] = _spec("normalize", ("x", "axis"), defaults={"axis": None})
    k["clip"] = _spec("clip", ("x", "x_min", "x_max"), {"min_value": "x_min", "max_value": "x_max"})
    k["cast"] = _spec("cast", ("x", "dtype"))
    k["identity"] = _spec("convert_to_tensor", ("x",))


def _register_activations() -> None:
    """``keras.activations.*``: all element-wise (glu halves an axis, softmax checks its axis)."""
    same = ("relu", "relu6", "celu", "elu", "selu", "softplus", "softsign", "soft_shrink", "sparse_plus", "silu",
            "squareplus", "gelu", "tanh", "tanh_shrink", "hard_tanh", "hard_shrink", "threshold", "sigmoid",
            "sparse_sigmoid", "hard_sigmoid", "hard_silu", "leaky_relu", "log_sigmoid")
    for name in same:
        _ACTIVATIONS[name] = _spec(name, ("x",))
    _ACTIVATIONS["relu"] = _spec("relu", ("x", "negative_slope", "max_value", "threshold"))
    _ACTIVATIONS["swish"] = _spec("silu", ("x",))
    _ACTIVATIONS["exponential"] = _spec("exp", ("x",))
    _ACTIVATIONS["linear"] = _spec("copy", ("x",))
    # mish and hard_swish are left out: Keras 3.15 fails calling them on a symbolic tensor.
    for name in ("softmax", "log_softmax", "sparsemax", "glu"):
        _ACTIVATIONS[name] = _spec(name, ("x", "axis"))


def _register_random() -> None:
    """``keras.random`` functions applied to a tensor: dropout and shuffle keep its shape (those making a tensor
    from a shape -- normal, uniform... -- are not ops on a tensor)."""
    _RANDOM["dropout"] = _spec("copy", ("x", "rate", "noise_shape", "seed"), {"inputs": "x"})
    _RANDOM["shuffle"] = _spec("copy", ("x", "axis", "seed"))


def resolve_op(qualname: str) -> OpSpec | None:
    """The op a spelled name calls, or None when it is no tensor op shapedoctor knows.

    ``qualname`` is normalised by the front-end: ``tensorflow.`` for ``tf.``, ``keras.`` for
    ``tensorflow.keras.``/``tf.keras.``.  Accepted: ``keras.ops[.numpy|.nn|.math|.core|.linalg].<op>``,
    ``keras.ops.image.<op>``, ``ops.<op>`` (the node type itself), ``keras.activations.<fn>``,
    ``keras.backend.<fn>`` (Keras 2 names) and the TensorFlow functions in ``_TF``.
    """
    from .base import RULES

    if not _TF:
        _register_tf()
        _register_backend()
        _register_activations()
        _register_random()
    if qualname.startswith("tensorflow.experimental.numpy."):  # tnp.maximum: NumPy's API, as keras.ops has it
        qualname = "keras.ops." + qualname[len("tensorflow.experimental.numpy."):]
    for prefix in ("keras.src.ops.", "keras.ops.", "ops."):
        if qualname.startswith(prefix):
            rest = qualname[len(prefix):]
            for sub in _KERAS_SUBMODULES:
                if sub and rest.startswith(sub):
                    rest = rest[len(sub):]
                    break
            if rest in NON_TENSOR:
                return None
            rule_ = RULES.get(f"ops.{rest}")
            if rule_ is None:
                return None
            if rest == "einsum":
                return OpSpec(rule_.type, ("subscripts",), {}, {}, "operands")
            return OpSpec(rule_.type, rule_.params)
    for prefix, table in (("keras.activations.", _ACTIVATIONS), ("keras.backend.", _K), ("keras.random.", _RANDOM)):
        if qualname.startswith(prefix):
            return table.get(qualname[len(prefix):])
    return _TF.get(qualname)


# ``ast`` operator class name -> node type (KerasTensor's dunder methods: ``~`` is logical_not, ``&`` and).
# Binary nodes take ``x1``/``x2``, unary ones ``x``: ``resolve_op(OPERATORS[name]).bind(operands, {})``.
OPERATORS: dict[str, str] = {
    "Add": "ops.add", "Sub": "ops.subtract", "Mult": "ops.multiply", "Div": "ops.true_divide",
    "FloorDiv": "ops.floor_divide", "Mod": "ops.mod", "Pow": "ops.power", "MatMult": "ops.matmul",
    "BitAnd": "ops.logical_and", "BitOr": "ops.logical_or", "BitXor": "ops.logical_xor",
    "USub": "ops.negative", "UAdd": "ops.copy", "Invert": "ops.logical_not",
    "Lt": "ops.less", "LtE": "ops.less_equal", "Gt": "ops.greater", "GtE": "ops.greater_equal",
    "Eq": "ops.equal", "NotEq": "ops.not_equal",
}
