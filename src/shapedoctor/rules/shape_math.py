"""Shared shape arithmetic, after ``keras/src/ops/operation_utils.py`` (Keras 3.15).

Unknown (``None``) dimensions propagate; symbolic dimensions produce symbolic results;
an error is raised only when concrete dimensions contradict, exactly where Keras raises.
"""

from __future__ import annotations

from ..kinds import INCOMPATIBLE_MERGE, INVALID_ARGUMENT, NEGATIVE_LENGTH, RANK, RESHAPE_SIZE, UNDEFINED_DIM
from ..shapes import Dim, Shape, Symbol, dim_add, dim_floordiv, dim_mul, dim_sub, format_shape, is_known
from .base import RANK_WORDS, LayerCall, ShapeProblem, format_tuple


def no_negative_size(call: LayerCall, out: Shape, arguments: str) -> Shape:
    """``out``, or the error Keras raises when it builds a tensor of it: ``KerasTensor`` refuses a negative size
    ("Cannot convert '(None, -2, 7, 3)' to a shape. Negative dimensions are not allowed.").  ``arguments``: the
    call's arguments as the message echoes them, e.g. ``height=-2, width=7``."""
    if any(is_known(d) and d < 0 for d in out):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({arguments}): the output {format_shape(out)} would have "
                                             f"a negative size")
    return out


def split_spatial(shape: Shape, data_format: str) -> tuple[Shape, Dim]:
    """(spatial dims, channel dim) of a batch-first tensor."""
    if data_format == "channels_last":
        return tuple(shape[1:-1]), shape[-1]
    return tuple(shape[2:]), shape[1]


def join_spatial(batch: Dim, spatial, channels: Dim, data_format: str) -> Shape:
    if data_format == "channels_last":
        return (batch, *spatial, channels)
    return (batch, channels, *spatial)


def _window_length(length: Dim, window: Dim, stride: Dim, padding: str) -> Dim:
    """floor((length - window) / stride) + 1 for valid, ceil(length / stride) for same (a named window or stride:
    a named length)."""
    if padding == "valid":
        if is_known(length) and is_known(window) and is_known(stride):
            return (length - window) // stride + 1
        if length == window and length is not None:
            return 1  # a window as long as the (named) axis: Conv2D(n, (1, int(x.shape[2]))) spans it once
        if stride == 1:
            return dim_sub(length, dim_sub(window, 1))
        return dim_add(dim_floordiv(dim_sub(length, window), stride), 1)
    if is_known(length) and is_known(stride):
        return (length - 1) // stride + 1
    if stride == 1:
        return length
    return dim_add(dim_floordiv(dim_sub(length, 1), stride), 1)


def conv_output_shape(call: LayerCall, shape: Shape, filters: Dim, kernel: tuple, strides: tuple,
                      padding: str, data_format: str, dilation: tuple) -> Shape:
    """``compute_conv_output_shape``: raises where Keras raises."""
    spatial, _ = split_spatial(shape, data_format)
    if len(kernel) + 2 != len(shape):
        raise ShapeProblem(
            RANK,
            f"{call.label}(kernel_size={format_tuple(kernel)}) needs input {RANK_WORDS.get(len(kernel) + 2)} "
            f"but gets {format_shape(shape)}",
            hint="Keras: Kernel shape must have the same length as input",
        )
    out = []
    for length, k, s, d in zip(spatial, kernel, strides, dilation):
        effective = d * (k - 1) + 1 if is_known(k) else k if d == 1 else dim_add(dim_mul(d, dim_sub(k, 1)), 1)
        n = _window_length(length, effective, s, "valid" if padding == "valid" else "same")
        if is_known(n) and n <= 0:
            raise ShapeProblem(
                NEGATIVE_LENGTH,
                f"{call.label}(kernel_size={format_tuple(kernel)}"
                + (f", dilation_rate={format_tuple(dilation)}" if any(x > 1 for x in dilation) else "")
                + (f", strides={format_tuple(strides)}" if any(x > 1 for x in strides) else "")
                + f") on input {format_shape(shape)}: output size would be {n}",
            )
        out.append(n)
    return join_spatial(shape[0], out, filters, data_format)


def pooling_output_shape(call: LayerCall, shape: Shape, pool: tuple, strides: tuple, padding: str,
                         data_format: str) -> Shape:
    """``compute_pooling_output_shape``."""
    spatial, channels = split_spatial(shape, data_format)
    out = []
    for length, p, s in zip(spatial, pool, strides):
        n = _window_length(length, p, s, padding)
        if is_known(n) and n <= 0:
            raise ShapeProblem(
                NEGATIVE_LENGTH,
                f"{call.label}(pool_size={format_tuple(pool)}"
                + (f", strides={format_tuple(strides)}" if strides != pool else "")
                + f") on input {format_shape(shape)}: output size would be {n}",
            )
        out.append(n)
    return join_spatial(shape[0], out, channels, data_format)


