"""Input, Dense, Lambda and the shape-preserving layers (activations, dropout, noise)."""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, RANK, SHARED_LAYER_MISMATCH, UNDEFINED_DIM
from ..shapes import Symbol, format_shape
from .base import NOT_KNOWN, DataShape, LayerCall, ShapeProblem, Unresolved, require_rank, rule


def _shape_arg(call: LayerCall, name: str) -> tuple:
    """``standardize_shape``: a tuple of non-negative ints, None or symbols."""
    value = call.raw(name)
    if isinstance(value, list):
        value = tuple(value)
    if not isinstance(value, tuple):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={value!r}): cannot convert to a shape; "
                                             f"write a tuple such as ({value!r},)")
    for d in value:
        if isinstance(d, bool) or not (d is None or isinstance(d, (int, Symbol))):
            raise Unresolved(name)
        if isinstance(d, int) and d < 0:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={value!r}): negative dimensions")
    return value


@rule("InputLayer", "Input", params=("shape", "batch_size", "dtype", "sparse", "ragged", "batch_shape"))
def input_layer(call: LayerCall, inputs):
    if call.args.get("batch_shape") is not None:
        return _shape_arg(call, "batch_shape")
    data = call.args.get("shape")
    if isinstance(data, DataShape):
        # Keras adds the batch axis itself: the sample count becomes an axis of each sample (a rank error at
        # the first layer when the data's rank is what that layer needs; a wrong model otherwise)
        sizes = f" = {data.sizes}" if data.sizes else ""
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(shape={data.text}): {data.text}{sizes} includes the "
                                             f"number of samples; Keras adds the batch axis itself: write "
                                             f"{data.text}[1:]", severity="warning")
    if call.args.get("shape") is None:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs shape= or batch_shape=")
    batch = call.raw("batch_size", None)
    return (batch if isinstance(batch, int) else None, *_shape_arg(call, "shape"))


@rule("Constant", params=("shape",))
def constant(call: LayerCall, inputs):
    """A constant tensor in the source's graph (``ops.arange(n)`` fed to an Embedding): its own shape."""
    return tuple(call.raw("shape"))


@rule("Dense", params=("units", "activation", "use_bias"))
def dense(call: LayerCall, inputs):
    (shape,) = inputs
    written = call.raw("units", None, allow_symbol=True)
    if isinstance(written, float):
        # Dense.__init__ checks isinstance(units, int): 4.0 is refused (LSTM and Conv accept it).
        raise call.bad("units", written, "a positive integer")
    # ...and True is an int > 0 to that check: Dense(units=True) builds one unit (False is refused).
    units = 1 if written is True else call.dim("units")
    require_rank(call, shape, min_ndim=2, words="(batch, ..., features)")
    if shape[-1] is None:
        raise ShapeProblem(UNDEFINED_DIM,
                           f"{call.label} needs its last input dimension to be known but gets {format_shape(shape)}")
    return (*shape[:-1], units)


_SAME_SHAPE = (
    "Activation", "AlphaDropout", "GaussianDropout", "GaussianNoise", "ActivityRegularization",
    "Masking", "Identity", "ReLU", "LeakyReLU", "ELU", "Softmax", "Rescaling",
)


# Positional parameters in Keras 3.15's constructor order (Rescaling(1 / 255) sets scale).
_SAME_SHAPE_PARAMS = {
    "Activation": ("activation",), "AlphaDropout": ("rate", "noise_shape", "seed"), "GaussianDropout": ("rate", "seed"),
    "GaussianNoise": ("stddev", "seed"), "ActivityRegularization": ("l1", "l2"), "Masking": ("mask_value",),
    "ReLU": ("max_value", "negative_slope", "threshold"), "LeakyReLU": ("negative_slope",), "ELU": ("alpha",),
    "Softmax": ("axis",), "Rescaling": ("scale", "offset"),
}
# Required constructor arguments (``TypeError: __init__() missing 1 required positional argument``).
_REQUIRED = {"Activation": "activation", "AlphaDropout": "rate", "GaussianDropout": "rate",
             "GaussianNoise": "stddev", "Rescaling": "scale"}


def _real(value) -> bool:
    """A number Python compares with floats (bool included: Keras accepts ``True`` as 1)."""
    return isinstance(value, (int, float))


def _unit_interval(call: LayerCall, name: str) -> None:
    """GaussianNoise/GaussianDropout/AlphaDropout: ``if not 0 <= value <= 1: raise ValueError`` (a string or
    None raises TypeError comparing)."""
    value = call.maybe(name)
    if value is NOT_KNOWN:
        return
    if not _real(value) or not 0 <= value <= 1:
        raise call.bad(name, value, "a float between 0 and 1")


