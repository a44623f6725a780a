"""Causal chains: which earlier layer produced the shape a finding complains about."""

from __future__ import annotations

import re

from .diagnostics import Diagnostic
from .infer import Inference, LayerResult
from .shapes import format_shape, is_known

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
        if current.node.type in ("InputLayer", "Embedding") or _changed_rank(current):
            break  # an Embedding adds the vector axis: on ids of more than one axis per sample, one too many
        current = producer(inference, current)
    return chain


def _reduced_rank(result: LayerResult) -> bool:
    if not result.input_shapes or not result.outputs:
        return False
    return len(result.outputs[0]) < len(result.input_shapes[0])


def _changed_rank(result: LayerResult) -> bool:
    """The layer made the rank its output has (a Flatten, an RNN's last step, a Reshape to more axes)."""
    if not result.input_shapes or not result.outputs:
        return False
    return len(result.outputs[0]) != len(result.input_shapes[0])


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
    serious = diagnostic.severity in ("error", "warning")
    called = _called_elsewhere(result.node) if serious else []
    tuned = _hyperparameters(inference.graph.hyperparameters) if serious else []
    return called + _causes(inference, result, diagnostic.kind.name) + tuned


SHOWN_HYPERPARAMETERS = 8


def _hyperparameters(values: dict) -> list[str]:
    """Where the sizes of a KerasTuner build come from: the model the tuner builds first, in its constructor."""
    if not values:
        return []
    shown = ", ".join(f"{name}={value!r}" for name, value in list(values.items())[:SHOWN_HYPERPARAMETERS])
    more = f" and {len(values) - SHOWN_HYPERPARAMETERS} more" if len(values) > SHOWN_HYPERPARAMETERS else ""
    return [f"Built with these KerasTuner hyperparameters (a fresh HyperParameters gives each its default; a "
            f"tuner's constructor builds the model with them first, and raises there): {shown}{more}."]


def _called_elsewhere(node) -> list[str]:
    """A layer object made once and called later (``concatenator = Concatenate()`` at the top, called inside a
    helper): the finding stays at its constructor, and the call that fails is named, as Keras' traceback would."""
    made, called = node.span, node.call_span
    if made is None or called is None or called.line == made.line or called.foreign or made.foreign \
            or called.line <= made.line <= called.end_line:  # made inside the call: Sequential([Conv1D(...)])
        return []
    return [f"{node.label} is made at line {made.line}; the call that fails is at line {called.line}."]


def _causes(inference: Inference, result: LayerResult, kind: str) -> list[str]:
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
    axes = _spatial_axes(result.node.type)
    missing = f"no {axes}" if len(got) == 2 else f"rank {len(got)}"
    lines = []
    origin = chain[-1]
    if chain[0] is not origin:
        lines.append(describe(chain[0]) + f"; its output has {missing}.")
    if origin.node.type == "InputLayer":
        lines.append(describe(origin) + f": the data has {missing} from the start.")
    elif origin.node.type == "Flatten":
        lines.append(f"{where(origin)} merged {format_shape(origin.input_shapes[0])} into "
                     f"{format_shape(origin.outputs[0])}: the {axes} {_are(axes)} gone.")
    elif origin.node.type == "Embedding":
        lines.append(describe(origin) + f": it adds a vector axis to every id, and its input already has "
                     f"{len(origin.input_shapes[0]) - 1} axes per sample (one-hot data, or ids of the wrong shape).")
    elif origin.node.type in ("LSTM", "GRU", "SimpleRNN", "Bidirectional"):
        lines.append(f"{where(origin)} returns only its last step ({format_shape(origin.input_shapes[0])} -> "
                     f"{format_shape(origin.outputs[0])}); return_sequences=True keeps the steps axis.")
    elif not _reduced_rank(origin):  # a Reshape to more axes, an ExpandDims: it made this rank
        lines.append(describe(origin) + f": its output has {missing}.")
    else:
        lines.append(describe(origin) + f": the {axes} {_are(axes)} gone.")
    loop = _loop_back_edge(inference, result, chain)
    if loop is not None:
        reducer = next((r for r in chain if _reduced_rank(r)), chain[0])
        lines.append(f"{where(reducer)} is inside the loop at line {loop[0]}, below {where(result)}: the loop's "
                     f"next pass feeds its output back to {result.node.label}. If it is the model's head, move it "
                     f"after the loop (dedent it).")
    return lines


def _loop_back_edge(inference: Inference, result: LayerResult, chain: list) -> tuple[int, int] | None:
    """The unrolled loop holding both ``result``'s layer and a layer of ``chain`` written below it: a layer
    meant to run once, after the loop, written inside it."""
    here = result.node.span.line if result.node.span else None
    if here is None:
        return None
    for producer_result in chain:
        span = producer_result.node.span
        if span is None or span.line <= here:
            continue
        for first, last in inference.graph.loops:
            if first < here <= last and first < span.line <= last:
                return first, last
    return None


