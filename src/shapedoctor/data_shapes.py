"""``input-data-mismatch``: a model whose Input does not take the arrays it is fit on (``--data-shape``).

Keras 3 (functional and Sequential models built from an Input, measured with the torch backend): a rank that
differs fails in fit ("Invalid input shape"), except by a trailing axis of 1, which ``_adjust_input_rank`` adds
or drops; the same rank with other sizes only warns, and the layers run at the data's shape -- so the finding is
an error when one of them then fails, a warning when every one still builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .diagnostics import Diagnostic, GraphPatch
from .infer import Inference, diagnostic_at, infer
from .kinds import INPUT_DATA_MISMATCH
from .shapes import dims_agree, format_shape, is_known


@dataclass(frozen=True)
class Expected:
    """What the models of a file are fit on, told from outside it: the targets (one shape, or {model name:
    shape}, as ``target_shape``) and the input arrays' shape (batch axis first)."""

    target: Any = None
    data: tuple | None = None


def split_expected(value: Any) -> tuple[Any, tuple | None]:
    """(targets, data shape) of a ``target_shape`` argument, which may be an ``Expected``."""
    if isinstance(value, Expected):
        return value.target, value.data
    return value, None


def check_input_data(inference: Inference, data: tuple | None, origin: str = "") -> Diagnostic | None:
    """``origin``: the array of the file the data shape was read from (``train_x``), named in the message."""
    if data is None:
        return None
    named = f"the data {origin} " if origin else "the data "
    inputs = [r for r in inference.results if r.node.type == "InputLayer"]
    if len(inputs) != 1 or not inputs[0].outputs or inputs[0].outputs[0] is None:
        return None
    source = inputs[0]
    declared, data = tuple(source.outputs[0]), tuple(data)
    given = data
    if len(data) == len(declared) + 1 and data[-1] == 1:
        data = data[:-1]  # a trailing axis of 1 Keras drops itself, whatever the other sizes
    elif len(data) == len(declared) - 1 and declared[-1] == 1:
        data = (*data, 1)  # ... or adds
    elif len(declared) != len(data):
        if abs(len(declared) - len(data)) == 1 and not (is_known(data[-1]) and is_known(declared[-1])):
            return None  # whether Keras adds or drops the last axis depends on a size not known here
        return _finding(inference, source, "error",
                        f"{named}{format_shape(given)} have {_axes(len(given) - 1)} per sample, the Input declares "
                        f"{format_shape(declared)}: fit() fails (Invalid input shape)")
    if dims_agree(declared[1:], data[1:]):
        return None
    failure = _failure_at(inference, source.node.index, data[1:])
    if failure is None:
        return _finding(inference, source, "warning",
                        f"{named}{format_shape(given)} do not match the Input's {format_shape(declared)}: Keras "
                        f"warns and runs the layers at the data's shape")
    return _finding(inference, source, "error",
                    f"{named}{format_shape(given)} do not match the Input's {format_shape(declared)}: run at the "
                    f"data's shape, {failure}")


# Layers without weights sized by their input: Keras runs them at any size of the data (the others keep the
# weights they were built with at the declared shape, for their input's last axis).
_WEIGHTLESS = ("InputLayer", "MaxPooling", "AveragePooling", "GlobalMaxPooling", "GlobalAveragePooling", "Dropout",
               "SpatialDropout", "GaussianNoise", "GaussianDropout", "AlphaDropout", "Activation", "ReLU",
               "LeakyReLU", "ELU", "Softmax", "Flatten", "Reshape", "Permute", "RepeatVector", "ZeroPadding",
               "Cropping", "UpSampling", "Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum",
               "Minimum", "Masking", "Rescaling", "Resizing", "CenterCrop")


def _axes(n: int) -> str:
    return f"{n} axis" if n == 1 else f"{n} axes"


def _failure_at(inference: Inference, index: int, shape: tuple) -> str | None:
    """What fails when Keras runs the layers with the Input given ``shape``: a layer's error, or the first layer
    with weights whose input's last axis differs from the size it was built for; None when nothing does."""
    from .repair.patch import apply_patches

    try:
        after = infer(apply_patches(inference.graph, [GraphPatch("set_input_shape", index, "", (("shape", shape),))]))
    except (ValueError, IndexError, KeyError):
        return None
    for built, run in zip(inference.results, after.results):
        node = run.node
        line = node.span.line if node.span else inference.graph.line
        if run.status == "error":
            error = next((d for d in after.diagnostics if d.node == node.index and d.severity == "error"), None)
            return f"{node.label} at line {line} fails" + (f" ({error.message})" if error else "")
        if node.type.startswith(_WEIGHTLESS) or not built.input_shapes or not run.input_shapes:
            continue
        for was, now in zip(built.input_shapes, run.input_shapes):
            if was and now and is_known(was[-1]) and is_known(now[-1]) and was[-1] != now[-1]:
                return (f"{node.label} at line {line} gets {format_shape(now)}, but its weights were built for "
                        f"{was[-1]} on the last axis")
    return None


def _finding(inference: Inference, source, severity: str, message: str) -> Diagnostic:
    return diagnostic_at(inference.graph, source.node, severity, INPUT_DATA_MISMATCH, message)
