"""Convolutions: Conv1D/2D/3D, transposed, separable and depthwise (keras/src/layers/convolutional)."""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, RANK, UNDEFINED_DIM
from ..shapes import dim_add, dim_mul, dim_sub, format_shape, is_known
from .base import RANK_WORDS, LayerCall, ShapeProblem, format_tuple, require_rank, rule, spatial_rank
from .shape_math import conv_output_shape, join_spatial, split_spatial


def _common(call: LayerCall, shape, allow_causal: bool, named_kernel: bool = False):
    """Arguments every convolution shares, validated as ``BaseConv.__init__``/``build`` do (``named_kernel``: a
    kernel size may be a named size, ``(1, int(x.shape[2]))`` spanning a symbolic axis)."""
    rank = spatial_rank(call.type)
    kernel = call.int_tuple("kernel_size", rank, allow_symbol=named_kernel)
    strides = call.int_tuple("strides", rank, default=1)
    dilation = call.int_tuple("dilation_rate", rank, default=1)
    paddings = ("valid", "same", "causal") if allow_causal else ("valid", "same")
    padding = call.choice("padding", paddings, "valid")
    data_format = call.data_format()
    # Only BaseConv and BaseConvTranspose raise this; separable and depthwise convolutions accept it
    # (their docstrings say otherwise, Keras 3.15's __init__ does not check).
    if max(strides) > 1 and max(dilation) > 1 and not call.type.startswith(("Separable", "Depthwise")):
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}(strides={format_tuple(strides)}, dilation_rate={format_tuple(dilation)}): "
            f"strides > 1 cannot be combined with dilation_rate > 1",
        )
    require_rank(call, shape, min_ndim=rank + 2)
    return rank, kernel, strides, dilation, padding, data_format


def _filters(call: LayerCall):
    if isinstance(call.raw("filters", None, allow_symbol=True), float):
        # The kernel shape (..., filters) is refused: "Cannot convert '(3, 4, 16.0)' to a shape".
        raise call.bad("filters", call.raw("filters"), "a positive integer")
    return call.dim("filters")


def _input_channels(call: LayerCall, shape, data_format: str):
    _, channels = split_spatial(shape, data_format)
    if channels is None:
        raise ShapeProblem(UNDEFINED_DIM,
                           f"{call.label} needs the channel dimension to be known but gets {format_shape(shape)}")
    return channels


@rule("Conv1D", "Conv2D", "Conv3D",
      params=("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation"),
      aliases={"Convolution1D": "Conv1D", "Convolution2D": "Conv2D", "Convolution3D": "Conv3D"})
def conv(call: LayerCall, inputs):
    (shape,) = inputs
    filters = _filters(call)
    groups = call.dim("groups", default=1)
    if is_known(filters) and is_known(groups) and filters % groups:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(filters={filters}, groups={groups}): "
                                             f"filters must be divisible by groups")
    rank, kernel, strides, dilation, padding, data_format = _common(call, shape, call.type == "Conv1D",
                                                                    named_kernel=True)
    channels = _input_channels(call, shape, data_format)
    if is_known(channels) and is_known(groups) and channels % groups:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(groups={groups}) on input {format_shape(shape)}: "
                                             f"{channels} input channels are not divisible by groups")
    return conv_output_shape(call, shape, filters, kernel, strides, padding, data_format, dilation)


@rule("SeparableConv1D", "SeparableConv2D",
      params=("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier"),
      aliases={"SeparableConvolution1D": "SeparableConv1D", "SeparableConvolution2D": "SeparableConv2D"})
def separable_conv(call: LayerCall, inputs):
    (shape,) = inputs
    filters = _filters(call)
    call.dim("depth_multiplier", default=1)
    rank, kernel, strides, dilation, padding, data_format = _common(call, shape, False)
    _input_channels(call, shape, data_format)
    return conv_output_shape(call, shape, filters, kernel, strides, padding, data_format, dilation)


@rule("DepthwiseConv1D", "DepthwiseConv2D",
      params=("kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate"))
def depthwise_conv(call: LayerCall, inputs):
    (shape,) = inputs
    multiplier = call.dim("depth_multiplier", default=1)
    rank, kernel, strides, dilation, padding, data_format = _common(call, shape, False)
    channels = _input_channels(call, shape, data_format)
    filters = channels * multiplier if is_known(channels) and is_known(multiplier) else None
    return conv_output_shape(call, shape, filters, kernel, strides, padding, data_format, dilation)


@rule("Conv3DTranspose", params=("filters", "kernel_size", "strides", "padding", "data_format", "output_padding",
                                  "dilation_rate"), aliases=("Convolution3DTranspose", "Deconvolution3D"))
@rule("Conv1DTranspose", "Conv2DTranspose",
      params=("filters", "kernel_size", "strides", "padding", "output_padding", "data_format", "dilation_rate"),
      aliases={"Convolution1DTranspose": "Conv1DTranspose", "Convolution2DTranspose": "Conv2DTranspose",
               "Deconvolution2D": "Conv2DTranspose"})
def conv_transpose(call: LayerCall, inputs):
    (shape,) = inputs
    filters = _filters(call)
    rank, kernel, strides, dilation, padding, data_format = _common(call, shape, False)
    output_padding = call.int_tuple("output_padding", rank, default=None, allow_zero=True)
    if output_padding is not None:
        for p, s in zip(output_padding, strides):
            if p >= s:
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(output_padding={format_tuple(output_padding)}, "
                                                     f"strides={format_tuple(strides)}): output_padding must be "
                                                     f"smaller than strides")
    _input_channels(call, shape, data_format)
    spatial, _ = split_spatial(shape, data_format)
    if len(spatial) != rank:
        raise ShapeProblem(RANK, f"{call.label} needs input {RANK_WORDS[rank + 2]} but gets {format_shape(shape)}")
    out = []
    for i, length in enumerate(spatial):
        k = (kernel[i] - 1) * dilation[i] + 1
        pad = None if output_padding is None else output_padding[i]
        if length is None:
            out.append(None)
        elif padding == "valid":  # a named size (symbolic input) stays named: (T - 1) * 2 + 3
            out.append(dim_add(dim_mul(dim_sub(length, 1), strides[i]),
                               k + (max(k, strides[i]) - k if pad is None else pad)))
        elif pad is None:
            out.append(dim_mul(length, strides[i]))
        else:
            out.append(dim_add(dim_mul(dim_sub(length, 1), strides[i]), k % 2 + pad))
    return join_spatial(shape[0], out, filters, data_format)
