"""Flatten, Reshape, Permute, RepeatVector, UpSampling, ZeroPadding, Cropping (keras/src/layers/reshaping)."""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, NEGATIVE_LENGTH
from ..shapes import Symbol, dim_add, dim_mul, dim_product, format_shape, is_known
from .base import LayerCall, ShapeProblem, Unresolved, require_rank, rule, spatial_rank
from .shape_math import join_spatial, no_negative_size, reshape_output_shape, split_spatial


@rule("Flatten", params=("data_format",))
def flatten(call: LayerCall, inputs):
    (shape,) = inputs
    call.data_format()
    require_rank(call, shape, min_ndim=1, words="(batch, ...)")
    features = shape[1:]
    if not features:
        return (shape[0], 1)
    if any(d is None for d in features):
        return (shape[0], None)
    return (shape[0], dim_product(features))


@rule("Reshape", params=("target_shape",))
def reshape(call: LayerCall, inputs):
    (shape,) = inputs
    target = call.raw("target_shape")
    if not isinstance(target, (tuple, list)):
        # Reshape.__init__ calls tuple(target_shape): Reshape(64) fails, Reshape((64,)) is meant.
        raise call.bad("target_shape", target, "a tuple of integers, such as "
                       + (f"({target},)" if isinstance(target, int) else "(8, 8)"))
    require_rank(call, shape, min_ndim=1, words="(batch, ...)")  # rank 0: Keras' IndexError taking shape[0]
    # compute_reshape_output_shape: a non-integer size (2.0) becomes an unknown (None) dimension.
    target = tuple(None if isinstance(d, float) else d for d in target)
    if None in target:
        return (shape[0], *[None if t == -1 else t for t in target])
    for d in target:
        if isinstance(d, bool) or not isinstance(d, (int, Symbol)):
            raise Unresolved("target_shape")
        if isinstance(d, int) and d < -1:
            raise call.bad("target_shape", target, "non-negative integers or a single -1")
    if target.count(-1) > 1:
        raise call.bad("target_shape", target, "at most one -1")
    return reshape_output_shape(call, shape, target)


@rule("Permute", params=("dims",))
def permute(call: LayerCall, inputs):
    (shape,) = inputs
    dims = call.raw("dims")
    if not isinstance(dims, (tuple, list)) or not all(isinstance(d, int) for d in dims):
        raise call.bad("dims", dims, "a tuple of axis indices")
    if sorted(dims) != list(range(1, len(dims) + 1)):
        raise call.bad("dims", tuple(dims), "a permutation of 1..n (the batch axis is not included)")
    require_rank(call, shape, ndim=len(dims) + 1)
    return (shape[0], *(shape[d] for d in dims))


@rule("RepeatVector", params=("n",))
def repeat_vector(call: LayerCall, inputs):
    (shape,) = inputs
    if isinstance(call.raw("n", None, allow_symbol=True), float):
        raise call.bad("n", call.raw("n"), "an integer")  # "Expected an integer value for `n`"
    n = call.dim("n")
    require_rank(call, shape, ndim=2)
    return (shape[0], n, shape[1])


@rule("UpSampling1D", params=("size",))
def up_sampling_1d(call: LayerCall, inputs):
    (shape,) = inputs
    size = call.dim("size", default=2)
    require_rank(call, shape, ndim=3)
    return (shape[0], dim_mul(size, shape[1]), shape[2])


@rule("UpSampling2D", "UpSampling3D", params=("size", "data_format", "interpolation"))
def up_sampling(call: LayerCall, inputs):
    (shape,) = inputs
    rank = spatial_rank(call.type)
    size = call.int_tuple("size", rank, default=2)
    data_format = call.data_format()
    require_rank(call, shape, ndim=rank + 2)
    spatial, channels = split_spatial(shape, data_format)
    out = join_spatial(shape[0], [dim_mul(s, d) for s, d in zip(size, spatial)], channels, data_format)
    interpolation = call.raw("interpolation", "nearest")
    if call.type == "UpSampling2D" and interpolation not in _INTERPOLATIONS:
        # Keras builds the layer and fails on the first batch ("Invalid value for argument `interpolation`").
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(interpolation={interpolation!r}) on input "
                                             f"{format_shape(shape)}: builds {format_shape(out)} but fails on "
                                             f"data; expected one of {', '.join(map(repr, _INTERPOLATIONS))}",
                           severity="warning", output=out)
    return out


