"""Shape rules of the convolution and pooling ops: ``keras.ops.conv``, ``depthwise_conv``, ``separable_conv``,
``max_pool``, ``average_pool``, and their ``tf.nn`` spellings (``tf.nn.conv2d``, ``tf.nn.max_pool2d``...).

After ``keras/src/ops/nn.py`` (Keras 3.15): ``Conv.compute_output_spec`` checks the input's channels against the
kernel's ``shape[-2]`` (``check_conv_input_channels``, only when both are known) and takes the output from
``compute_conv_output_shape`` with ``kernel.shape[-1]`` filters (``depthwise_conv``: ``shape[-2] * shape[-1]``;
``separable_conv``: the pointwise kernel's ``shape[-1]``); ``MaxPool`` / ``AveragePool`` from
``compute_pooling_output_shape``, strides defaulting to the pool size.  The layers' rules (conv.py, pooling.py)
share the size arithmetic (shape_math.py).

TensorFlow's spellings name the layout ``"NHWC"`` / ``"NCHW"`` (``NWC``, ``NDHWC``...), write padding in capitals
and may give strides and window sizes for every axis (``[1, 2, 2, 1]``: the batch and channel entries must be 1);
explicit padding lists are not modelled (unknown).  Where a window is exactly one step too long TensorFlow gives an
empty output (size 0) instead of raising: a warning with that shape; longer, it raises as Keras does.
"""

from __future__ import annotations

import math

from ..kinds import INVALID_ARGUMENT, NEGATIVE_LENGTH, RANK
from ..shapes import Shape, format_shape, is_known
from .base import LayerCall, ShapeProblem, Unresolved, rule
from .ops import _bad, _raw, tensor
from .shape_math import conv_output_shape, join_spatial, pooling_output_shape, split_spatial

_CONV = ("inputs", "kernel", "strides", "padding", "data_format", "dilation_rate")


def _layout(call: LayerCall, rank: int) -> str:
    """``data_format`` (Keras' words, None: channels_last) or ``tf_data_format`` (TensorFlow's letters)."""
    if call.args.get("tf_data_format") is not None:
        value = _raw(call, "tf_data_format")
        if not isinstance(value, str) or not value.startswith("N") or len(value) not in (3, 4, 5):
            raise _bad(call, "data_format", value, "a layout such as 'NHWC' or 'NCHW'")
        if len(value) != rank:
            raise ShapeProblem(RANK, f"{call.label}(data_format={value!r}) needs an input of rank {len(value)} but "
                                     f"gets rank {rank}")
        return "channels_last" if value.endswith("C") else "channels_first"
    value = _raw(call, "data_format", None)
    if value is None:
        return "channels_last"
    if value not in ("channels_last", "channels_first"):
        raise _bad(call, "data_format", value, "'channels_last' or 'channels_first'")
    return value


def _padding(call: LayerCall) -> str:
    value = _raw(call, "padding", "valid")
    if isinstance(value, (list, tuple)) or (isinstance(value, str) and value.lower() == "causal"):
        raise Unresolved("padding")  # TF's explicit [[0, 0], [1, 1], ...]; causal: not modelled
    if not isinstance(value, str) or value.lower() not in ("valid", "same"):
        raise _bad(call, "padding", value, "'valid' or 'same'")
    return value.lower()


def _per_axis(call: LayerCall, name: str, spatial: int, data_format: str, default=None) -> tuple:
    """An int or one size per spatial axis; TensorFlow's form with the batch and channel axes too (both 1)."""
    value = _raw(call, name, default)
    if value is None:
        raise Unresolved(name)
    if isinstance(value, int) and not isinstance(value, bool):
        value = (value,) * spatial
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, int) and not isinstance(v, bool)
                                                       for v in value):
        raise _bad(call, name, value, f"an integer or a tuple of {spatial} integers")
    value = tuple(value)
    if len(value) == 1 and spatial > 1:
        value = value * spatial
    elif len(value) == spatial + 2 and "tf_data_format" in call.args:  # TF: [1, 2, 2, 1]
        outer = (value[0], value[-1]) if data_format == "channels_last" else (value[0], value[1])
        if outer != (1, 1):
            raise _bad(call, name, list(value), "1 for the batch and channel axes")
        value = value[1:-1] if data_format == "channels_last" else value[2:]
    if len(value) != spatial:
        raise _bad(call, name, value, f"an integer or a tuple of {spatial} integers")
    if any(v <= 0 for v in value):
        raise _bad(call, name, value, "positive integers")
    return value


def _image(call: LayerCall, inputs) -> tuple[Shape, str, int]:
    shape = tensor(call, "inputs", inputs)
    if len(shape) < 3:
        raise ShapeProblem(RANK, f"{call.label} needs an input (batch, ..., channels) of rank 3 to 5 but gets "
                                 f"{format_shape(shape)}")
    return shape, _layout(call, len(shape)), len(shape) - 2


