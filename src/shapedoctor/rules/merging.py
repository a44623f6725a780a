"""Merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot.

After ``keras/src/layers/merging/`` (Keras 3.15), including its quirks:

* Elementwise merges (``Merge.build``/``compute_output_shape``) align the non-batch
  dimensions from the right; a ``None`` on either side makes that output dimension
  ``None`` (even against ``1`` or a known size); different known batch sizes raise.
* ``Concatenate.build`` compares all dimensions except ``axis`` (the batch axis too),
  ignoring ``None``; inputs of different ranks raise.  An ``axis`` outside the rank
  raises an IndexError (in ``build`` for negative axes, in ``compute_output_shape``
  for positive ones; a single input is never checked).
* ``Dot.build`` compares the two summed dimensions with ``!=``, so ``None`` against a
  known size raises; the output is both shapes without the summed axes (and without the
  second batch axis), ``(batch, 1)`` when nothing else is left.

The functional forms (``add``, ``concatenate``, ...) are the same rules; ``dot`` has its
own registration because its ``axes`` defaults to -1 where ``Dot`` requires it.
"""

from __future__ import annotations

from ..kinds import INCOMPATIBLE_MERGE, INVALID_ARGUMENT
from ..shapes import Symbol, dim_add, format_shape, is_known
from .base import LayerCall, ShapeProblem, Unresolved, rule

_ELEMENTWISE = ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum")


def _different(a, b) -> bool:
    """Known to differ (Keras compares with ``!=``; symbols are not known to differ)."""
    return is_known(a) and is_known(b) and a != b


def _elemwise_pair(call: LayerCall, shapes, shape1: tuple, shape2: tuple) -> tuple:
    """``Merge._compute_elemwise_op_output_shape`` (non-batch dimensions)."""
    if len(shape1) < len(shape2):
        shape1, shape2 = shape2, shape1
    if not shape2:
        return shape1
    out = list(shape1[: len(shape1) - len(shape2)])
    for i, j in zip(shape1[len(shape1) - len(shape2):], shape2):
        if i is None or j is None:
            out.append(None)
        elif i == 1:
            out.append(j)
        elif j == 1:
            out.append(i)
        elif _different(i, j):
            raise ShapeProblem(
                INCOMPATIBLE_MERGE,
                f"{call.label} cannot combine {_list(shapes)}: {i} != {j}",
                hint="inputs must have equal sizes (or 1) in each non-batch dimension, aligned from the right",
            )
        else:
            out.append(i if is_known(i) or i == j else (j if is_known(j) else i))
    return tuple(out)


def _batch_sizes(shapes) -> set:
    return {s[0] for s in shapes if s and is_known(s[0])}


def elementwise_merge(call: LayerCall, inputs):
    shapes = [tuple(s) for s in inputs]
    if len(shapes) < 1:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} needs a list of at least one input")
    if len(_batch_sizes(shapes)) > 1:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} cannot combine different batch sizes: "
                                               f"{_list(shapes)}")
    out = shapes[0][1:]
    for shape in shapes[1:]:
        out = _elemwise_pair(call, shapes, out, shape[1:])
    if call.type == "Subtract" and len(shapes) != 2:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} takes exactly 2 inputs but gets {len(shapes)}: "
                                               f"{_list(shapes)}")
    if any(len(s) == 0 for s in shapes):
        # Merge.compute_output_shape reads every input's batch size (s[0]) unguarded: IndexError "tuple index out
        # of range" when it builds (build itself skips empty shapes).
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} cannot take a scalar (rank 0) input: "
                                               f"{_list(shapes)}; each input needs a batch axis",
                           hint="reduce with keepdims=True, or expand the scalar (ops.expand_dims / ops.reshape)")
    batch = _batch_sizes(shapes)
    return (batch.pop() if len(batch) == 1 else None, *out)


# One registration per class: ``rule(..., aliases=...)`` maps every alias to its first type.
for _type in _ELEMENTWISE:
    rule(_type, params=(), multi_input=True, aliases=(_type.lower(),))(elementwise_merge)


