"""TimeDistributed: the wrapped layer applied to every time step.

After ``keras/src/layers/rnn/time_distributed.py`` (Keras 3.15): the input needs at
least 3 dimensions; the inner layer is built and its output shape computed on
``(batch, *shape[2:])`` and the time axis is re-inserted at position 1.  Keras builds
the inner layer directly (``layer.build``), without the inner layer's InputSpec check.
"""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT
from ..shapes import format_shape
from .base import LayerCall, ShapeProblem, require_rank, rule
from .nested import nested_arg, run_nested


def run_wrapped(call: LayerCall, layer, shape: tuple):
    """The inner rule on ``shape``; its problems re-raised naming the wrapper too."""
    try:
        return run_nested(layer, "layer", shape)
    except ShapeProblem as exc:
        raise ShapeProblem(exc.kind, f"{call.label}({layer.label}): {exc.message}", severity=exc.severity,
                           hint=exc.hint) from exc


@rule("TimeDistributed", params=("layer",))
def time_distributed(call: LayerCall, inputs):
    (shape,) = inputs
    layer = nested_arg(call, "layer")
    require_rank(call, shape, min_ndim=3, words="(batch, steps, ...)")
    child = (shape[0], *shape[2:])
    out = run_wrapped(call, layer, child)
    if isinstance(out, list):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} cannot wrap {layer.label}: it returns "
                                             f"{len(out)} tensors {format_shape(out)} per step")
    return (out[0], shape[1], *out[1:])
