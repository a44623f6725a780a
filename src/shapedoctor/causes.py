"""Causal chains: which earlier layer produced the shape a finding complains about."""

from __future__ import annotations

from .diagnostics import Diagnostic
from .infer import Inference, LayerResult
from .shapes import format_shape

def where(result: LayerResult) -> str:
    span = result.node.span
    return f"{result.node.label} at line {span.line}" if span else result.node.label


def producer(inference: Inference, result: LayerResult) -> LayerResult | None:
    if not result.node.inputs:
        return None
    return inference.results[result.node.inputs[0][0]]


def rank_origin(inference: Inference, result: LayerResult) -> list[LayerResult]:
    """The layers, nearest first, that carried the offending rank back to where it was made."""
    chain = []
    current = producer(inference, result)
    while current is not None:
        chain.append(current)
        if current.node.type == "InputLayer" or _reduced_rank(current):
            break
        current = producer(inference, current)
    return chain


def _reduced_rank(result: LayerResult) -> bool:
    if not result.input_shapes or not result.outputs:
        return False
    return len(result.outputs[0]) < len(result.input_shapes[0])


def describe(result: LayerResult) -> str:
    node = result.node
    out = result.outputs[0] if result.outputs else None
    if node.type == "InputLayer":
        return f"{where(result)} declares {format_shape(out)}"
    src = result.input_shapes[0] if result.input_shapes else None
    return f"{where(result)} maps {format_shape(src)} -> {format_shape(out)}"


def explain(inference: Inference, diagnostic: Diagnostic) -> list[str]:
    if diagnostic.node is None:
        return []
    result = inference.results[diagnostic.node]
    kind = diagnostic.kind.name
    if kind == "rank":
        return _explain_rank(inference, result)
    if kind == "negative-length":
        return _explain_length(inference, result)
    if kind in ("reshape-size", "undefined-dim", "incompatible-merge"):
        lines = []
        for ref in result.node.inputs:
            lines.append(describe(inference.results[ref[0]]) + ".")
        return lines
    return []


def _explain_rank(inference: Inference, result: LayerResult) -> list[str]:
    chain = rank_origin(inference, result)
    if not chain:
        return []
    got = result.input_shapes[0] if result.input_shapes else ()
    missing = "no steps axis" if len(got) == 2 else f"rank {len(got)}"
    lines = []
    origin = chain[-1]
    if chain[0] is not origin:
        lines.append(describe(chain[0]) + f"; its output has {missing}.")
    if origin.node.type == "InputLayer":
        lines.append(describe(origin) + f": the data has {missing} from the start.")
    elif origin.node.type == "Flatten":
        lines.append(f"{where(origin)} merged {format_shape(origin.input_shapes[0])} into "
                     f"{format_shape(origin.outputs[0])}: the steps axis is gone.")
    elif origin.node.type in ("LSTM", "GRU", "SimpleRNN", "Bidirectional"):
        lines.append(f"{where(origin)} returns only its last step ({format_shape(origin.input_shapes[0])} -> "
                     f"{format_shape(origin.outputs[0])}); return_sequences=True keeps the steps axis.")
    else:
        lines.append(describe(origin) + ": the steps axis is gone.")
    return lines


def _explain_length(inference: Inference, result: LayerResult) -> list[str]:
    """The sequence of layers that shrank the axis, from the input to the failure."""
    steps = []
    current = producer(inference, result)
    while current is not None and current.node.type != "InputLayer":
        if current.input_shapes and current.outputs and len(current.input_shapes[0]) >= 3 \
                and len(current.outputs[0]) == len(current.input_shapes[0]):
            before, after = current.input_shapes[0][1], current.outputs[0][1]
            if before != after:
                steps.append(f"{before} -> {after} ({where(current)})")
        current = producer(inference, current)
    if not steps:
        return []
    return ["steps: " + ", ".join(reversed(steps)) + "."]
