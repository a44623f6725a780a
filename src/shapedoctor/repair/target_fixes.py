"""Repair candidates for ``output-target-mismatch``: the model's output against the targets it is trained on
(pooling or return_sequences=False for a head on a sequence, the reverse for per-step targets, a missing head
appended, the head's width, a Reshape before a per-position head, a generator's seed map, channels-first maps)."""

from __future__ import annotations

import math

from ..causes import CHANNEL_LIKE
from ..diagnostics import Fix
from ..infer import Inference
from ..shapes import format_shape, is_known
from .fix_helpers import (ANY_RANK, _GLOBAL_POOL, is_shrinking_convolution, set_written_arg, _channels_first_everywhere, _line, _patch, _tuple_text, is_recurrent,
                          returns_sequences, set_return_sequences)


def _target_fixes(inference: Inference, result, target_shape=None) -> list[Fix]:
    node = result.node
    shape = result.input_shapes[0] if result.input_shapes else None
    target = target_shape if target_shape is not None else inference.graph.target_shape
    fixes = _head_fixes(inference, result, target)
    if shape is None:
        return fixes
    for prev in _recurrent_before(inference, result):
        fixes.append(Fix(f"set return_sequences=False on the {prev.node.label} at line {_line(prev)}",
                         [set_return_sequences(prev.node, False)],
                         why="the recurrent layer then returns one vector per sample"))
    ended = _sequence_ended_before(inference, result)
    if ended is not None:
        # the targets have one row per step (a tagger): the recurrent layer keeps its sequence, the head is per step
        patches = [set_return_sequences(ended.node, True)]
        title = f"set return_sequences=True on the {ended.node.label} at line {_line(ended)}"
        width = target[-1] if target is not None and len(target) >= 3 else None
        if node.type == "Dense" and is_known(width) and node.args.get("units") != width:
            patches.append(_patch("set_args", node.index, units=width))  # the head per step, of the targets' width
            title += f" and units={width} on the output {node.label}"
        fixes.append(Fix(title, patches,
                         why="one output per step, as the targets have; the Dense after it applies to each step"))
    fixes.extend(_reshape_before_head_fixes(inference, result, target))
    fixes.extend(_per_step_fixes(inference, result, target))
    fixes.extend(_steps_kept_fixes(inference, result, target))
    fixes.extend(_encoder_decoder_fixes(inference, result, target))  # the steps kept first, when they can be
    fixes.extend(_seed_size_fixes(inference, result, target))
    output = result.outputs[0] if result.outputs else None
    if target is not None and output is not None and len(target) == len(output) in (4, 5) \
            and all(isinstance(d, int) for d in target[1:]) and target[1] <= CHANNEL_LIKE < target[-1] \
            and output[-1] != target[-1]:
        # channels-first maps expected out (an autoencoder, a generator written for Theano's ordering): the
        # layers read the channels from the last axis
        everywhere = _channels_first_everywhere(inference, len(target), "gives the maps channels first, as the "
                                                                        "targets have them")
        fixes.extend([everywhere] if everywhere else [])
    pooling = _pooling_before(inference, result)
    if pooling is not None:
        global_type = "Global" + pooling.node.type  # MaxPooling1D -> GlobalMaxPooling1D
        fixes.append(Fix(f"use {global_type}() instead of the {pooling.node.label} at line {_line(pooling)}",
                         [_patch("replace", pooling.node.index, global_type)],
                         why="pools over all steps at once: one vector per sample"))
    if len(shape) in _GLOBAL_POOL:
        fixes.append(Fix(f"insert {_GLOBAL_POOL[len(shape)]}() before {node.label}",
                         [_patch("insert_before", node.index, _GLOBAL_POOL[len(shape)])],
                         why="averages over the steps: works for any length, few parameters"))
    fixes.append(Fix(f"insert Flatten() before {node.label}", [_patch("insert_before", node.index, "Flatten")],
                     why="keeps every step's features for the head (more parameters)"))
    return fixes


_HEAD_TYPES = {"Dense", "Activation", "Softmax", "Dropout", "EinsumDense"}
_HEAD_ACTIVATION = {"binary_crossentropy": "sigmoid", "BinaryCrossentropy": "sigmoid",
                    "binary_focal_crossentropy": "sigmoid", "BinaryFocalCrossentropy": "sigmoid",
                    "categorical_crossentropy": "softmax", "CategoricalCrossentropy": "softmax",
                    "categorical_focal_crossentropy": "softmax", "CategoricalFocalCrossentropy": "softmax"}


