"""RMSNormalization and SpectralNormalization (``keras/src/layers/normalization/``, Keras 3.15).

* RMSNormalization builds one scale per position of the normalised axes (``input_shape[axis]``,
  axes sorted): an axis outside the rank fails (IndexError), a ``None`` size cannot be a weight.
  The torch kernel (``F.rms_norm``, for contiguous axes) normalises the trailing axes only: other axes build
  but fail when run; axes that are not contiguous are computed by hand, the scale then broadcast against the
  trailing axes.
* SpectralNormalization(layer) builds the wrapped layer on the input and needs it to have a
  ``kernel`` (Dense, Conv...) or ``embeddings`` (Embedding); the output is the wrapped layer's.
"""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, UNDEFINED_DIM
from ..shapes import Symbol, format_shape
from .base import LayerCall, ShapeProblem, Unresolved, rule
from .nested import nested_arg
from .wrappers import run_wrapped

# Layers whose weights SpectralNormalization can normalise (they have `kernel` or `embeddings`).
_HAS_KERNEL = {"Dense", "EinsumDense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
               "Conv3DTranspose", "DepthwiseConv1D", "DepthwiseConv2D", "Embedding"}


@rule("RMSNormalization", params=("axis", "epsilon"))
def rms_normalization(call: LayerCall, inputs):
    (shape,) = inputs
    value = call.raw("axis", -1)
    if isinstance(value, (list, tuple)):
        if any(isinstance(v, Symbol) or not isinstance(v, int) for v in value):
            raise Unresolved("axis")
        axes = sorted(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        axes = [value]
    else:
        raise Unresolved("axis")
    for axis in axes:
        if not -len(shape) <= axis < len(shape):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={value!r}) on input {format_shape(shape)}: "
                                                 f"axis {axis} is out of range for rank {len(shape)}")
    sizes = tuple(shape[a] for a in axes)
    if None in sizes:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label}(axis={value!r}) needs the normalised axes to be known "
                                          f"(one scale per position) but gets {format_shape(shape)}")
    trailing = tuple(shape[len(shape) - len(sizes):])
    positive = sorted(a % len(shape) for a in axes)
    continuous = len(positive) <= 1 or all(b - a == 1 for a, b in zip(positive, positive[1:]))
    if continuous:  # ops.rms_normalization on torch: F.rms_norm(x, normalized_shape=sizes), the trailing axes
        fails = all(isinstance(d, int) for d in sizes + trailing) and sizes != trailing
        why = f"the kernel normalises the last {len(sizes)} axes, of sizes {format_shape(trailing)}, not " \
              f"{format_shape(sizes)}"
    else:  # axes that are not contiguous: x * rsqrt(mean(x ** 2)) * scale, the scale broadcast to the trailing axes
        fails = any(isinstance(a, int) and isinstance(b, int) and a != b and 1 not in (a, b)
                    for a, b in zip(sizes, trailing))
        why = f"its scale of shape {format_shape(sizes)} does not broadcast against the last {len(sizes)} axes " \
              f"{format_shape(trailing)}"
    if fails:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={value!r}) on input {format_shape(shape)}: {why}; "
                                             f"Keras builds the layer but fails when it runs",
                           severity="warning", output=shape, hint="normalise the trailing axes (axis=-1)")
    return shape


@rule("SpectralNormalization", params=("layer", "power_iterations"))
def spectral_normalization(call: LayerCall, inputs):
    (shape,) = inputs
    iterations = call.raw("power_iterations", 1)
    if isinstance(iterations, (int, float)) and iterations <= 0:
        raise call.bad("power_iterations", iterations, "a positive integer")
    layer = nested_arg(call, "layer")
    out = run_wrapped(call, layer, shape)
    if layer.type not in _HAS_KERNEL:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({layer.label}): {layer.type} has no kernel or "
                                             f"embeddings to normalise")
    return out