# The resize methods any backend accepts (torch: nearest, bilinear, bicubic; tensorflow and jax add more).
_INTERPOLATIONS = ("nearest", "bilinear", "bicubic", "area", "lanczos3", "lanczos5")


def _pairs(call: LayerCall, name: str, rank: int, default, allow_negative: bool = False) -> list[tuple[int, int]]:
    """An int, a tuple of ``rank`` ints (symmetric), or ``rank`` (before, after) pairs.

    The 1D layers take an int or one (before, after) pair only.
    """
    value = call.raw(name, default)
    if isinstance(value, int) and not isinstance(value, bool):
        value = (value,) * rank if rank > 1 else ((value, value),)
    elif rank == 1 and isinstance(value, (tuple, list)):
        if len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise call.bad(name, value, "an integer or a tuple of 2 integers (before, after)")
        value = (tuple(value),)
    if not isinstance(value, (tuple, list)) or len(value) != rank:
        raise call.bad(name, value, f"an integer, {rank} integers or {rank} (before, after) pairs")
    pairs = []
    for item in value:
        if isinstance(item, int) and not isinstance(item, bool):
            item = (item, item)
        if (not isinstance(item, (tuple, list)) or len(item) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) and (v >= 0 or allow_negative)
                           for v in item)):
            raise call.bad(name, value, "non-negative integers")
        pairs.append(tuple(item))
    return pairs


@rule("ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", params=("padding", "data_format"))
def zero_padding(call: LayerCall, inputs):
    (shape,) = inputs
    rank = spatial_rank(call.type)
    # ZeroPadding2D/3D accept a negative int (it crops); their tuple forms go through
    # standardize_tuple(allow_zero=True) ("value >= 0"), and ZeroPadding1D refuses any negative padding.
    padding = call.raw("padding", 1)
    pairs = _pairs(call, "padding", rank, 1, allow_negative=rank > 1 and isinstance(padding, int))
    data_format = call.data_format()
    require_rank(call, shape, ndim=rank + 2)
    spatial, channels = split_spatial(shape, data_format)
    out = [dim_add(d, a + b) if d is not None else None for d, (a, b) in zip(spatial, pairs)]
    return no_negative_size(call, join_spatial(shape[0], out, channels, data_format), f"padding={padding!r}")


@rule("Cropping1D", "Cropping2D", "Cropping3D", params=("cropping", "data_format"))
def cropping(call: LayerCall, inputs):
    (shape,) = inputs
    rank = spatial_rank(call.type)
    pairs = _pairs(call, "cropping", rank, 0 if rank == 2 else 1)  # Keras' defaults: 1, 0, 1
    data_format = "channels_last" if rank == 1 else call.data_format()
    require_rank(call, shape, ndim=rank + 2)
    spatial, channels = split_spatial(shape, data_format)
    out = []
    for d, (a, b) in zip(spatial, pairs):
        if is_known(d):
            if d - a - b <= 0:
                raise ShapeProblem(NEGATIVE_LENGTH, f"{call.label}(cropping={_text(pairs, rank)}) on input "
                                                    f"{format_shape(shape)}: output size would be {d - a - b}")
            out.append(d - a - b)
        else:
            out.append(None if d is None else dim_add(d, -(a + b)))
    return join_spatial(shape[0], out, channels, data_format)


def _text(pairs, rank):
    return str(pairs[0]) if rank == 1 else str(tuple(pairs))