def _head_fixes(inference: Inference, result, target) -> list[Fix]:
    """A model that ends before its head (a conv stack, a Flatten) against per-sample targets (batch, k): the
    head appended -- pooling when the output still has steps or a map, then Dense(k) with the loss's activation;
    a Dense head of the wrong width gets the targets' width."""
    from ..targets import loss_name

    graph = inference.graph
    output = result.outputs[0] if result.outputs else None
    if target is None or output is None or len(target) != 2 or not is_known(target[1]) or len(output) < 2:
        return []
    units = int(target[1])
    loss = loss_name(graph.loss)
    dense_args = (("units", units),) + ((("activation", _HEAD_ACTIVATION[loss]),) if loss in _HEAD_ACTIVATION else ())
    node = result.node
    dense = result
    while (dense.node.type in ANY_RANK or dense.node.type.startswith("Global")) \
            and len(dense.node.inputs) == 1:
        dense = inference.results[dense.node.inputs[0][0]]  # Dense(32) then Activation("sigmoid"): the Dense
    if dense.node.type == "Dense" and len(output) == 2 and output[-1] != units:
        patch, where = set_written_arg(dense.node, "units", units)
        return [Fix(f"set units={units} on the output {dense.node.label} at line {_line(dense)}{where}", [patch],
                    why=f"one output per target column: the targets have {units}")]
    if node.type in _HEAD_TYPES or node.type == "TimeDistributed" or node.args.get("activation") in ("softmax",
                                                                                                   "sigmoid"):
        return []  # a head per step, per pixel or per sample is there: its input is what is wrong
    dense = ("Dense", dense_args)
    heads = []
    if node.type in ("LSTM", "GRU", "SimpleRNN") and node.args.get("return_sequences") is True and len(output) == 3:
        return [Fix(f"set return_sequences=False on the {node.label} at line {_line(result)} and append "
                    f"{_call_text(*dense)}",
                    [_patch("set_args", node.index, return_sequences=False),
                     _patch("append", node.index, layers=(dense,))],
                    why="the recurrent layer's last state, mapped to the targets")]
    if len(output) == 2:
        heads.append(([dense], "maps each sample's features to the targets"))
    else:
        heads.append(([("Flatten", ()), dense], "keeps every position's features for the head"))
        if len(output) in _GLOBAL_POOL:
            heads.append(([(_GLOBAL_POOL[len(output)], ()), dense],
                          "averages over the positions: works for any input size, few parameters"))
    fixes = []
    for layers, why in heads:
        written = ", ".join(_call_text(t, a) for t, a in layers)
        fixes.append(Fix(f"append the missing head after the {node.label} at line {_line(result)}: {written}",
                         [_patch("append", node.index, layers=tuple(layers))], why=why))
    return fixes


_STEP_REDUCERS = ("Flatten", "MaxPooling1D", "AveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling1D")


def _per_step_fixes(inference: Inference, result, target) -> list[Fix]:
    """Targets with one row per input step ((batch, 20, 2) for (batch, 20, 36) inputs) against a model that pools
    and flattens its steps away: the layers that shorten or drop the steps axis go (poolings, Flatten), the
    convolutions keep the length (padding="same"), and the Dense head, now per step, gets the targets' width."""
    output = result.outputs[0] if result.outputs else None
    if target is None or output is None or len(target) != 3 or len(output) != 2 or not is_known(target[1]):
        return []
    chain, current = [], result
    while current.node.inputs and len(current.node.inputs) == 1:
        current = inference.results[current.node.inputs[0][0]]
        chain.append(current)
    source = chain[-1] if chain else None
    if source is None or source.node.type != "InputLayer" or not source.outputs \
            or len(source.outputs[0]) != 3 or source.outputs[0][1] != target[1]:
        return []
    patches, said = [], []
    for step in chain:
        node = step.node
        if node.type in _STEP_REDUCERS:
            patches.append(_patch("remove", node.index))
            said.append(f"remove the {node.label} at line {_line(step)}")
        elif node.type in ("Conv1D", "SeparableConv1D") and node.args.get("padding", "valid") != "same":
            patches.append(_patch("set_args", node.index, padding="same"))
            said.append(f'padding="same" on the {node.label} at line {_line(step)}')
    if not patches:
        return []
    said.reverse()  # in the order the layers are written
    if result.node.type == "Dense" and result.node.args.get("units") != target[-1] and is_known(target[-1]):
        patches.append(_patch("set_args", result.node.index, units=target[-1]))
        said.append(f"units={target[-1]} on the output Dense")
    return [Fix("keep one output per step: " + ", ".join(said), patches,
                why=f"the targets have a row for each of the {target[1]} input steps; the Dense layers then apply "
                    f"to each step")]


