"""Rule registry, argument normalisation and the problem type rules raise.

A rule is a pure function ``(call: LayerCall, inputs: list[Shape]) -> Shape | list[Shape]``
registered by Keras class name.  Where Keras would raise, the rule raises
:class:`ShapeProblem`; the engine turns it into a finding.  Where an argument could not
be folded, reading it raises :class:`Unresolved` and the output becomes unknown.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..graph import UNKNOWN, OneOf
from ..kinds import INVALID_ARGUMENT, RANK, Kind
from ..shapes import Dim, Shape, Symbol, format_shape, value_class


class ShapeProblem(Exception):
    """What Keras would raise (or, with severity='warning', accept but fail on later)."""

    def __init__(self, kind: Kind, message: str, severity: str | None = None, hint: str | None = None,
                 output=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.severity = severity or kind.severity
        self.hint = hint
        self.output = output  # for a warning: the shape Keras builds anyway, so checking goes on

    def __reduce__(self):  # picklable, for `check -j N`
        return (ShapeProblem, (self.kind, self.message, self.severity, self.hint, self.output))


class Unresolved(Exception):
    """An argument the rule needs could not be folded to a value."""


class _NotKnown:
    """An argument that is only validated, never needed for the shape, whose value is not known."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "<not known>"


NOT_KNOWN = _NotKnown()


@dataclass(frozen=True)
class DataShape:
    """``shape=X_train.shape`` (or ``np.shape(X_train)``) of data whose shape is not known: the whole data's
    shape, whose first axis is the number of samples, given as the shape of one sample."""

    text: str  # what was written: "X_train.shape"
    sizes: tuple | None = None  # the array's shape when the front-end folded it: (335, 2)


@dataclass(frozen=True)
class Rule:
    type: str
    fn: Callable
    params: tuple[str, ...]  # positional parameter names, in Keras' signature order
    multi_input: bool = False  # takes a list of tensors (merge layers)
    defaults: dict = field(default_factory=dict)


@value_class
class TensorArg:
    """In an op node's arguments: the op's ``index``-th graph input stands here (``ops.add(x, y)``)."""

    index: int


@dataclass(frozen=True)
class ConstTensor:
    """In an op node's arguments: a constant of known shape, no batch axis (a weight, a numpy array)."""

    shape: tuple


_FRONT_END_TYPES: dict[type, bool] = {}  # type -> defined by a front-end (its __module__, asked once per type)


def _front_end_value(value: Any, depth: int = 0) -> bool:
    """A front-end's own abstract value (a tensor reference, an unfolded ``x.shape``...) where a rule expects a
    plain one: the argument is not known, and its repr must never reach a message."""
    kind = type(value)
    ours = _FRONT_END_TYPES.get(kind)
    if ours is None:
        ours = _FRONT_END_TYPES[kind] = kind.__module__.startswith("shapedoctor.frontends")
    if ours:
        return True
    if depth and value is UNKNOWN or kind is OneOf:  # RandomZoom((-factor, 0.0)) with `factor` unknown
        return True
    if isinstance(value, (tuple, list)) and depth < 2:
        return any(_front_end_value(v, depth + 1) for v in value)
    return False


RULES: dict[str, Rule] = {}
# Ops that keep axis 0 where it is whatever their arguments (elementwise ones: ops.py adds them), for
# LayerCall.batch_is_model_batch.
BATCH_KEEPING_OPS: set[str] = set()
ALIASES: dict[str, str] = {}
# Checks every rule runs first: the constructor validation Keras does for arguments many layers share
# (``activation=``, ``*_initializer=``...), see validation.py.  Each takes the LayerCall and the input shapes
# and raises ShapeProblem.
COMMON_CHECKS: list[Callable] = []


def _with_common_checks(fn: Callable) -> Callable:
    @functools.wraps(fn)
    def checked(call, inputs):
        for check in COMMON_CHECKS:
            check(call, inputs)
        return fn(call, inputs)

    checked.unchecked = fn
    return checked


def rule(*types: str, params: tuple[str, ...] = (), multi_input: bool = False,
         aliases: tuple[str, ...] | dict[str, str] = ()):
    """Register ``fn`` as the shape rule of each Keras class in ``types``.

    ``aliases``: other spellings, as ``{alias: type}``; a tuple only when there is one type.
    """
    if not isinstance(aliases, dict):
        if aliases and len(types) != 1:
            raise TypeError("aliases of a multi-type rule must say which type each one stands for")
        aliases = {alias: types[0] for alias in aliases}

    def register(fn: Callable) -> Callable:
        checked = _with_common_checks(fn)
        for type_ in types:
            RULES[type_] = Rule(type_, checked, params, multi_input)
        for alias, type_ in aliases.items():
            ALIASES[alias] = type_
        return fn

    return register