# The spatial axes of a channels_last tensor by rank (batch included), as Keras' docs name them.
AXIS_NAMES = {3: ("steps",), 4: ("height", "width"), 5: ("depth", "height", "width")}
SERIES_RATIO = 8  # an Input (c, n) with n >= 8 c that runs out along c: c channels of n samples, channels first
CHANNEL_LIKE = 4  # an axis of at most this many values at the front of an image or series: channels (RGB, RGBA...)


def spatial_rank(type_: str) -> int:
    """2 for the layers of images (Conv2D, MaxPooling2D, Conv2DTranspose...), 3 for volumes, 0 for the others
    (Conv1D, LSTM... slide over steps)."""
    found = re.search(r"([23])D", type_)
    if found is None or type_.startswith("ConvLSTM"):  # ConvLSTM2D: time + 2 axes
        return 0
    return int(found.group(1))


def _spatial_axes(type_: str) -> str:
    """What a layer slides over, in Keras' words: "steps axis", "height and width axes"..."""
    names = AXIS_NAMES[spatial_rank(type_) + 2] if spatial_rank(type_) else AXIS_NAMES[3]
    if len(names) == 1:
        return f"{names[0]} axis"
    return ", ".join(names[:-1]) + f" and {names[-1]} axes"


def _are(axes: str) -> str:
    return "are" if axes.endswith("axes") else "is"


def _explain_length(inference: Inference, result: LayerResult) -> list[str]:
    """The sequence of layers that shrank the axis that ran out, from the input to the failure."""
    shape = result.input_shapes[0] if result.input_shapes else None
    if not shape or len(shape) not in AXIS_NAMES:
        return []
    spatial = [i for i in range(1, len(shape) - 1) if isinstance(shape[i], int)]
    if not spatial:
        return []
    axis = min(spatial, key=lambda i: shape[i])  # the axis too short for the kernel or pool
    steps = []
    current = producer(inference, result)
    while current is not None and current.node.type != "InputLayer":
        if current.input_shapes and current.outputs and len(current.input_shapes[0]) == len(shape) \
                and len(current.outputs[0]) == len(shape):
            before, after = current.input_shapes[0][axis], current.outputs[0][axis]
            if before != after:
                steps.append(f"{before} -> {after} ({where(current)})")
        current = producer(inference, current)
    lines = [f"{AXIS_NAMES[len(shape)][axis - 1]}: " + ", ".join(reversed(steps)) + "."] if steps else []
    source = channels_first_input(inference, result) or series_channels_first(inference, result)
    if source is not None:
        declared, at = source.outputs[0], frame_axis(result.node)
        axis = "its first axis" if at == 1 else "the first axis of each frame"
        values = f"{declared[at]} values on {axis} look" if declared[at] != 1 else f"1 value on {axis} looks"
        lines.append(f"{describe(source)}: the {values} like channels, but "
                     f"{result.node.label} reads channels from the last axis (data_format=\"channels_last\", "
                     f"Keras' default) and takes that axis for {AXIS_NAMES[len(shape)][0]}.")
    return lines


def series_channels_first(inference: Inference, result: LayerResult) -> LayerResult | None:
    """The Input of a series written channels first: a few rows of many values ((7, 100), (22, 1000): EEG
    channels, sensors), the rows read as steps."""
    source = channels_first_input(inference, result, loose=True)
    if source is None:
        return None
    declared = source.outputs[0]
    if not (is_known(declared[1]) and is_known(declared[-1])):
        return None  # (None, None, 5) frames of a TimeDistributed model: no ratio to read
    return source if declared[-1] >= SERIES_RATIO * declared[1] else None


def input_of(inference: Inference, result: LayerResult) -> LayerResult | None:
    """The InputLayer at the start of ``result``'s first-input chain."""
    current = producer(inference, result)
    while current is not None and current.node.type != "InputLayer":
        current = producer(inference, current)
    return current


def frame_axis(node) -> int:
    """Where one sample's own axes start for ``node``'s layer: 2 inside TimeDistributed (each frame of the
    steps axis is a sample to the wrapped layer), else 1."""
    return 2 if node.type == "TimeDistributed" else 1


def layer_args(node) -> dict:
    """The arguments of the layer that does the work: the wrapped one inside TimeDistributed."""
    inner = node.args.get("layer") if node.type == "TimeDistributed" else None
    return inner.args if inner is not None and hasattr(inner, "args") else node.args


def channels_first_input(inference: Inference, result: LayerResult, loose: bool = False) -> LayerResult | None:
    """The model's Input when it declares channels-first data (``(3, 32, 32)``) to a channels_last layer.
    ``loose``: any first axis shorter than the last (``(7, 100)``: 7 EEG channels of 100 samples), not only the
    few values images and sensor triples have."""
    if layer_args(result.node).get("data_format", "channels_last") != "channels_last":
        return None
    source = input_of(inference, result)
    declared = source.outputs[0] if source is not None and source.outputs else None
    at = frame_axis(result.node)
    if not declared or len(declared) - at + 1 not in AXIS_NAMES or not all(isinstance(d, int)
                                                                            for d in declared[at:]):
        return None
    first, last = declared[at], declared[-1]
    if loose:
        return source if first < last else None
    return source if first <= CHANNEL_LIKE < last else None