def _non_negative(call: LayerCall, name: str, default, none_ok: bool, words: str) -> None:
    """ReLU/LeakyReLU: ``if value is None or value < 0: raise ValueError`` (a string: TypeError)."""
    value = call.maybe(name, default)
    if value is NOT_KNOWN or (value is None and none_ok):
        return
    if value is None or not _real(value) or value < 0:
        raise call.bad(name, value, words)


def _runtime_problem(call: LayerCall, shape, message: str) -> ShapeProblem:
    return ShapeProblem(INVALID_ARGUMENT, f"{call.label}: {message}; Keras builds the layer but fails when it runs",
                        severity="warning", output=shape)


def _check_softmax_axis(call: LayerCall, shape) -> None:
    axis = call.maybe("axis", -1)
    if axis is NOT_KNOWN or axis is None:  # None: ops.softmax over all axes
        return
    axes = list(axis) if isinstance(axis, (list, tuple)) else [axis]
    rank = len(shape)
    for a in axes:
        if isinstance(a, bool) or not isinstance(a, int):
            raise _runtime_problem(call, shape, f"axis={axis!r} is not an integer axis")
        if not -rank <= a < rank:
            raise _runtime_problem(call, shape, f"axis={axis!r} is out of range for input {format_shape(shape)} "
                                                f"of rank {rank}")
    if len({a % rank for a in axes}) != len(axes):
        raise _runtime_problem(call, shape, f"axis={axis!r} names an axis twice")


def _check_broadcast(call: LayerCall, name: str, value, shape) -> None:
    """A list/tuple argument combined elementwise with the input: it broadcasts against the last axis."""
    if not isinstance(value, (list, tuple)) or not all(_real(v) for v in value):
        return
    size, last = len(value), shape[-1] if shape else None
    # a last axis of 1 broadcasts against it: Keras runs (the output silently takes `size` there)
    if size != 1 and isinstance(last, int) and last != 1 and size != last:
        raise _runtime_problem(call, shape, f"{name} has {size} values but the input's last axis has {last} "
                                            f"({format_shape(shape)})")


def _check_same_shape_arguments(call: LayerCall, shape) -> None:
    """The constructor checks of the shape-preserving layers (Keras 3.15), then the arguments Keras only
    trips over when the layer runs (warnings)."""
    type_ = call.type
    required = _REQUIRED.get(type_)
    if required is not None and not call.has(required):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: missing the required argument `{required}`")
    if type_ == "GaussianNoise":
        _unit_interval(call, "stddev")
    elif type_ in ("GaussianDropout", "AlphaDropout"):
        _unit_interval(call, "rate")
        if call.maybe("rate") == 1:  # sqrt(rate / (1 - rate)), (1 - rate) ** -0.5: a division by zero in training
            raise _runtime_problem(call, shape, f"rate={call.raw('rate')!r} divides by 1 - rate = 0 in training")
    elif type_ == "ReLU":
        _non_negative(call, "max_value", None, True, "None or a non-negative number")
        _non_negative(call, "negative_slope", 0.0, False, "a non-negative number")
        _non_negative(call, "threshold", 0.0, False, "a non-negative number")
    elif type_ == "LeakyReLU":
        # Keras 2's `alpha` is still accepted (popped, with a deprecation warning) and wins over negative_slope
        _non_negative(call, "alpha" if call.has("alpha") else "negative_slope", 0.3, False, "a non-negative number")
    elif type_ == "ActivityRegularization":
        for name in ("l1", "l2"):  # regularizers.L1L2: None is 0.0, otherwise a finite non-negative int or float
            value = call.maybe(name, 0.0)
            if value is NOT_KNOWN or value is None:
                continue
            if not _real(value) or value != value or value in (float("inf"), float("-inf")) or value < 0:
                raise call.bad(name, value, "a non-negative float")
    elif type_ == "ELU":
        alpha = call.maybe("alpha", 1.0)
        if alpha is not NOT_KNOWN and not _real(alpha):
            raise _runtime_problem(call, shape, f"alpha={alpha!r} is not a number")
    elif type_ == "Softmax":
        _check_softmax_axis(call, shape)
    elif type_ == "Masking":
        if not shape:  # compute_mask: ops.any(..., axis=-1) when it builds ("axis -1 is out of bounds")
            raise ShapeProblem(RANK, f"{call.label} needs an input with a feature axis but gets a scalar "
                                     f"{format_shape(shape)}", hint="expected ndim >= 1, found ndim=0")
        value = call.maybe("mask_value", 0.0)
        if value is not NOT_KNOWN and not _real(value) and not isinstance(value, (list, tuple)):
            raise _runtime_problem(call, shape, f"mask_value={value!r} is not a number")
        _check_broadcast(call, "mask_value", value, shape)
    elif type_ == "Rescaling":
        for name, default in (("scale", NOT_KNOWN), ("offset", 0.0)):
            value = call.maybe(name, default)
            if value is NOT_KNOWN:
                continue
            if value is None or isinstance(value, str):
                raise _runtime_problem(call, shape, f"{name}={value!r} is not a number")
            _check_broadcast(call, name, value, shape)