def _kernel(call: LayerCall, name: str, inputs, rank: int) -> Shape:
    kernel = tensor(call, name, inputs)
    if len(kernel) != rank:
        raise ShapeProblem(RANK, f"{call.label}: the kernel {format_shape(kernel)} must have the input's rank "
                                 f"({rank}: spatial sizes, input channels, output channels)",
                           hint="Keras: Kernel shape must have the same length as input")
    return kernel


def _check_channels(call: LayerCall, shape: Shape, kernel: Shape, data_format: str) -> None:
    """``check_conv_input_channels``: only when both are known."""
    _, channels = split_spatial(shape, data_format)
    if is_known(channels) and is_known(kernel[-2]) and channels != kernel[-2]:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: the input has {channels} channels but the kernel "
                                             f"{format_shape(kernel)} takes {kernel[-2]}")


def _convolved(call: LayerCall, inputs, kernel_name: str, filters_of) -> Shape:
    shape, data_format, spatial = _image(call, inputs)
    kernel = _kernel(call, kernel_name, inputs, len(shape))
    _check_channels(call, shape, kernel, data_format)
    sizes = kernel[:-2]
    if not all(is_known(k) for k in sizes):
        raise Unresolved(kernel_name)
    strides = _per_axis(call, "strides", spatial, data_format, 1)
    dilation = _per_axis(call, "dilation_rate", spatial, data_format, 1)
    windows = tuple(d * (k - 1) + 1 for k, d in zip(sizes, dilation))
    filters = filters_of(kernel)
    return _tf_empty_or(call, shape, windows, strides, data_format, filters, lambda: conv_output_shape(
        call, shape, filters, tuple(sizes), strides, _padding(call), data_format, dilation))


def _tf_empty_or(call: LayerCall, shape: Shape, windows: tuple, strides: tuple, data_format: str, channels,
                 compute) -> Shape:
    """``compute()``; for a TensorFlow spelling whose valid window overruns an axis by exactly one step, the empty
    output TensorFlow gives (``ceil((size - window + 1) / stride)`` is 0), as a warning."""
    try:
        return compute()
    except ShapeProblem as problem:
        if problem.kind is not NEGATIVE_LENGTH or "tf_data_format" not in call.args:
            raise
        spatial, _ = split_spatial(shape, data_format)
        out = [math.ceil((n - w + 1) / s) if is_known(n) else n for n, w, s in zip(spatial, windows, strides)]
        if any(is_known(n) and n < 0 for n in out):
            raise
        empty = join_spatial(shape[0], out, channels, data_format)
        raise ShapeProblem(NEGATIVE_LENGTH, f"{problem.message}: TensorFlow gives an empty output "
                                            f"{format_shape(empty)}", severity="warning", output=empty) from None


@rule("ops.conv", params=_CONV, multi_input=True)
def conv(call: LayerCall, inputs):
    return _convolved(call, inputs, "kernel", lambda kernel: kernel[-1])


def _depthwise_channels(kernel: Shape):
    """What a depthwise kernel (spatial sizes, input channels, multiplier) gives: channels times multiplier."""
    return kernel[-2] * kernel[-1] if is_known(kernel[-2]) and is_known(kernel[-1]) else None


@rule("ops.depthwise_conv", params=_CONV, multi_input=True)
def depthwise_conv(call: LayerCall, inputs):
    return _convolved(call, inputs, "kernel", _depthwise_channels)


@rule("ops.separable_conv", params=("inputs", "depthwise_kernel", "pointwise_kernel", "strides", "padding",
                                    "data_format", "dilation_rate"), multi_input=True)
def separable_conv(call: LayerCall, inputs):
    """The depthwise output's channels must be the pointwise kernel's input channels: Keras' symbolic call does not
    check it (the first batch fails: a warning with the shape it builds), TensorFlow's raises."""
    pointwise = tensor(call, "pointwise_kernel", inputs)
    output = _convolved(call, inputs, "depthwise_kernel", lambda kernel: pointwise[-1])
    depthwise = tensor(call, "depthwise_kernel", inputs)
    made = _depthwise_channels(depthwise)
    if len(pointwise) >= 2 and is_known(pointwise[-2]) and made is not None and made != pointwise[-2]:
        tf_spelling = "tf_data_format" in call.args
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: the depthwise kernel {format_shape(depthwise)} makes "
                                             f"{made} channels but the pointwise kernel {format_shape(pointwise)} "
                                             f"takes {pointwise[-2]}", severity=None if tf_spelling else "warning",
                           output=None if tf_spelling else output)
    return output


@rule("ops.max_pool", "ops.average_pool", params=("inputs", "pool_size", "strides", "padding", "data_format"),
      multi_input=True)
def pool(call: LayerCall, inputs):
    shape, data_format, spatial = _image(call, inputs)
    size = _per_axis(call, "pool_size", spatial, data_format)
    strides = size if call.args.get("strides") is None else _per_axis(call, "strides", spatial, data_format)
    _, channels = split_spatial(shape, data_format)
    return _tf_empty_or(call, shape, size, strides, data_format, channels, lambda: pooling_output_shape(
        call, shape, size, strides, _padding(call), data_format))