def reshape_output_shape(call: LayerCall, shape: Shape, target: tuple) -> Shape:
    """``compute_reshape_output_shape`` for the non-batch axes (Reshape layer)."""
    features = shape[1:]
    if any(d is None for d in features):
        output = (shape[0], *[None if t == -1 else t for t in target])
        _check_variable_length_reshape(call, shape, target, output)
        return output
    if any(isinstance(d, Symbol) for d in features) or any(isinstance(t, Symbol) for t in target):
        return (shape[0], *[None if t == -1 else t for t in target])
    size = 1
    for d in features:
        size *= d
    if -1 not in target:
        want = 1
        for t in target:
            want *= t
        if want != size:
            raise ShapeProblem(
                RESHAPE_SIZE,
                f"Reshape(target_shape={format_tuple(target)}) on input {format_shape(shape)}: "
                f"{_product_text(target)} = {want} elements, but the input has {size}",
            )
        return (shape[0], *target)
    known = 1
    for t in target:
        if t != -1:
            known *= t
    if known == 0 or size % known:
        raise ShapeProblem(
            RESHAPE_SIZE,
            f"Reshape(target_shape={format_tuple(target)}) on input {format_shape(shape)}: "
            f"{size} elements cannot be divided into {format_tuple(target)}",
        )
    return (shape[0], *[size // known if t == -1 else t for t in target])


def _check_variable_length_reshape(call: LayerCall, shape: Shape, target: tuple, output: Shape) -> None:
    """A Reshape without -1 on an input with variable-length (None) axes: Keras builds ``output`` (the target),
    and ``Reshape.call`` resolves the target against the actual sizes ("The total size of the tensor must be
    unchanged").  One sample has ``known x (product of the unknown axes)`` elements: when the target's size is no
    multiple of ``known``, no length fits and every batch fails (a warning).  When it is a multiple, the one
    length that makes the sizes equal runs: that depends on the unknown length, so nothing is reported."""
    if -1 in target:
        return  # some length always fits (the -1 takes the rest)
    features = shape[1:]
    if not all(d is None or (isinstance(d, int) and not isinstance(d, bool)) for d in features):
        return
    if not all(isinstance(t, int) and not isinstance(t, bool) for t in target):
        return
    known = 1
    for d in features:
        if d is not None:
            known *= d
    want = 1
    for t in target:
        want *= t
    if not ((known == 0 and want != 0) or (known and want % known)):
        return
    unknown = [i + 1 for i, d in enumerate(features) if d is None]
    axes = (f"axis {unknown[0]}" if len(unknown) == 1
            else "axes " + ", ".join(map(str, unknown[:-1])) + f" and {unknown[-1]}")
    raise ShapeProblem(RESHAPE_SIZE, f"Reshape(target_shape={format_tuple(target)}) on input {format_shape(shape)}: "
                                     f"the target holds {want} elements, but one sample has {known} x the length "
                                     f"of {axes}, never {want}: no length fits; Keras builds the layer but it "
                                     f"fails on the first batch",
                       severity="warning", output=output,
                       hint=f"target sizes whose product is a multiple of {known}, or -1 for the variable-length "
                            f"axis")


def broadcast_shapes(call: LayerCall, a: Shape, b: Shape) -> Shape:
    """``broadcast_shapes`` (merge layers: Add, Multiply, ...)."""
    a, b = list(a), list(b)
    if len(a) < len(b):
        a = [1] * (len(b) - len(a)) + a
    if len(b) < len(a):
        b = [1] * (len(a) - len(b)) + b
    out = []
    for x, y in zip(a, b):
        if x == 1:
            out.append(y)
        elif x is None:
            out.append(None if y == 1 else y)
        elif y == 1 or y is None or x == y:
            out.append(x)
        elif isinstance(x, Symbol) or isinstance(y, Symbol):
            out.append(x)
        else:
            raise ShapeProblem(
                INCOMPATIBLE_MERGE,
                f"{call.label} cannot combine {format_shape(tuple(a))} and {format_shape(tuple(b))}: "
                f"{x} != {y}",
            )
    return tuple(out)


def require_defined(call: LayerCall, shape: Shape, axes, why: str) -> None:
    for axis in axes:
        if shape[axis] is None:
            raise ShapeProblem(
                UNDEFINED_DIM,
                f"{call.label} needs {why} to be known but gets {format_shape(shape)}",
            )


def _product_text(target) -> str:
    return " x ".join(str(t) for t in target)