def _seed_size_fixes(inference: Inference, result, target) -> list[Fix]:
    """A generator whose images come out the wrong size (28 x 28 against 32 x 32 targets): the map it starts from
    (Dense -> Reshape((7, 7, 32))) scaled by what the layers after it multiply it by: Reshape((8, 8, 32)), and the
    Dense before it as wide."""
    output = result.outputs[0] if result.outputs else None
    if target is None or output is None or len(target) != len(output) or len(output) not in (4, 5) \
            or not all(is_known(d) for d in (*target[1:], *output[1:])) or target[-1] != output[-1]:
        return []
    seed, current = None, result
    while current.node.inputs and len(current.node.inputs) == 1:
        current = inference.results[current.node.inputs[0][0]]
        if current.node.type == "Reshape" and current.outputs and len(current.outputs[0]) == len(output):
            seed = current  # the earliest one: the map the generator grows
    if seed is None or not all(is_known(d) for d in seed.outputs[0][1:]):
        return []
    sizes = seed.outputs[0][1:-1]
    if any(s * t % o for s, t, o in zip(sizes, target[1:-1], output[1:-1])):
        return []
    grown = tuple(s * t // o for s, t, o in zip(sizes, target[1:-1], output[1:-1]))
    shape = (*grown, seed.outputs[0][-1])
    patches = [_patch("set_args", seed.node.index, target_shape=shape)]
    feeding = inference.results[seed.node.inputs[0][0]] if seed.node.inputs else None
    title = f"start from a map of {' x '.join(map(str, grown))}: Reshape({_tuple_text(shape)}) at line {_line(seed)}"
    if feeding is not None and feeding.node.type == "Dense":
        patches.append(_patch("set_args", feeding.node.index, units=math.prod(shape)))
        title += f" and Dense({math.prod(shape)}) at line {_line(feeding)}"
    return [Fix(title, patches, why=f"the layers after it grow the map {output[1] // sizes[0]}-fold: "
                                    f"{' x '.join(map(str, target[1:-1]))} images need that start")]


def _reshape_before_head_fixes(inference: Inference, result, target) -> list[Fix]:
    """A Reshape before a per-position head that gives the targets' values another shape ((h*w, k) against
    (h, w, k) masks): removed when its input has the targets' shape, else given the targets' shape."""
    if target is None or not all(is_known(d) for d in target[1:]):
        return []
    current = result
    while current.node.type in _HEAD_TYPES and current.node.type != "Dense" and current.node.inputs:
        current = inference.results[current.node.inputs[0][0]]
    if current.node.type != "Reshape" or not current.input_shapes or not current.outputs:
        return []
    wanted = tuple(target[1:])
    if tuple(current.input_shapes[0][1:]) == wanted:
        return [Fix(f"remove the Reshape at line {_line(current)}", [_patch("remove", current.node.index)],
                    why=f"its input {format_shape(current.input_shapes[0])} has the targets' shape already")]
    if all(is_known(d) for d in current.outputs[0][1:]) and \
            math.prod(current.outputs[0][1:]) == math.prod(wanted):
        return [Fix(f"set the Reshape at line {_line(current)} to {_tuple_text(wanted)}",
                    [_patch("set_args", current.node.index, target_shape=wanted)],
                    why="the same values, in the targets' shape")]
    return []


def _call_text(type_: str, args: tuple) -> str:
    """``Dense(1, activation="sigmoid")``: a new layer as a title shows it (the first argument positional)."""
    parts = [(f"{k}=" if i or k != "units" else "") + (f'"{v}"' if isinstance(v, str) else str(v))
             for i, (k, v) in enumerate(args)]
    return f"{type_}({', '.join(parts)})"


def _sequence_ended_before(inference: Inference, result):
    """The recurrent layer (through Dense/Dropout/Activation) that returns one vector where the targets have steps."""
    current = result
    while True:
        if is_recurrent(current.node) and not returns_sequences(current.node):
            return current
        if current is not result and current.node.type not in ("Dense", "Dropout", "Activation",
                                                                "BatchNormalization"):
            return None
        if not current.node.inputs:
            return None
        current = inference.results[current.node.inputs[0][0]]


def _pooling_before(inference: Inference, result):
    current = result
    while current.node.inputs:
        current = inference.results[current.node.inputs[0][0]]
        if current.node.type in ("MaxPooling1D", "AveragePooling1D", "MaxPooling2D", "AveragePooling2D"):
            return current
        if current.node.type not in ("Dense", "Dropout", "Activation", "BatchNormalization"):
            return None
    return None


def _encoder_decoder_fixes(inference: Inference, result, target) -> list[Fix]:
    """Per-step targets of another length than the input's steps (15 slot labels for 30 tokens, an answer of
    4 digits for a question of 7): the recurrent layer before the per-step head encodes the whole input into one
    vector, RepeatVector gives it the targets' steps and a recurrent decoder of the same kind and width emits one
    output per target step (Keras' seq2seq addition example)."""
    output = result.outputs[0] if result.outputs else None
    if target is None or output is None or len(target) != 3 or len(output) != 3 or not is_known(target[1]) \
            or output[1] == target[1]:
        return []
    current, consumer = result, None
    while current.node.inputs and len(current.node.inputs) == 1:
        consumer, current = current, inference.results[current.node.inputs[0][0]]
        if returns_sequences(current.node):
            break
        if current.node.type not in ("TimeDistributed", "Dense", "Dropout", "Activation", "BatchNormalization"):
            return []
    else:
        return []
    encoder = current.node
    units = encoder.args.get("units")
    if encoder.type not in ("LSTM", "GRU", "SimpleRNN") or not isinstance(units, int) or consumer is None:
        return []
    steps = target[1]
    # both inserted before the head's first layer; applied from the last patch back, the decoder goes in first
    patches = [set_return_sequences(encoder, False),
               _patch("insert_before", consumer.node.index, encoder.type, units=units, return_sequences=True),
               _patch("insert_before", consumer.node.index, "RepeatVector", n=steps)]
    return [Fix(f"encode, then decode {steps} steps: set return_sequences=False on the {encoder.label} at line "
                f"{_line(current)}, insert RepeatVector({steps}) and {encoder.type}({units}, return_sequences=True) "
                f"before the {consumer.node.label}",
                patches,
                why=f"the targets have {steps} steps, the input {output[1] if is_known(output[1]) else 'other'}: "
                    f"the encoder's last state is repeated for each target step and decoded step by step")]


def _recurrent_before(inference: Inference, result):
    current = result
    while current.node.inputs:
        current = inference.results[current.node.inputs[0][0]]
        if returns_sequences(current.node):
            return [current]
        if current.node.type not in ("Dense", "Dropout", "Activation", "BatchNormalization"):
            return []
    return []


_SHORTENING_POOLS = ("MaxPooling1D", "AveragePooling1D")


def _steps_kept_fixes(inference: Inference, result, target) -> list[Fix]:
    """Per-step labels (batch, T, k) after a valid convolution and poolings that shortened the T steps the Input
    has: the convolutions keep the length (padding="same") and the poolings go, so every step gets its label."""
    output = result.outputs[0] if result.outputs else None
    if target is None or output is None or len(target) != 3 or len(output) != 3:
        return []
    steps = target[1]
    if not (is_known(steps) and is_known(output[1]) and output[1] < steps):
        return []
    inputs = [r for r in inference.results if r.node.type == "InputLayer"]
    if len(inputs) != 1 or not inputs[0].outputs or inputs[0].outputs[0][1:2] != (steps,):
        return []
    convolutions = [r.node for r in inference.results if is_shrinking_convolution(r.node)
                    and r.node.args.get("strides", 1) in (1, (1,))]
    poolings = [r.node for r in inference.results if r.node.type in _SHORTENING_POOLS and len(r.node.inputs) == 1]
    if not poolings and not convolutions:
        return []
    patches = [_patch("set_args", n.index, padding="same") for n in convolutions] + \
        [_patch("remove", n.index) for n in poolings]
    lines = ", ".join(str(n.span.line) if n.span else "?" for n in poolings)
    parts = ([f'set padding="same" on the {len(convolutions)} convolution{"s" * (len(convolutions) > 1)}']
             if convolutions else []) + \
        ([f"remove the {', '.join(n.label for n in poolings)} (line{'s' * (len(poolings) > 1)} {lines})"]
         if poolings else [])
    return [Fix(" and ".join(parts), patches,
                why=f"the targets label each of the {steps} steps the Input has: every layer keeps the length")]
