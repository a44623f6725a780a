"""Input, Dense, Lambda and the shape-preserving layers (activations, dropout, noise)."""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, SHARED_LAYER_MISMATCH, UNDEFINED_DIM
from ..shapes import Symbol, format_shape
from .base import NOT_KNOWN, LayerCall, ShapeProblem, Unresolved, require_rank, rule


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
    if isinstance(call.raw("units", None, allow_symbol=True), float):
        # Dense.__init__ checks isinstance(units, int): 4.0 is refused (LSTM and Conv accept it).
        raise call.bad("units", call.raw("units"), "a positive integer")
    units = call.dim("units")
    require_rank(call, shape, min_ndim=2, words="(batch, ..., features)")
    if shape[-1] is None:
        raise ShapeProblem(UNDEFINED_DIM,
                           f"{call.label} needs its last input dimension to be known but gets {format_shape(shape)}")
    return (*shape[:-1], units)


_SAME_SHAPE = (
    "Activation", "AlphaDropout", "GaussianDropout", "GaussianNoise", "ActivityRegularization",
    "Masking", "Identity", "ReLU", "LeakyReLU", "ELU", "Softmax", "ThresholdedReLU",
    "Rescaling",
)


# Positional parameters in Keras 3.15's constructor order (Rescaling(1 / 255) sets scale).
_SAME_SHAPE_PARAMS = {
    "Activation": ("activation",), "AlphaDropout": ("rate", "noise_shape", "seed"), "GaussianDropout": ("rate", "seed"),
    "GaussianNoise": ("stddev", "seed"), "ActivityRegularization": ("l1", "l2"), "Masking": ("mask_value",),
    "ReLU": ("max_value", "negative_slope", "threshold"), "LeakyReLU": ("negative_slope",), "ELU": ("alpha",),
    "Softmax": ("axis",), "Rescaling": ("scale", "offset"), "ThresholdedReLU": ("theta",),
}


def same_shape(call: LayerCall, inputs):
    (shape,) = inputs
    return shape


for _type in _SAME_SHAPE:
    rule(_type, params=_SAME_SHAPE_PARAMS.get(_type, ()))(same_shape)


@rule("PReLU", params=("alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"))
def prelu(call: LayerCall, inputs):
    """One alpha per non-batch position, except along ``shared_axes``: those sizes must be known."""
    (shape,) = inputs
    shared = call.raw("shared_axes", None)
    if isinstance(shared, int) and not isinstance(shared, bool):
        shared = [shared]
    shared = set(shared or ())
    unknown = [i for i in range(1, len(shape)) if i not in shared and shape[i] is None]
    if unknown:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs input axes {tuple(unknown)} to be known (one alpha "
                                          f"per position) but gets {format_shape(shape)}; share them with "
                                          f"shared_axes={list(unknown)}")
    return shape


def _check_rate(call: LayerCall) -> None:
    rate = call.maybe("rate")
    if rate is NOT_KNOWN:
        return
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
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


@rule("Lambda", params=("function", "output_shape", "mask", "arguments"))
def lambda_layer(call: LayerCall, inputs):
    """Known only when ``output_shape=`` is given or the body is trivially elementwise."""
    (shape,) = inputs
    declared = call.args.get("output_shape")
    function = call.args.get("function")
    if isinstance(declared, (tuple, list)) and all(isinstance(d, int) or d is None for d in declared):
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


@rule("<no-such-layer>", params=("message",))
def no_such_layer(call: LayerCall, inputs):
    """``model.get_layer("typo")``: Keras raises ValueError there, before any model is built from it."""
    raise ShapeProblem(INVALID_ARGUMENT, str(call.raw("message", "no such layer")))
