"""Pooling: Max/Average pooling 1D/2D/3D and their global versions (keras/src/layers/pooling)."""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT
from .base import LayerCall, ShapeProblem, require_rank, rule, spatial_rank
from .shape_math import pooling_output_shape, split_spatial


@rule("MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
      params=("pool_size", "strides", "padding", "data_format"),
      aliases={f"{short}{d}D": f"{full}{d}D"
               for short, full in (("MaxPool", "MaxPooling"), ("AvgPool", "AveragePooling")) for d in (1, 2, 3)})
def pooling(call: LayerCall, inputs):
    (shape,) = inputs
    rank = spatial_rank(call.type)
    if call.type.startswith("Average") and call.args.get("pool_size") is None:
        # AveragePooling*D(pool_size, ...) has no default in Keras 3 (MaxPooling*D defaults to 2).
        if "pool_size" not in call.args:  # Keras: "missing 1 required positional argument: 'pool_size'"
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}() needs pool_size: it has no default in Keras 3 "
                                                 f"(Keras 2 used 2); write {call.label}({'2' if rank == 1 else (2,) * rank})")
        raise call.bad("pool_size", None, f"an integer or a tuple of {rank} integers (it has no default)")
    # a pool size read from data (pool_size=num_points): the output length is named after it
    pool = call.int_tuple("pool_size", rank, default=2, allow_symbol=True)
    strides = call.int_tuple("strides", rank, default=None, allow_symbol=True) or pool
    if call.raw("padding", "valid") in ("VALID", "SAME"):
        # Pooling does not lower-case padding (convolutions do): "must be either 'valid' or 'same'".
        raise call.bad("padding", call.raw("padding"), "'valid' or 'same' (lower case)")
    padding = call.choice("padding", ("valid", "same"), "valid")
    data_format = call.data_format()
    require_rank(call, shape, ndim=rank + 2)
    return pooling_output_shape(call, shape, pool, strides, padding, data_format)


@rule("GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
      "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
      params=("data_format", "keepdims"),
      aliases={f"Global{short}{d}D": f"Global{full}{d}D"
               for short, full in (("MaxPool", "MaxPooling"), ("AvgPool", "AveragePooling")) for d in (1, 2, 3)})
def global_pooling(call: LayerCall, inputs):
    (shape,) = inputs
    rank = spatial_rank(call.type)
    data_format = call.data_format()
    keepdims = call.flag("keepdims")
    require_rank(call, shape, ndim=rank + 2)
    _, channels = split_spatial(shape, data_format)
    if not keepdims:
        return (shape[0], channels)
    if data_format == "channels_last":
        return (shape[0], *(1,) * rank, channels)
    return (shape[0], channels, *(1,) * rank)