def same_shape(call: LayerCall, inputs):
    (shape,) = inputs
    _check_same_shape_arguments(call, shape)
    return shape


for _type in _SAME_SHAPE:
    rule(_type, params=_SAME_SHAPE_PARAMS.get(_type, ()))(same_shape)


@rule("ThresholdedReLU", params=("theta",))
def thresholded_relu(call: LayerCall, inputs):
    """Keras 2's ThresholdedReLU is gone from Keras 3: ``keras.layers.ThresholdedReLU`` is an AttributeError."""
    raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: keras.layers has no ThresholdedReLU in Keras 3 "
                                         f"(AttributeError)", hint="use ReLU(threshold=theta)")


@rule("PReLU", params=("alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"))
def prelu(call: LayerCall, inputs):
    """One alpha per non-batch position, except along ``shared_axes``: those sizes must be known.

    PReLU.build: ``param_shape = list(input_shape[1:])``, then ``param_shape[i - 1] = 1`` for each shared axis
    ``i`` (so ``0`` or a negative axis counts from the end, and an axis past the rank is an IndexError)."""
    (shape,) = inputs
    written = call.raw("shared_axes", None)
    shared = [written] if isinstance(written, int) and not isinstance(written, bool) else written
    if shared is not None and (not isinstance(shared, (list, tuple))
                               or not all(isinstance(i, int) and not isinstance(i, bool) for i in shared)):
        raise Unresolved("shared_axes")
    param = list(shape[1:])
    for i in shared or ():
        if not -len(param) <= i - 1 < len(param):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(shared_axes={written!r}) on input "
                                                 f"{format_shape(shape)}: axis {i} is out of range")
        param[i - 1] = 1
    unknown = [i + 1 for i, d in enumerate(param) if d is None]
    if unknown:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs input axes {tuple(unknown)} to be known (one alpha "
                                          f"per position) but gets {format_shape(shape)}; share them with "
                                          f"shared_axes={list(unknown)}")
    return shape


def _check_rate(call: LayerCall) -> None:
    rate = call.maybe("rate")
    if rate is NOT_KNOWN:
        return
    if not isinstance(rate, (int, float)) or not 0 <= rate <= 1:  # True is 1 to Keras: accepted
        # Dropout.__init__: "Invalid value received for argument `rate`. Expected a float value between 0 and 1."
        raise call.bad("rate", rate, "a float between 0 and 1")


@rule("Dropout", params=("rate", "noise_shape", "seed"))
def dropout(call: LayerCall, inputs):
    (shape,) = inputs
    _check_rate(call)
    return shape


@rule("SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", params=("rate",))
def spatial_dropout(call: LayerCall, inputs):
    (shape,) = inputs
    rank = {"SpatialDropout1D": 3, "SpatialDropout2D": 4, "SpatialDropout3D": 5}[call.type]
    _check_rate(call)  # SpatialDropout*D subclasses Dropout
    require_rank(call, shape, ndim=rank)
    return shape


# Lambdas whose output shape is the input shape, recognised by the function's name.
_ELEMENTWISE_FUNCTIONS = {
    "relu", "sigmoid", "tanh", "abs", "exp", "log", "sqrt", "square", "softmax", "gelu", "silu", "swish",
    "elu", "selu", "softplus", "softsign", "negative", "sign", "l2_normalize", "normalize",
}


