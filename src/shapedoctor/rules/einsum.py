"""EinsumDense, and the einsum analysis the attention layers build their projections with.

After ``keras/src/layers/core/einsum_dense.py`` (Keras 3.15): ``_analyze_einsum_string`` and
``_analyze_split_string`` are followed step by step, quirks included, because the symbolic
output shape Keras reports comes from them:

* the output is the batch size, then ``output_shape`` as given: an output axis the input
  shares stays ``None`` when ``output_shape`` says ``None`` there (Keras does not fill it in);
* ``...`` on the left puts the elided axes back in reverse order (``...b,bc->...c`` on
  ``(None, 3, 10, 32)`` reports ``(None, 10, 3, 64)``; the data is ``(None, 3, 10, 64)``);
* an input with more axes than the equation and no ``...`` builds (the extra axes are
  appended to the output) and fails when called: a warning here;
* an input with fewer axes fails building (``IndexError``);
* a kernel or bias axis that comes out ``None`` cannot be created.
"""

from __future__ import annotations

import re

from ..kinds import INVALID_ARGUMENT, RANK, UNDEFINED_DIM
from ..shapes import format_shape
from .base import LayerCall, ShapeProblem, Unresolved, rule

EINSUM_DENSE_PARAMS = ("equation", "output_shape", "activation", "bias_axes", "kernel_initializer",
                       "bias_initializer", "kernel_regularizer", "bias_regularizer", "kernel_constraint",
                       "bias_constraint", "lora_rank", "lora_alpha")


class Einsum:
    """What ``_analyze_einsum_string`` computes: kernel, bias and full output shapes."""

    def __init__(self, kernel: tuple, bias: tuple | None, output: tuple, extra_axes: int):
        self.kernel = kernel
        self.bias = bias
        self.output = output
        self.extra_axes = extra_axes  # input axes beyond the equation, with no "..." to take them


def analyze_einsum(label: str, equation, bias_axes, input_shape: tuple, output_shape) -> Einsum:
    """``_analyze_einsum_string(equation, bias_axes, input_shape, output_shape)``; raises where Keras raises."""
    if not isinstance(equation, str):
        raise ShapeProblem(INVALID_ARGUMENT, f"{label}(equation={equation!r}): expected a string such as 'ab,bc->ac'")
    replaced = re.sub(r"\.\.\.", "0", equation)
    for pattern, left_elided, ellipsis in (("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)", False, False),
                                           ("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)", True, True),
                                           ("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0", False, True)):
        match = re.match(pattern, replaced)
        if match:
            return _analyze_split(label, match, bias_axes, tuple(input_shape), output_shape, left_elided, ellipsis)
    raise ShapeProblem(INVALID_ARGUMENT, f"{label}(equation={equation!r}): expected the form 'X,Y->Z', "
                                         f"'...X,Y->...Z' or 'X...,Y->Z...' (input, kernel, output)")


