"""Constructor checks Keras 3.15 does for arguments many layers share, run before every layer rule.

* ``activation=`` / ``recurrent_activation=``: ``keras.activations.get`` looks a string up in its table
  (case-sensitive: ``"Relu"`` and ``"leakyrelu"`` are refused) and refuses a number;
* ``*_initializer=`` / ``*_regularizer=`` / ``*_constraint=``: ``keras.initializers.get`` (and the
  regularizer/constraint ``get``) accept the class name or its snake_case spelling only; a few names
  exist but cannot be built without arguments (``"constant"``, ``"stft"``, the ``"Initializer"`` base);
* ``Identity`` needs a 2D weight and ``Orthogonal`` one of rank 2 or more (``bias_initializer="orthogonal"``
  fails when the layer is built);
* ``activity_regularizer=``: every layer (``Layer.__init__``) resolves it with ``keras.regularizers.get``.

Only the layers of ``keras.layers`` that take these arguments are checked, and only string (or number)
values: a callable, a layer, a config dict or an unknown value passes.  Recorded from Keras in
``tests/rules/expected_validation.json`` (``record_keras.py validation``).
"""

from __future__ import annotations

import re

from ..kinds import INVALID_ARGUMENT
from .base import COMMON_CHECKS, NOT_KNOWN, LayerCall, ShapeProblem
from .inventory import KERAS_LAYER_NAMES

# keras.activations.ALL_OBJECTS_DICT (Keras 3.15.1)
ACTIVATIONS = frozenset({
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu", "hard_swish",
    "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid",
    "silu", "soft_shrink", "softmax", "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax",
    "squareplus", "swish", "tanh", "tanh_shrink", "threshold",
})
# keras.initializers.ALL_OBJECTS_DICT, without the names that cannot be built from the string alone
# ("constant": KeyError 'value'; "stft": ValueError; "Initializer": NotImplementedError; see _NEEDS_ARGUMENTS)
INITIALIZERS = frozenset({
    "GlorotNormal", "GlorotUniform", "HeNormal", "HeUniform", "Identity", "IdentityInitializer", "LecunNormal",
    "LecunUniform", "Ones", "Orthogonal", "OrthogonalInitializer", "RandomNormal", "RandomUniform",
    "TruncatedNormal", "VarianceScaling", "Zeros", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform",
    "identity", "lecun_normal", "lecun_uniform", "normal", "one", "ones", "orthogonal", "random_normal",
    "random_uniform", "truncated_normal", "uniform", "variance_scaling", "zero", "zeros",
})
REGULARIZERS = frozenset({"L1", "L1L2", "L2", "OrthogonalRegularizer", "Regularizer", "l1", "l1l2", "l2",
                          "orthogonal_regularizer", "regularizer"})
CONSTRAINTS = frozenset({"Constraint", "MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm", "constraint", "max_norm",
                         "min_max_norm", "non_neg", "unit_norm"})

# keras.layers classes whose constructor takes `activation` / `*_initializer` / `*_regularizer` / `*_constraint`
# (inspect.signature, Keras 3.15.1); every other keras.layers class only takes `activity_regularizer`.
_TAKES_OBJECT_ARGUMENTS = frozenset({
    "Activation", "BatchNormalization", "Conv1D", "Conv1DTranspose", "Conv2D", "Conv2DTranspose", "Conv3D",
    "Conv3DTranspose", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "Dense", "DepthwiseConv1D", "DepthwiseConv2D",
    "EinsumDense", "Embedding", "GRU", "GRUCell", "GroupNormalization", "GroupQueryAttention", "LSTM", "LSTMCell",
    "LayerNormalization", "MultiHeadAttention", "PReLU", "ReversibleEmbedding", "SeparableConv1D",
    "SeparableConv2D", "SimpleRNN", "SimpleRNNCell",
})
_KERAS_LAYERS = frozenset(KERAS_LAYER_NAMES)
_OBJECT_ARGUMENT = re.compile(r"(?:^|_)(activation|initializer|regularizer|constraint)$")
_TABLES = {"activation": (ACTIVATIONS, "activation function"), "initializer": (INITIALIZERS, "initializer"),
           "regularizer": (REGULARIZERS, "regularizer"), "constraint": (CONSTRAINTS, "constraint")}
_HINTS = {"activation": "e.g. 'relu', 'leaky_relu', 'gelu', 'swish' (lower case)",
          "initializer": "e.g. 'glorot_uniform', 'he_normal', 'HeNormal'",
          "regularizer": "'l1', 'l2', 'l1l2' or a keras.regularizers object",
          "constraint": "'max_norm', 'non_neg', 'unit_norm', 'min_max_norm' or a keras.constraints object"}


# Initializers that exist but cannot be made from their name alone (they need arguments).
_NEEDS_ARGUMENTS = frozenset({"Constant", "constant", "STFT", "STFTInitializer", "stft", "Initializer",
                              "initializer"})