@rule("Lambda", params=("function", "output_shape", "mask", "arguments"), multi_input=True)
def lambda_layer(call: LayerCall, inputs):
    """Known only when ``output_shape=`` is given or the body is trivially elementwise.  On a list of tensors
    (``Lambda(distance, output_shape=(1,))([a, b])``) the batch axis is the first tensor's, as Keras takes it
    (``tree.flatten(input_shape)[0]``)."""
    declared = call.args.get("output_shape")
    function = call.args.get("function")
    if len(inputs) != 1:
        if not inputs or not isinstance(declared, (tuple, list)) \
                or not all(isinstance(d, int) or d is None for d in declared):
            raise Unresolved("output_shape")
        require_rank(call, inputs[0], min_ndim=1, words="(batch, ...)")
        return (inputs[0][0], *declared)
    (shape,) = inputs
    if isinstance(declared, (tuple, list)) and all(isinstance(d, int) or d is None for d in declared):
        require_rank(call, shape, min_ndim=1, words="(batch, ...)")  # rank 0: Keras' IndexError taking shape[0]
        out = (shape[0], *declared)
        if isinstance(function, LambdaBody):
            try:
                actual = function.apply(shape)
            except Unresolved:
                return out
            if len(actual) != len(out) or any(a is not None and b is not None and a != b
                                               for a, b in zip(actual[1:], out[1:])):
                # Keras believes output_shape symbolically; the data then has the function's shape.
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(output_shape={tuple(declared)!r}) on input "
                                                     f"{format_shape(shape)}: the function returns "
                                                     f"{format_shape(actual)}, not {format_shape(out)}",
                                   severity="warning", output=out)
        return out
    if isinstance(function, LambdaBody):
        return function.apply(shape)
    raise Unresolved("function")


class LambdaBody:
    """What the source front-end could read of a lambda: ``x * 2``, ``tf.expand_dims(x, -1)``..."""

    def __init__(self, op: str, axis: int | None = None):
        self.op = op  # "identity" | "expand_dims" | "squeeze"
        self.axis = axis

    def apply(self, shape: tuple) -> tuple:
        if self.op == "identity":
            return shape
        rank = len(shape)
        if self.op == "expand_dims":
            axis = self.axis if self.axis >= 0 else rank + 1 + self.axis
            if 1 <= axis <= rank:
                return (*shape[:axis], 1, *shape[axis:])
        if self.op == "squeeze":
            axis = self.axis if self.axis >= 0 else rank + self.axis
            if 1 <= axis < rank and shape[axis] == 1:
                return (*shape[:axis], *shape[axis + 1:])
        raise Unresolved("function")

    def __repr__(self) -> str:
        return f"LambdaBody({self.op!r}, {self.axis!r})"


@rule("<declared>", params=("shape",), multi_input=True)
def declared_output(call: LayerCall, inputs):
    """A custom layer whose call() could not be followed but whose ``compute_output_shape`` could: Keras
    itself trusts that method for the symbolic output, so the shape it returns is the layer's output."""
    shape = call.raw("shape", allow_symbol=True)
    if not isinstance(shape, (tuple, list)) or not all(d is None or isinstance(d, (int, Symbol)) for d in shape):
        raise Unresolved("shape")
    return tuple(shape)


@rule("<model-input>", params=("expected", "position", "model"))
def model_input(call: LayerCall, inputs):
    """A functional model called on a tensor: Keras checks it against the model's Input (its InputSpec, with the
    last axis of size 1 allowed to be squeezed or added) before any layer runs."""
    (shape,) = inputs
    expected = call.raw("expected", allow_symbol=True)
    got, want = list(shape), list(expected)
    if got and got[-1] == 1 and len(got) == len(want) + 1:
        got = got[:-1]
    if want and want[-1] == 1 and len(want) == len(got) + 1:
        want = want[:-1]
    mismatch = len(got) != len(want) or any(
        isinstance(w, int) and isinstance(g, int) and w != g for w, g in zip(want[1:], got[1:]))
    if mismatch:
        raise ShapeProblem(SHARED_LAYER_MISMATCH,
                           f"model '{call.raw('model', '')}' is called on {format_shape(shape)} but its input "
                           f"{call.raw('position', 0)} is {format_shape(tuple(expected))}: Keras finds the input "
                           f"incompatible with the model")
    return shape


@rule("<removed-function>", params=("message",))
def removed_function(call: LayerCall, inputs):
    """A function of older Keras that Keras 3 no longer has, with no Keras 3 op of that spelling shapedoctor checks
    it as (Keras 2's ``K.batch_dot``): Keras raises AttributeError there."""
    raise ShapeProblem(INVALID_ARGUMENT, str(call.raw("message", "Keras 3 has no such function")))


@rule("<not-callable>", params=("message",))
def not_callable(call: LayerCall, inputs):
    """A call on tensors of something that cannot be called on them, as the walk knows it surely is: a model's
    InputLayer (a loop re-applying a backbone's ``model.layers`` from ``[0]``: Keras 3's InputLayer takes no
    input), a string (``self.activation(y)`` with ``activation="relu"``).  Python or Keras raises TypeError
    there."""
    raise ShapeProblem(INVALID_ARGUMENT, str(call.raw("message", "not callable on tensors")))


@rule("<no-such-layer>", params=("message",))
def no_such_layer(call: LayerCall, inputs):
    """``model.get_layer("typo")``: Keras raises ValueError there, before any model is built from it."""
    raise ShapeProblem(INVALID_ARGUMENT, str(call.raw("message", "no such layer")))