def _axis_value(call: LayerCall, name: str, default: int):
    value = call.raw(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise call.bad(name, value, "an integer axis")
    return value


@rule("Concatenate", params=("axis",), multi_input=True, aliases=("concatenate",))
def concatenate(call: LayerCall, inputs):
    shapes = [tuple(s) for s in inputs]
    axis = _axis_value(call, "axis", -1)
    if len(shapes) < 1:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} needs a list of at least one input")
    # build: drop the concatenation axis from each shape, compare what is left.
    reduced = []
    for s in shapes:
        r = list(s)
        if len(r) > axis:
            if axis < -len(r):
                raise _axis_out_of_range(call, axis, s)
            del r[axis]
        reduced.append(tuple(r))
    if len(set(reduced)) != 1:
        if len({len(r) for r in reduced}) != 1:
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}(axis={axis}) cannot join inputs of different "
                                                   f"ranks: {_list(shapes)}")
        for position in range(len(reduced[0])):
            dims = {r[position] for r in reduced if is_known(r[position])}
            if len(dims) > 1:
                raise ShapeProblem(
                    INCOMPATIBLE_MERGE,
                    f"{call.label}(axis={axis}) needs the inputs to match except on axis {axis} but gets "
                    f"{_list(shapes)}",
                )
    # compute_output_shape: sum along the axis, None as soon as one size is None.
    out = list(shapes[0])
    for s in shapes[1:]:
        if not -len(out) <= axis < len(out):
            raise _axis_out_of_range(call, axis, shapes[0])
        if out[axis] is None:
            break
        if not -len(s) <= axis < len(s):
            raise _axis_out_of_range(call, axis, s)
        if s[axis] is None:
            out[axis] = None
            break
        out[axis] = dim_add(out[axis], s[axis])
    if len(shapes) == 1 and not (-len(out) <= axis < len(out)):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={axis}) on {format_shape(shapes[0])}: the axis "
                                             f"is out of range; Keras builds it but fails when run",
                           severity="warning", output=tuple(out))
    return tuple(out)


def _axis_out_of_range(call: LayerCall, axis, shape) -> ShapeProblem:
    return ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={axis}) is out of range for input "
                                          f"{format_shape(shape)} of rank {len(shape)}")


def _dot_axes(call: LayerCall, default):
    axes = call.raw("axes", default)
    if axes is None and default is None:
        raise call.bad("axes", axes, "an integer or a pair of integers")
    if isinstance(axes, int):  # bool included, as in Keras
        return axes
    if not isinstance(axes, (list, tuple)):
        raise call.bad("axes", axes, "an integer or a pair of integers")
    if len(axes) != 2:
        raise call.bad("axes", axes, "two integers")
    if any(isinstance(a, Symbol) for a in axes):
        raise Unresolved("axes")
    if not all(isinstance(a, int) for a in axes):
        raise call.bad("axes", axes, "two integers")
    return tuple(axes)


def _dot(call: LayerCall, inputs, default_axes):
    axes = _dot_axes(call, default_axes)
    shapes = [tuple(s) for s in inputs]
    if len(shapes) != 2:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} takes exactly 2 inputs but gets {len(shapes)}: "
                                               f"{_list(shapes)}")
    shape1, shape2 = shapes
    if isinstance(axes, int):
        pair = [axes % len(shape1), axes % len(shape2)] if axes < 0 else [axes, axes]
    else:
        pair = list(axes)
    for a, s in zip(pair, shapes):
        if not -len(s) <= a < len(s):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axes={_axes_text(axes)}): axis {a} is out of range "
                                                 f"for input {format_shape(s)}")
    d1, d2 = shape1[pair[0]], shape2[pair[1]]
    if (d1 is None) != (d2 is None) or _different(d1, d2):
        raise ShapeProblem(
            INCOMPATIBLE_MERGE,
            f"{call.label}(axes={_axes_text(axes)}) cannot multiply {format_shape(shape1)} by "
            f"{format_shape(shape2)}: axis {pair[0]} of the first has size {d1} but axis {pair[1]} of the "
            f"second has size {d2}",
        )
    out1, out2 = list(shape1), list(shape2)
    out1.pop(pair[0])
    out2.pop(pair[1])
    out2.pop(0)
    out = out1 + out2
    if len(out) == 1:
        out.append(1)
    if 0 in (pair[0] % len(shape1), pair[1] % len(shape2)):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axes={_axes_text(axes)}) sums over the batch axis; "
                                             f"Keras builds it as {format_shape(tuple(out))} but fails when run",
                           severity="warning", output=tuple(out))
    return tuple(out)


@rule("Dot", params=("axes", "normalize"), multi_input=True)
def dot(call: LayerCall, inputs):
    return _dot(call, inputs, None)


@rule("dot", params=("axes",), multi_input=True)
def dot_function(call: LayerCall, inputs):
    """``keras.layers.dot(inputs, axes=-1)``."""
    return _dot(call, inputs, -1)


def _axes_text(axes) -> str:
    return str(axes) if isinstance(axes, int) else f"({axes[0]}, {axes[1]})"


def _list(shapes) -> str:
    return " and ".join(format_shape(tuple(s)) for s in shapes) if len(shapes) <= 2 else format_shape(
        [tuple(s) for s in shapes])