# Initializers that need a weight of a given rank: Identity a matrix, Orthogonal at least a matrix.
_IDENTITY = frozenset({"Identity", "IdentityInitializer", "identity"})
_ORTHOGONAL = frozenset({"Orthogonal", "OrthogonalInitializer", "orthogonal"})


def _weight_rank(call: LayerCall, name: str, inputs: list) -> int | None:
    """The rank of the weight ``name`` initializes (the smallest, for several weights; None: not known)."""
    type_ = call.type
    if type_ == "PReLU":  # one alpha per non-batch position
        return len(inputs[0]) - 1 if len(inputs) == 1 and name == "alpha_initializer" else None
    if type_ in ("MultiHeadAttention", "GroupQueryAttention"):  # (dim, heads, key_dim) kernels; a (dim,) bias
        return {"kernel_initializer": 3, "bias_initializer": 1}.get(name)
    n = int(type_[-2]) if type_[-2:] in ("1D", "2D", "3D") else int(type_[-11]) if type_.endswith("DTranspose") \
        else None
    conv = n is not None and (type_.startswith(("Conv", "Depthwise", "Separable")))
    if name == "bias_initializer":
        if type_ in ("GRU", "GRUCell"):  # reset_after=True (the default): one bias row per kernel
            reset_after = call.maybe("reset_after", True)
            return None if reset_after is NOT_KNOWN else (2 if reset_after else 1)
        if type_ == "EinsumDense":
            return None
        return 1
    if name in ("beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer"):
        if type_ == "LayerNormalization" and isinstance(call.maybe("axis", -1), (list, tuple)):
            return None
        return 1
    if name == "embeddings_initializer":
        return 2
    if name in ("kernel_initializer", "recurrent_initializer"):
        if type_ in ("Dense", "LSTM", "GRU", "SimpleRNN", "LSTMCell", "GRUCell", "SimpleRNNCell"):
            return 2
        return n + 2 if conv else None
    if name in ("depthwise_initializer", "pointwise_initializer"):
        return n + 2 if conv else None
    return None


def _initializer_problem(call: LayerCall, name: str, value, inputs: list) -> str | None:
    if value in _NEEDS_ARGUMENTS:
        return "this initializer needs arguments: Keras cannot make it from its name alone"
    if value in _IDENTITY or value in _ORTHOGONAL:
        rank = _weight_rank(call, name, inputs)
        if rank is None:
            return None
        if value in _IDENTITY and rank != 2:
            return f"the Identity initializer only makes 2D matrices, and this weight has rank {rank}"
        if value in _ORTHOGONAL and rank < 2:
            return "the Orthogonal initializer needs a weight of rank 2 or more, and this one is a vector"
    return None


def _refused(value, table) -> bool:
    if isinstance(value, str):
        return value not in table
    return isinstance(value, (int, float))  # a number is no identifier (bool included: not callable)


class _ArgumentKinds(dict):
    """argument name -> what it is ("activation", "initializer"...), else None; asked for every argument of every
    layer inferred, of a few dozen names: the regex runs once per name, a lookup is a plain dict hit."""

    def __missing__(self, name: str) -> str | None:
        match = _OBJECT_ARGUMENT.search(name)
        what = self[name] = match.group(1) if match else None
        return what


_OBJECT_ARGUMENTS = _ArgumentKinds()


def check_object_arguments(call: LayerCall, inputs: list) -> None:
    """``activation``/``*_initializer``/``*_regularizer``/``*_constraint`` strings Keras cannot resolve."""
    type_ = call.type
    if type_ not in _KERAS_LAYERS:
        return
    names = call.args if type_ in _TAKES_OBJECT_ARGUMENTS else \
        (("activity_regularizer",) if "activity_regularizer" in call.args else ())
    for name in names:
        if name == "activity_regularizer" and type_ == "SimpleRNN":
            continue  # SimpleRNN.__init__ takes it and drops it (never passed on to Layer)
        what = _OBJECT_ARGUMENTS[name]
        if what is None:
            continue
        value = call.maybe(name)
        if value is NOT_KNOWN or value is None:
            continue
        table, words = _TABLES[what]
        if what == "initializer" and isinstance(value, str):
            problem = _initializer_problem(call, name, value, inputs)
            if problem:
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={value!r}): {problem}",
                                   hint=_HINTS[what])
        if _refused(value, table):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={value!r}): Keras cannot interpret it as "
                                                 f"a{'n' if words[0] in 'aeiou' else ''} {words}",
                               hint=_HINTS[what])


COMMON_CHECKS.append(check_object_arguments)


def check_layer_name(call: LayerCall, inputs: list) -> None:
    """``name="encoder_0/ffn"``: Keras 2 scoped names took "/", every Keras 3 layer refuses it (ValueError)."""
    if call.type not in _KERAS_LAYERS or "name" not in call.args:
        return
    name = call.maybe("name")
    if isinstance(name, str) and "/" in name:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(name={name!r}): a Keras 3 layer's name cannot contain "
                                             f"'/' (ValueError)", hint=f"write name={name.replace('/', '_')!r}")


COMMON_CHECKS.append(check_layer_name)