# Keras 2 argument names still seen in the wild, per parameter they stand for.
KERAS2_KWARGS = {
    "nb_filter": "filters",
    "filter_length": "kernel_size",
    "subsample_length": "strides",
    "subsample": "strides",
    "border_mode": "padding",
    "output_dim": "units",
    "pool_length": "pool_size",
    "stride": "strides",
    "dim_ordering": "data_format",
    "atrous_rate": "dilation_rate",
}


def canonical_type(name: str) -> str:
    return ALIASES.get(name, name)


def map_arguments(type_: str, positional: list, keywords: dict) -> dict:
    """Name positional arguments after Keras' signature and translate Keras 2 names."""
    args: dict[str, Any] = {}
    rule_ = RULES.get(type_)
    params = rule_.params if rule_ else ()
    for i, value in enumerate(positional):
        args[params[i] if i < len(params) else f"__arg{i}"] = value
    for key, value in keywords.items():
        if key not in params:  # e.g. Embedding's own output_dim is not Keras 2's Dense(output_dim=)
            key = KERAS2_KWARGS.get(key, key)
        if key == "dim_ordering" or (key == "data_format" and value in ("tf", "th")):
            value = {"tf": "channels_last", "th": "channels_first"}.get(value, value)
        args[key] = value
    return args


_MISSING = object()
_PLAIN_SCALARS = frozenset({int, str, bool, float, type(None)})  # never UNKNOWN, a Symbol or a front-end value


