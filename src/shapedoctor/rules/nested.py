"""Layers passed as arguments to other layers (``Bidirectional(LSTM(4))``, ``TimeDistributed(Dense(8))``).

The source front-end gives a nested layer constructor call as a :class:`NestedLayer`
whose ``args`` are already named (positionals mapped with :func:`map_arguments`, Keras 2
names translated); :meth:`NestedLayer.from_call` does that mapping.  Wrapper rules run
the inner layer's rule with :func:`run_nested`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kinds import INVALID_ARGUMENT, RANK
from ..shapes import format_shape
from .base import RULES, LayerCall, ShapeProblem, Unresolved, canonical_type, map_arguments


@dataclass
class NestedLayer:
    type: str  # the class name as written, e.g. "LSTM" (aliases allowed)
    args: dict = field(default_factory=dict)  # named arguments, as LayerNode.args
    label: str = ""  # how messages name it, e.g. "LSTM(64)"; defaults to the type

    def __post_init__(self) -> None:
        if not self.label:
            self.label = self.type

    def __repr__(self) -> str:
        """As messages show a value given where a layer does not belong (``SpatialDropout1D(Dropout(0.2))``):
        the layer as written, never this object's fields."""
        return self.label if "(" in self.label else f"{self.label}(...)"

    @classmethod
    def from_call(cls, type_: str, positional: list, keywords: dict, label: str = "") -> "NestedLayer":
        return cls(type_, map_arguments(canonical_type(type_), positional, keywords), label)


def nested_arg(call: LayerCall, name: str) -> NestedLayer:
    """The layer given as argument ``name``; Unresolved unless the front-end could read it."""
    value = call.raw(name)
    if value is None:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs a layer as `{name}`")
    if not isinstance(value, NestedLayer):
        raise Unresolved(name)
    return value


def nested_call(layer: NestedLayer, name: str) -> LayerCall:
    """The inner layer's arguments with the typed accessors; Unresolved when it has no rule."""
    type_ = canonical_type(layer.type)
    if type_ not in RULES:
        raise Unresolved(name)
    return LayerCall(RULES[type_].type, layer.args, layer.label)


# multi-input only when called with more (an RNN's initial_state): on one sequence they are ordinary layers
_OPTIONAL_EXTRA_INPUTS = {"LSTM", "GRU", "SimpleRNN", "Lambda"}  # a list is optional: one tensor is fine


# A user's functional model passed as a layer (``TimeDistributed(face_encoder)``): its args hold the shapes the
# front-end inferred for it on its own Input, "input_shape" and "output_shape".
NESTED_MODEL = "<model>"


def _run_model(layer: NestedLayer, shape: tuple):
    declared, output = layer.args.get("input_shape"), layer.args.get("output_shape")
    if declared is None or output is None:
        raise Unresolved("layer")
    if len(shape) != len(declared):
        raise ShapeProblem(RANK, f"model {layer.label} expects input {format_shape(declared)} but gets "
                                 f"{format_shape(shape)}")
    if any(isinstance(a, int) and isinstance(b, int) and a != b for a, b in zip(shape[1:], declared[1:])):
        raise ShapeProblem(INVALID_ARGUMENT, f"model {layer.label} was built for {format_shape(declared)} "
                                             f"but gets {format_shape(shape)}")
    return (shape[0], *output[1:])


def run_nested(layer: NestedLayer, name: str, shape: tuple):
    """Run the inner layer's rule on one input shape (``apply_rule`` for a nested layer)."""
    if layer.type == NESTED_MODEL:
        return _run_model(layer, tuple(shape))
    inner = nested_call(layer, name)
    rule_ = RULES[inner.type]
    if rule_.multi_input and inner.type not in _OPTIONAL_EXTRA_INPUTS:
        raise Unresolved(name)
    return rule_.fn(inner, [tuple(shape)])