def _analyze_split(label, match, bias_axes, input_shape, output_shape, left_elided, ellipsis) -> Einsum:
    input_spec, weight_spec, output_spec = match.group(1), match.group(2), match.group(3)
    elided = len(input_shape) - len(input_spec)
    if isinstance(output_shape, int) and not isinstance(output_shape, bool):
        output = [output_shape]
    elif isinstance(output_shape, (list, tuple)):
        output = list(output_shape)
    else:
        raise ShapeProblem(INVALID_ARGUMENT, f"{label}(output_shape={output_shape!r}): expected an integer or a "
                                             f"tuple of output sizes (None for sizes taken from the input)")
    if not input_shape:  # Keras: IndexError taking the batch size of a rank-0 input
        raise ShapeProblem(RANK, f"{label} needs input (batch, ...) but gets (): a rank-0 tensor has no batch axis")
    output.insert(0, input_shape[0])
    if elided > 0 and left_elided:
        for i in range(1, elided):
            output.insert(1, input_shape[i])
    elif elided > 0:
        output.extend(input_shape[len(input_shape) - elided:])

    def too_short(index: int):
        if not -len(input_shape) <= index < len(input_shape):
            raise ShapeProblem(
                RANK, f"{label}(equation={match.string.replace('0', '...')!r}) needs input with "
                      f"{len(input_spec)} axes ('{input_spec}') but gets {format_shape(input_shape)}",
                hint="Keras: tuple index out of range")
        return input_shape[index]

    if left_elided:
        input_map = {d: (i + elided) - len(input_shape) for i, d in enumerate(input_spec)}
        output_map = {d: i + elided for i, d in enumerate(output_spec)}
    else:
        input_map = {d: i for i, d in enumerate(input_spec)}
        output_map = {d: i for i, d in enumerate(output_spec)}

    def out_at(index: int):
        if index >= len(output):
            raise ShapeProblem(INVALID_ARGUMENT, f"{label}(output_shape={output_shape!r}): too few sizes for the "
                                                 f"output '{output_spec}'")
        return output[index]

    for d in input_spec:
        size = too_short(input_map[d])
        if d in output_map:
            want = out_at(output_map[d])
            if want is not None and want != size:
                raise ShapeProblem(
                    INVALID_ARGUMENT,
                    f"{label}(output_shape={output_shape!r}) on input {format_shape(input_shape)}: output axis "
                    f"'{d}' is shared with the input, whose size is {size}, not {want}",
                    hint="write None for output sizes taken from the input")
    for d in output_spec:
        if d not in input_spec and d not in weight_spec:
            raise ShapeProblem(INVALID_ARGUMENT, f"{label}(equation={match.string.replace('0', '...')!r}): "
                                                 f"output axis '{d}' is neither in the input nor in the kernel")
    kernel = []
    for d in weight_spec:
        if d in output_map:
            kernel.append(out_at(output_map[d]))
        elif d in input_map:
            kernel.append(too_short(input_map[d]))
        else:
            raise ShapeProblem(INVALID_ARGUMENT, f"{label}(equation={match.string.replace('0', '...')!r}): "
                                                 f"kernel axis '{d}' is neither in the input nor in the output")
    bias = None
    if bias_axes is not None:
        if not isinstance(bias_axes, str):
            raise Unresolved("bias_axes")
        first_left = elided if left_elided else 0
        for c in bias_axes:
            if c not in output_spec:
                raise ShapeProblem(INVALID_ARGUMENT, f"{label}(bias_axes={bias_axes!r}): '{c}' is not an axis of "
                                                     f"the output '{output_spec}'")
        if not bias_axes:  # Keras: min() of an empty sequence
            raise ShapeProblem(INVALID_ARGUMENT, f"{label}(bias_axes=''): name the output axes that get a bias, "
                                                 f"or pass None")
        first = min(output_spec.find(c) for c in bias_axes)
        bias = [out_at(i + first_left) if c in bias_axes else 1 for i, c in enumerate(output_spec) if i >= first]
    extra = elided if elided > 0 and not ellipsis else 0
    return Einsum(tuple(kernel), tuple(bias) if bias is not None else None, tuple(output), extra)


def require_weight_sizes(label: str, input_shape: tuple, analysis: Einsum, what: str = "") -> None:
    """``add_weight`` refuses a ``None`` size: the kernel's and the bias' sizes must all be known."""
    for name, shape in (("kernel", analysis.kernel), ("bias", analysis.bias)):
        if shape is not None and any(d is None for d in shape):
            raise ShapeProblem(
                UNDEFINED_DIM,
                f"{label} needs the sizes of its {what}{name} {format_shape(shape)} to be known, but input "
                f"{format_shape(input_shape)} leaves one undefined",
                hint="Keras: Shapes used to initialize variables must be fully-defined")


@rule("EinsumDense", params=EINSUM_DENSE_PARAMS)
def einsum_dense(call: LayerCall, inputs):
    (shape,) = inputs
    equation = call.raw("equation", None)
    output_shape = call.raw("output_shape", None)
    if isinstance(output_shape, (list, tuple)) and any(not (d is None or isinstance(d, int)) for d in output_shape):
        raise Unresolved("output_shape")
    analysis = analyze_einsum(call.label, equation, call.raw("bias_axes", None), shape, output_shape)
    require_weight_sizes(call.label, shape, analysis)
    if analysis.extra_axes:
        raise ShapeProblem(
            RANK, f"{call.label}(equation={equation!r}) on input {format_shape(shape)}: the equation names "
                  f"{len(shape) - analysis.extra_axes} axes but the input has {len(shape)}; Keras builds the layer "
                  f"but the einsum fails when called",
            severity="warning", output=analysis.output, hint="add '...' to the equation for the extra axes")
    return analysis.output
