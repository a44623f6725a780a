"""AdaptiveAveragePooling1D/2D/3D and AdaptiveMaxPooling1D/2D/3D (Keras 3.15).

After ``keras/src/layers/pooling/base_adaptive_pooling.py``: the output is
``(batch, *output_size, channels)`` whatever the input's spatial sizes; Keras checks
``output_size`` (an int or a tuple of 1/2/3 values) and ``data_format`` when constructed,
but the input's rank and positive output sizes only when the model runs (warnings here).
"""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, RANK
from ..shapes import format_shape
from .base import RANK_WORDS, LayerCall, ShapeProblem, Unresolved, rule, spatial_rank
from .shape_math import no_negative_size

_TYPES = tuple(f"Adaptive{kind}Pooling{n}D" for kind in ("Average", "Max") for n in (1, 2, 3))


@rule(*_TYPES, params=("output_size", "data_format"))
def adaptive_pooling(call: LayerCall, inputs):
    (shape,) = inputs
    n = spatial_rank(call.type)
    size = call.raw("output_size", None)
    if isinstance(size, int) and not isinstance(size, bool):
        size = (size,) * n
    elif isinstance(size, (tuple, list)) and len(size) == n:
        if not all(isinstance(s, int) for s in size):
            raise Unresolved("output_size")
        size = tuple(size)
    else:
        raise call.bad("output_size", size, f"an integer or a tuple of {n} integers")
    data_format = call.raw("data_format", None) or "channels_last"
    if data_format not in ("channels_first", "channels_last"):
        raise call.bad("data_format", data_format, "'channels_first' or 'channels_last'")
    if len(shape) < (1 if data_format == "channels_last" else 2):  # Keras: IndexError taking the channels axis
        raise ShapeProblem(RANK, f"{call.label} needs input {RANK_WORDS[n + 2]} but gets {format_shape(shape)}",
                           hint=f"expected ndim={n + 2}, found ndim={len(shape)}")
    channels = shape[-1] if data_format == "channels_last" else shape[1]
    out = (shape[0], *size, channels) if data_format == "channels_last" else (shape[0], channels, *size)
    no_negative_size(call, out, f"output_size={call.raw('output_size')!r}")  # Keras fails when it builds
    if len(shape) != n + 2:
        raise ShapeProblem(RANK, f"{call.label} needs input {RANK_WORDS[n + 2]} but gets {format_shape(shape)}; "
                                 f"Keras builds the layer but fails when it runs",
                           severity="warning", output=out, hint=f"expected ndim={n + 2}, found ndim={len(shape)}")
    if any(s == 0 for s in size):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(output_size={call.raw('output_size')!r}): output sizes "
                                             f"must be positive; Keras builds the layer but fails when it runs",
                           severity="warning", output=out)
    return out