class LayerCall:
    """A layer's arguments with typed, Keras-normalised accessors (``standardize_*``)."""

    def __init__(self, type_: str, args: dict, label: str | None = None):
        self.type = type_
        self.label = label or type_
        self.args = args
        # () -> the types of every node this call's inputs come from (set by the inference walk; None when the
        # rule runs on shapes alone, as in apply_rule)
        self.upstream: Callable[[], set[str]] | None = None

    def batch_is_model_batch(self) -> bool:
        """Whether axis 0 of the inputs is surely the model's own batch axis: every node they come from is a model
        input or a Keras layer (layers never move the batch axis; an op, a Lambda or an unknown layer may fold
        other axes into it, as ``ops.reshape(x, (-1, d))`` does).  False when not known."""
        if self.upstream is None:
            return False
        return all(t in ("InputLayer", "<model-input>") or t in BATCH_KEEPING_OPS
                   or (t in RULES and not t.startswith("ops.") and t not in ("Lambda", "Constant"))
                   for t in self.upstream())

    def has(self, name: str) -> bool:
        return name in self.args

    def raw(self, name: str, default: Any = None, allow_symbol: bool = False) -> Any:
        value = self.args.get(name, default)
        if type(value) in _PLAIN_SCALARS:  # the commonest arguments: no further test
            return value
        if value is UNKNOWN or (isinstance(value, Symbol) and not allow_symbol) or _front_end_value(value):
            raise Unresolved(name)
        return value

    def maybe(self, name: str, default: Any = None) -> Any:
        """An argument read only to validate it: an unknown value skips the check (NOT_KNOWN), it never makes
        the output unknown, since the shape does not depend on it."""
        try:
            return self.raw(name, default)
        except Unresolved:
            return NOT_KNOWN

    def bad(self, name: str, value: Any, expected: str) -> ShapeProblem:
        if value is UNKNOWN or _front_end_value(value):
            # a value the front-end could not read (``x_train.shape[1:]`` of unread data) is never said to be wrong,
            # and its internal form never reaches a message
            raise Unresolved(name)
        return ShapeProblem(
            INVALID_ARGUMENT, f"{self.label}({name}={value!r}): expected {expected}"
        )

    def dim(self, name: str, default: Any = _MISSING, positive: bool = True) -> Dim:
        """An integer size such as ``units`` or ``filters``; symbols pass through."""
        value = self.raw(name, None if default is _MISSING else default, allow_symbol=True)
        if value is None and default is _MISSING:
            raise self.bad(name, value, "an integer")
        if isinstance(value, Symbol) or value is None:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                raise self.bad(name, value, "an integer")
        if positive and value <= 0:
            raise self.bad(name, value, "a positive integer")
        return value

    def int_tuple(self, name: str, n: int, default: Any = _MISSING, allow_zero: bool = False,
                  allow_symbol: bool = False) -> tuple:
        """``standardize_tuple``: an int or a sequence of ``n`` ints (``allow_symbol``: or named sizes, where the
        rule's arithmetic carries them)."""
        value = self.raw(name, None if default is _MISSING else default, allow_symbol=True)
        if value is None:
            if default is _MISSING or default is not None:  # None written where Keras needs a size: it raises
                raise self.bad(name, value, f"an integer or a tuple of {n} integers")
            return None
        if isinstance(value, (int, Symbol)) and not isinstance(value, bool):
            value = (value,) * n
        if not isinstance(value, (tuple, list)) or len(value) != n:
            raise self.bad(name, value, f"an integer or a tuple of {n} integers")
        for v in value:
            if isinstance(v, Symbol):
                if allow_symbol:
                    continue
                raise Unresolved(name)
            if isinstance(v, bool) or not isinstance(v, int) or v < 0 or (v == 0 and not allow_zero):
                raise self.bad(name, value, f"a tuple of {n} positive integers")
        return tuple(value)

    def choice(self, name: str, options: tuple[str, ...], default: str) -> str:
        value = self.raw(name, default)
        if value is None:
            value = default
        if isinstance(value, str):
            value = value.lower()
        if value not in options:
            raise self.bad(name, value, "one of " + ", ".join(repr(o) for o in options))
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.raw(name, default)
        return bool(value)

    def data_format(self) -> str:
        return self.choice("data_format", ("channels_last", "channels_first"), "channels_last")

    def axis(self, name: str, default: int) -> int:
        value = self.raw(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.bad(name, value, "an integer axis")
        return value


# What each rank means, for messages ("Conv1D needs input (batch, steps, channels)").
RANK_WORDS = {
    2: "(batch, features)",
    3: "(batch, steps, channels)",
    4: "(batch, height, width, channels)",
    5: "(batch, depth, height, width, channels)",
}


def require_rank(call: LayerCall, shape: Shape, ndim: int | None = None, min_ndim: int | None = None,
                 words: str | None = None) -> None:
    """Keras' InputSpec(ndim=..., min_ndim=...) check."""
    rank = len(shape)
    if ndim is not None and rank != ndim:
        want = words or RANK_WORDS.get(ndim, f"of rank {ndim}")
        raise ShapeProblem(RANK, f"{call.label} needs input {want} but gets {format_shape(shape)}",
                           hint=f"expected ndim={ndim}, found ndim={rank}")
    if min_ndim is not None and rank < min_ndim:
        want = words or RANK_WORDS.get(min_ndim, f"of rank >= {min_ndim}")
        raise ShapeProblem(RANK, f"{call.label} needs input {want} but gets {format_shape(shape)}",
                           hint=f"expected min_ndim={min_ndim}, found ndim={rank}")


def spatial_rank(type_: str) -> int:
    """1, 2 or 3: the number of spatial axes a ``...1D/2D/3D...`` layer works on (Conv2DTranspose -> 2)."""
    return int(re.search(r"([123])D", type_).group(1))


def format_tuple(values) -> str:
    """Arguments echoed as written: ``3`` for a 1-tuple, ``(3, 3)`` otherwise."""
    values = tuple(values)
    return str(values[0]) if len(values) == 1 else str(values)


def upstream_types(graph, node) -> set[str]:
    """The types of every node ``node``'s inputs come from, transitively (for :attr:`LayerCall.upstream`)."""
    seen: set[int] = set()
    stack = [ref[0] for ref in node.inputs]
    types: set[str] = set()
    while stack:
        index = stack.pop()
        if index in seen:
            continue
        seen.add(index)
        upstream = graph.nodes[index]
        types.add(upstream.type)
        stack.extend(ref[0] for ref in upstream.inputs)
    return types


def apply_rule(type_: str, args: dict, inputs: list, label: str | None = None):
    """Run the rule of ``type_`` on concrete input shapes.

    Returns the output shape (a tuple) or, for layers with several outputs, a list of
    shapes.  Raises ShapeProblem where Keras raises, Unresolved for unfoldable
    arguments, KeyError when no rule exists.
    """
    rule_ = RULES[canonical_type(type_)]
    call = LayerCall(rule_.type, args, label or type_)
    if not rule_.multi_input and len(inputs) != 1 and rule_.type not in ("InputLayer", "Input"):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} takes one input but gets {len(inputs)}")
    return rule_.fn(call, [tuple(s) for s in inputs])
