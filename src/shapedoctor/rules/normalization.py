"""Normalization layers: BatchNormalization, LayerNormalization, GroupNormalization, UnitNormalization.

All preserve the shape.  After ``keras/src/layers/normalization/`` (Keras 3.15):

* ``axis`` outside the input's rank raises (an IndexError in ``build``, or the
  "Axis ... is out of bounds" check of ``compute_output_shape``).
* A ``None`` dimension on a normalised axis raises wherever ``build`` creates weights of
  that size: always for BatchNormalization (moving statistics), for LayerNormalization
  unless ``center=False, scale=False``, always for GroupNormalization; UnitNormalization
  has no weights and accepts it.
* BatchNormalization converts ``axis`` with ``int()``; the others want an int or a
  list/tuple of ints (GroupNormalization: an int).
* GroupNormalization: ``groups`` a positive int or -1; the channels must be at least
  ``groups`` and divisible by it (Keras' default ``groups=32``).
"""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, UNDEFINED_DIM
from ..shapes import Symbol, format_shape, is_known
from .base import LayerCall, ShapeProblem, Unresolved, rule

BATCH_NORM_PARAMS = ("axis", "momentum", "epsilon", "center", "scale", "beta_initializer", "gamma_initializer",
                     "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer",
                     "gamma_regularizer", "beta_constraint", "gamma_constraint", "renorm", "renorm_clipping",
                     "renorm_momentum", "synchronized")
LAYER_NORM_PARAMS = ("axis", "epsilon", "center", "scale", "beta_initializer", "gamma_initializer",
                     "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint")
GROUP_NORM_PARAMS = ("groups", "axis", "epsilon", "center", "scale", "beta_initializer", "gamma_initializer",
                     "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint")


def _axis_list(call: LayerCall, default: int = -1) -> list[int]:
    """An int or a list/tuple of ints (LayerNormalization, UnitNormalization)."""
    value = call.raw("axis", default)
    if isinstance(value, Symbol):
        raise Unresolved("axis")
    if isinstance(value, int):
        return [int(value)]
    if isinstance(value, (list, tuple)):
        if any(isinstance(v, Symbol) for v in value):
            raise Unresolved("axis")
        if all(isinstance(v, int) for v in value):
            return [int(v) for v in value]
    raise call.bad("axis", value, "an integer or a list of integers")


def _check_in_range(call: LayerCall, shape: tuple, axes) -> None:
    for axis in axes:
        if not -len(shape) <= axis < len(shape):
            raise ShapeProblem(
                INVALID_ARGUMENT,
                f"{call.label}(axis={_axes_text(call)}) on input {format_shape(shape)}: axis {axis} is out of "
                f"range for rank {len(shape)}",
            )


def _check_defined(call: LayerCall, shape: tuple, axes) -> None:
    for axis in axes:
        if shape[axis] is None:
            raise ShapeProblem(
                UNDEFINED_DIM,
                f"{call.label}(axis={_axes_text(call)}) needs axis {axis} to be known but gets {format_shape(shape)}",
                hint="its weights are sized by that dimension",
            )


def _axes_text(call: LayerCall) -> str:
    value = call.args.get("axis", -1)
    return repr(value)


@rule("BatchNormalization", params=BATCH_NORM_PARAMS)
def batch_normalization(call: LayerCall, inputs):
    (shape,) = inputs
    value = call.raw("axis", -1)
    if isinstance(value, Symbol):
        raise Unresolved("axis")
    try:
        axis = int(value)  # as Keras: int(axis)
    except (TypeError, ValueError):
        raise call.bad("axis", value, "an integer axis") from None
    _check_in_range(call, shape, [axis])
    _check_defined(call, shape, [axis])  # gamma/beta/moving statistics have shape (shape[axis],)
    return shape


@rule("LayerNormalization", params=LAYER_NORM_PARAMS)
def layer_normalization(call: LayerCall, inputs):
    (shape,) = inputs
    axes = _axis_list(call)
    _check_in_range(call, shape, axes)
    rms_scaling = call.flag("rms_scaling", False)
    has_weights = call.flag("scale", True) or rms_scaling or (call.flag("center", True) and not rms_scaling)
    if has_weights:
        _check_defined(call, shape, sorted(axes))
    positive = sorted(a % len(shape) for a in axes)
    if not rms_scaling and all(b - a == 1 for a, b in zip(positive, positive[1:])):
        # ops.layer_normalization on torch, contiguous axes: F.layer_norm(x, normalized_shape=<their sizes>), which
        # normalises the trailing axes (other axes are computed by hand)
        sizes = tuple(shape[a] for a in positive)
        trailing = tuple(shape[len(shape) - len(sizes):])
        if all(isinstance(d, int) for d in sizes + trailing) and sizes != trailing:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={_axes_text(call)}) on input {format_shape(shape)}: "
                                                 f"the torch kernel normalises the last {len(sizes)} axes, of sizes "
                                                 f"{format_shape(trailing)}, not {format_shape(sizes)}; Keras builds "
                                                 f"the layer but fails when it runs", severity="warning",
                               output=shape, hint="normalise the trailing axes (axis=-1)")
    return shape


@rule("GroupNormalization", params=GROUP_NORM_PARAMS)
def group_normalization(call: LayerCall, inputs):
    (shape,) = inputs
    groups = call.raw("groups", 32)
    if isinstance(groups, Symbol):
        raise Unresolved("groups")
    if not isinstance(groups, int) or (groups <= 0 and groups != -1):
        raise call.bad("groups", groups, "a positive integer (or -1 for instance normalization)")
    axis = call.raw("axis", -1)
    if isinstance(axis, Symbol):
        raise Unresolved("axis")
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise call.bad("axis", axis, "an integer axis")
    _check_in_range(call, shape, [axis])
    channels = shape[axis]
    if channels is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs axis {axis} (the channels) to be known but gets "
                                          f"{format_shape(shape)}")
    if not is_known(channels):
        return shape
    if groups == -1:
        groups = channels
    if channels < groups:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(groups={groups}) on input {format_shape(shape)}: "
                                             f"more groups than the {channels} channels")
    if channels % groups:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(groups={groups}) on input {format_shape(shape)}: "
                                             f"{channels} channels cannot be split into {groups} groups",
                           hint=f"groups must divide the number of channels ({channels})")
    return shape


@rule("UnitNormalization", params=("axis",))
def unit_normalization(call: LayerCall, inputs):
    (shape,) = inputs
    axes = _axis_list(call)
    _check_in_range(call, shape, axes)
    return shape
