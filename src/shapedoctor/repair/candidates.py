"""Ranked repair candidates per finding kind, each verified by re-running inference.

A candidate that leaves or creates any error anywhere in the model is dropped, never
shown.  Ranking puts first what keeps the data's meaning (restoring the shape a Flatten
destroyed), then Reshape factorizations with the longest steps axis the layers after it
can use.
"""

from __future__ import annotations

import dataclasses
import math
import re
from fractions import Fraction

from ..data_shapes import check_input_data
from ..diagnostics import Diagnostic, Fix, GraphPatch
from ..graph import INPUT_LAYER_SPELLING, NAMED_FIRST_AXIS, POSITIONAL_STRIDES, UNRECOGNIZED_KEYWORDS, WrittenInt
from ..causes import (AXIS_NAMES, CHANNEL_LIKE, channels_first_input, frame_axis, input_of, rank_origin,
                      series_channels_first, spatial_rank)
from ..infer import Inference, infer, is_list_input, is_written_for_older_keras
from ..rules import RULES, canonical_type
from ..rules.base import DataShape
from ..rules.keywords_message import KERAS_3_SPELLING, accepted_keywords
from ..shapes import Symbol, format_shape, is_known
from .fix_helpers import (ANY_RANK, _GLOBAL_POOL, _channels_first_everywhere, _line, _patch, _tuple_text, is_recurrent,
                          is_shrinking_convolution, returns_sequences, set_return_sequences)
from .target_fixes import _target_fixes
from .merge_fixes import _merge_fixes, padded_input_candidates
from .patch import apply_patches, first_patched, loop_head, original_indices

MAX_POOLINGS_REMOVED = 4  # earlier pooling layers offered for removal, nearest first
# How many verified candidates of one family are worth showing.
GROUP_LIMITS = {"factorization": 5, "smaller": 1, "input size": 2}
_GLOBAL_POOLINGS = {"GlobalAveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling2D",
                    "GlobalAveragePooling3D", "GlobalMaxPooling3D"}
_NEEDS_STEPS = {"Conv1D", "SeparableConv1D", "DepthwiseConv1D", "Conv1DTranspose", "MaxPooling1D",
                "AveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling1D", "LSTM", "GRU", "SimpleRNN",
                "Bidirectional", "ConvLSTM1D", "Cropping1D", "ZeroPadding1D", "UpSampling1D", "SpatialDropout1D",
                "TimeDistributed"}


def propose(inference: Inference, diagnostic: Diagnostic, target_shape=None, depth: int = 0,
            refused: frozenset = frozenset()) -> list[Fix]:
    """The verified fixes of ``diagnostic``, ranked.  When none verifies alone, a candidate whose only problem is
    what it lets through (the next layer's error, now reached; a head the targets still reject) is followed by
    the fix that needs, up to MAX_FOLLOW_UPS: one fix of both, verified as a whole.  ``refused``: titles of fixes
    the re-check of the whole file turned down (rewrite._kept_fixes), and "group:<name>" for a whole group (the
    other input sizes of one turned down): not offered, here or in a chain."""
    if diagnostic.node is None:
        return []
    result = inference.results[diagnostic.node]
    maker = _MAKERS.get(diagnostic.kind.name)
    if maker is None:
        return []
    candidates = maker(inference, result, target_shape) if maker is _target_fixes else maker(inference, result)
    if maker is _rank_fixes:  # frames the data or the per-step targets count: first; else before the guesses
        frames, counted = _per_frame_fixes(inference, result, target_shape)
        at = 0 if counted else next((i for i, f in enumerate(candidates) if f.group == "factorization"),
                                    len(candidates))
        candidates[at:at] = frames
    candidates = [_on_every_call(inference.graph, fix) for fix in candidates]
    verified = []
    seen = set()
    shown_per_group: dict[str, int] = {}
    tried_per_group: dict[str, int] = {}
    failed: list[Fix] = []
    for fix in candidates:
        key = repr(fix.patches)  # not the patches themselves: a config's arguments may hold lists (unhashable)
        if key in seen or (fix.group and (shown_per_group.get(fix.group, 0) >= GROUP_LIMITS.get(fix.group, 3)
                                          or tried_per_group.get(fix.group, 0) >= MAX_TRIES)):
            continue
        seen.add(key)
        if fix.group:
            tried_per_group[fix.group] = tried_per_group.get(fix.group, 0) + 1
        if fix.title not in refused and (not fix.group or f"group:{fix.group}" not in refused) \
                and _verifies(inference, fix, diagnostic, target_shape):
            if fix.group:
                shown_per_group[fix.group] = shown_per_group.get(fix.group, 0) + 1
            fix.verified = True
            verified.append(fix)
        else:
            failed.append(fix)
    if not verified and depth < MAX_FOLLOW_UPS:  # only then: a chain ranks after every fix that works alone
        for fix in failed[:MAX_FOLLOWED]:
            chained = _followed_up(inference, fix, diagnostic, target_shape, depth, refused)
            if chained is not None:
                chained.verified = True
                verified.append(chained)
                break
    for rank, fix in enumerate(verified, 1):
        fix.rank = rank
    return verified


# Fixes whose effect the model's graph cannot show, for models built by code that decides its layers from the
# shapes it reads (a residual block adding a projection when ``x.shape[1] != y.shape[1]``, a shortcut striding by
# ``x.shape[1] // y.shape[1]``, a custom layer's weights made in ``build(input_shape)``): what that code builds after
# the fix only walking it again shows, so they are offered once the re-check of the rewritten file verifies them
# (rewrite._with_fallback).

def leading_source_checked_fixes(inference: Inference, diagnostic: Diagnostic) -> list[Fix]:
    """Images declared channels first ((3, 48, 48)) to channels_last layers, in code that reads shapes: every layer
    reads them channels first (one setting after the imports: the layers of branches the walk did not take too).
    Tried before the graph's fixes: whatever else would build, the images are channels first."""
    if diagnostic.node is None or not inference.graph.shapes_read:
        return []
    result = inference.results[diagnostic.node]
    if channels_first_input(inference, result) is None:
        return []
    declared = input_of(inference, result).outputs[0]
    return [Fix('read images channels first everywhere: keras.backend.set_image_data_format("channels_first") '
                'after the imports',
                [_patch("image_data_format", 0, data_format="channels_first")],
                why=f"the Input declares {declared[1]} channels first and the code reads the channels at axis 1 "
                    f"(the torch and JAX backends run channels_first on CPU; TensorFlow's CPU pooling does not)")]


def source_checked_fixes(inference: Inference, diagnostic: Diagnostic, tried: set[str]) -> list[Fix]:
    """For a merge, tried after the graph's one-step fixes: maps stacked channels first ((6, 32, 32)) read so by
    every layer; the input padded inside the model to a size every stage halves evenly."""
    if diagnostic.node is None or not inference.graph.shapes_read or diagnostic.kind.name != "incompatible-merge":
        return []
    result = inference.results[diagnostic.node]
    fixes = []
    if channels_first_input(inference, result) is None and channels_first_input(inference, result, loose=True) \
            and _channels_first_everywhere_helps(inference, result):
        fixes += _channels_first_fixes(inference, result, loose=True)[:1]
    if result.input_shapes and all(result.input_shapes):
        fixes += padded_input_candidates(inference, result.node, [tuple(s) for s in result.input_shapes])
    return [fix for fix in fixes if fix.title not in tried]


def _on_every_call(graph, fix: Fix) -> Fix:
    """A layer inserted before a shared layer object (one ``GRU`` called on both branches of a siamese model)
    goes before each of its calls; one inserted at a layer a helper or loop body makes on every pass, before
    (or on the input of) each pass's: the source edit is one, and the graph must show what it does."""
    extra = []
    patched = {p.node for p in fix.patches}
    for patch in fix.patches:
        if patch.op not in ("insert_before", "insert_on_input"):
            continue
        target = graph.nodes[patch.node]
        same = [n for n in graph.nodes if n.index not in patched and (
            (target.layer_key is not None and n.layer_key == target.layer_key)
            or (target.span is not None and n.span == target.span and n.type == target.type))]
        extra += [GraphPatch(patch.op, n.index, patch.type, patch.args) for n in same]
        patched |= {n.index for n in same}
    if not extra:
        return fix
    return dataclasses.replace(fix, patches=fix.patches + extra)


MAX_FOLLOW_UPS = 2  # fixes chained after one whose consequences need them
MAX_FOLLOWED = 4  # candidates tried for chaining (each costs an inference and a nested proposal)


def _followed_up(inference: Inference, fix: Fix, diagnostic: Diagnostic, target_shape, depth: int,
                 refused: frozenset = frozenset()) -> Fix | None:
    """``fix`` and the fix of the finding it uncovers, as one fix; None when that does not make the model build."""
    from ..targets import check_output_target

    try:
        after = infer(apply_patches(inference.graph, fix.patches))
    except (ValueError, IndexError, KeyError):
        return None
    others = other_errors(inference, diagnostic)
    same = (diagnostic.code, diagnostic.message)
    uncovered = [d for d in after.diagnostics if d.severity == "error" and _where(d) not in others]
    if any((d.code, d.message) == same for d in uncovered):
        return None  # the finding is still there: no progress
    if not uncovered:
        mismatch = check_output_target(after, target_shape)
        if mismatch is None or (diagnostic.kind.name == "output-target-mismatch"
                                and _output_rank(after, mismatch) == _output_rank(inference, diagnostic)):
            # failed for another reason (a warning of its kind); a head's mismatch is followed up only once the
            # fix gave the output the targets' rank (pooled the steps: the width is what is left)
            return None
        after.diagnostics.append(mismatch)
        uncovered = [mismatch]
    following = propose(after, uncovered[0], target_shape, depth + 1, refused)
    if not following:
        return None
    mapped = original_indices(inference.graph, fix.patches, following[0].patches)
    if mapped is None:
        return None
    both = "safe" if fix.applicability == following[0].applicability == "safe" else "unsafe"
    where = f"for line {uncovered[0].line}"
    chained = Fix(f"{fix.title}, then {following[0].title} ({where})", fix.patches + mapped,
                  why=f"{fix.why}; then {where}: {following[0].why}", applicability=both, chained=True)
    return chained if _verifies(inference, chained, diagnostic, target_shape) else None


def _output_rank(inference: Inference, diagnostic: Diagnostic) -> int | None:
    """The rank of the output an ``output-target-mismatch`` is about (its node's)."""
    outputs = inference.results[diagnostic.node].outputs if diagnostic.node is not None else None
    return len(outputs[0]) if outputs and outputs[0] is not None else None


def _verifies(inference: Inference, fix: Fix, diagnostic: Diagnostic, target_shape) -> bool:
    from ..targets import check_output_target

    try:
        patched = apply_patches(inference.graph, fix.patches)
        start = first_patched(inference.graph, fix.patches)
    except (ValueError, IndexError, KeyError):
        return False
    after = infer(patched, inference, start)  # the layers before the patch keep their results
    if fix.applicability == "safe" and diagnostic.kind.name == "invalid-argument":
        # the argument written the way Keras needs it: right whatever the rest of the model does (what the now
        # checked layers after it say is a finding of their own, not a reason to withhold this one)
        return after.results[diagnostic.node].status == "ok" and not any(
            is_list_input(d) and d.node == diagnostic.node for d in after.diagnostics)
    # No error but the model's other ones, found independently of this one (another branch): each is a finding
    # with fixes of its own, and `fix` takes them in turn.
    others = other_errors(inference, diagnostic)
    if any(_where(d) not in others and not is_written_for_older_keras(d) for d in after.errors):
        return False
    if any(r.status == "error" and _where_node(r.node) not in {(line, col) for line, col, *_ in others}
           for r in after.results):
        return False
    data_mismatch = check_input_data(after, after.graph.data_shape)
    if data_mismatch is not None and (data_mismatch.severity == "error" or diagnostic.kind is data_mismatch.kind):
        return False  # a model its data cannot be fed to is no fix
    mismatch = check_output_target(after, target_shape)
    if diagnostic.kind.name == "output-target-mismatch" or (mismatch is not None and mismatch.severity == "error"):
        return mismatch is None  # a fix that builds a model its targets reject is no fix
    # No new warnings of the same kind as the one fixed.
    return not any(d.kind is diagnostic.kind and _where(d) not in others for d in after.diagnostics)


def other_errors(inference: Inference, diagnostic: Diagnostic) -> set:
    """Where the model's errors other than ``diagnostic`` are: (line, col, code, message)."""
    return {_where(d) for d in inference.diagnostics if d.severity == "error" and d is not diagnostic
            and _where(d) != _where(diagnostic)}


def _where(d: Diagnostic) -> tuple:
    return d.line, d.col, d.code, d.message


def _where_node(node) -> tuple:
    return (node.span.line, node.span.col) if node.span else (None, None)


# ----------------------------------------------------------------------------- rank
# the name of a data set's sample count, written as the first size of an Input's shape
_SAMPLE_COUNT_NAME = re.compile(r"sample|train|test|valid|data|batch|example|record|row|instance|^n$|^num$|^n_?obs",
                                re.IGNORECASE)


def _rank_fixes(inference: Inference, result) -> list[Fix]:
    node = result.node
    shape = result.input_shapes[0] if result.input_shapes else None
    if shape is None:
        return []
    fixes: list[Fix] = []
    chain = rank_origin(inference, result)
    origin = chain[-1] if chain else None
    label = node.label
    fixes.extend(_loop_head_fixes(inference, result, chain))
    fixes.extend(_embedding_fixes(inference, origin))
    inner = node.args.get("layer")
    if node.type == "TimeDistributed" and len(shape) == 2 and getattr(inner, "type", None) in RULES:
        # the sequence ended before it (return_sequences=False, pooling): the wrapped layer on the vector
        fixes.append(Fix(f"use the {inner.type} inside TimeDistributed directly",
                         [_patch("unwrap", node.index)], why="its input has no steps axis left to distribute over"))
    if len(shape) == 2 and node.type in _GLOBAL_POOLINGS and len(node.inputs) == 1:
        # the steps were already pooled away before it: what it would give, it gets
        fixes.append(Fix(f"remove the {label}", [_patch("remove", node.index)],
                         why=f"its input {format_shape(shape)} has no steps axis left to pool"
                             + (f": {origin.node.label} at line {_line(origin)} already ended it"
                                if origin is not None and origin.node.type != "InputLayer" else "")))
    if len(shape) == 2 and node.type in _NEEDS_STEPS:
        n = shape[1]
        if origin is not None and origin.node.type == "Flatten" and len(origin.input_shapes[0]) == 3:
            before = origin.input_shapes[0]
            t0, c0 = before[1], before[2]
            fixes.append(Fix(f"remove the Flatten at line {_line(origin)}", [_patch("remove", origin.node.index)],
                             why=f"its input {format_shape(before)} already has the steps axis {label} needs"))
            if is_known(n) and is_known(t0) and is_known(c0) and t0 * c0 == n:
                fixes.append(Fix(f"insert Reshape(({t0}, {c0})) before {label}",
                                 [_patch("insert_before", node.index, "Reshape", target_shape=(t0, c0))],
                                 why=f"restores the ({t0} steps, {c0} channels) the Flatten merged"))
        if origin is not None and origin.node.type == "Flatten" and origin.input_shapes \
                and len(origin.input_shapes[0]) == 4 and all(is_known(d) for d in origin.input_shapes[0][1:]):
            h, w, c = origin.input_shapes[0][1:]
            if h * w * c == n:  # feature maps into a sequence layer: one step per position, channels as features
                fixes.append(Fix(f"insert Reshape(({h * w}, {c})) before {label}",
                                 [_patch("insert_before", node.index, "Reshape", target_shape=(h * w, c))],
                                 why=f"one step per position of the {h}x{w} map the Flatten merged, its {c} "
                                     f"channels as features"))
        stacked = [r for r in inference.results if is_recurrent(r.node)
                   and not returns_sequences(r.node) and r.node.index != _last_recurrent(inference)]
        if origin is not None and is_recurrent(origin.node) and len(stacked) > 1:
            # a stack of recurrent layers: every one but the last passes its whole sequence on (one fix, not one
            # per layer: each alone would leave the next one failing)
            fixes.append(Fix(f"set return_sequences=True on every recurrent layer but the last "
                             f"(lines {', '.join(_line(r) for r in stacked)})",
                             [set_return_sequences(r.node, True) for r in stacked],
                             why="stacked recurrent layers each need the sequence of the one before"))
        if origin is not None and is_recurrent(origin.node):
            fixes.append(Fix(f"set return_sequences=True on the {origin.node.label} at line {_line(origin)}",
                             [set_return_sequences(origin.node, True)],
                             why="keeps one output per step for the layers after it"))
        if is_known(n):
            fixes.extend(_intended_reshapes(chain, node, n, 2))
            fixes.extend(_free_steps_reshape(chain, node, n))
            fixes.extend(_reshape_factorizations(node, n))
            if origin is not None and origin.node.type == "InputLayer" and len(chain) == 1:
                fixes.append(Fix(f"feed Input(shape=({n}, 1)) and reshape the data with x[..., None]",
                                 [_patch("set_input_shape", origin.node.index, shape=(n, 1))],
                                 why="treats each of the n features as one step of a single-channel series"))
    declared = origin.node.args.get("shape") if origin is not None and origin.node.type == "InputLayer" else None
    stack = _frame_stack_fixes(inference, result) if len(chain) == 1 else []
    if stack and isinstance(declared, tuple) and isinstance(declared[0], int) and 2 <= declared[0] <= MAX_FRAMES \
            and not isinstance(declared, DataShape):
        fixes.extend(stack)  # Input((3, h, w, c)) written by hand: a stack of 3 frames, not 3 samples
        stack = []
    named = origin.node.written_factors.get(NAMED_FIRST_AXIS) if origin is not None else None
    if isinstance(declared, tuple) and len(declared) >= 2 and isinstance(declared[0], int) and len(chain) == 1 \
            and (not named or _SAMPLE_COUNT_NAME.search(named[0])):
        # Input(shape=X.shape): the data's own batch axis was declared as an axis of each sample -- written as a
        # number or a count of samples (n_train, data_size), not an axis the author named (config.buckets)
        fixes.append(Fix(f"drop the batch axis from the Input: shape={_tuple_text(declared[1:])}",
                         [_patch("slice_shape", origin.node.index, shape=declared[1:])],
                         why=f"{declared[0]} is the number of samples, not an axis of one sample",
                         applicability="safe"))
    elif isinstance(declared, tuple) and len(declared) >= 3 and declared[0] is None and len(chain) == 1 \
            and len(shape) > 3:
        # Input(shape=(None, 20, 30)) for (batch, 20, 30) data: the batch axis written into each sample's shape
        fixes.append(Fix(f"drop the batch axis from the Input: shape={_tuple_text(declared[1:])}",
                         [_patch("slice_shape", origin.node.index, shape=declared[1:])],
                         why="Keras adds the batch axis itself; written in the shape it is one axis too many"))
    fixes.extend(stack)
    if len(shape) == 2 and node.type in _NEEDS_STEPS:
        return fixes
    per_group = None  # ranked after the reshapes, unless the groups are ids' (then first)
    if len(shape) == 4 and is_recurrent(node) and node.type != "TimeDistributed":
        # (documents, sentences, words, features): the recurrent layer reads each group's steps, once per group
        # (a hierarchical RNN's word level), and the next layer reads the groups as its steps
        per_group = Fix(f"wrap the {label} in TimeDistributed", [_patch("wrap", node.index, "TimeDistributed")],
                        why=f"it runs over the {shape[2]} steps of each of the {shape[1]} groups; the layers after "
                            f"it read one output per group")
        if origin is not None and origin.node.type == "Embedding" and _integer_ids(inference, origin):
            fixes.insert(0, per_group)
            per_group = None
    if len(shape) == 4 and node.type in _NEEDS_STEPS and node.type != "TimeDistributed" \
            and all(is_known(d) for d in shape[1:]):
        h, w, c = shape[1:]  # a feature map into a sequence layer: its rows as steps, or one step per position
        fixes.append(Fix(f"insert Reshape(({h}, {w * c})) before {label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=(h, w * c))],
                         why=f"each of the {h} rows is one step, its {w} x {c} values the features"))
        fixes.append(Fix(f"insert Reshape(({h * w}, {c})) before {label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=(h * w, c))],
                         why=f"one step per position of the {h}x{w} map, its {c} channels as features"))
        return fixes + ([per_group] if per_group else [])
    if per_group:
        fixes.append(per_group)
    if len(shape) == 5 and is_recurrent(node) and all(is_known(d) for d in shape[1:]):
        t, h, w, c = shape[1:]  # a sequence of maps (ConvLSTM2D, TimeDistributed Conv2D): each step's map flattened
        fixes.append(Fix(f"insert Reshape(({t}, {h * w * c})) before {label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=(t, h * w * c))],
                         why=f"each of the {t} steps keeps its {h} x {w} x {c} map as {h * w * c} features"))
        return fixes
    spatial = spatial_rank(node.type) if node.type in RULES else 0
    if len(shape) == 2 and spatial and is_known(shape[1]):
        fixes.extend(_image_fixes(inference, chain, node, shape[1], spatial))
        return fixes
    swap = _fewer_dimensions_fix(inference, node, len(shape))
    if swap is not None and _among_lower_layers(inference, node, len(shape)):
        fixes.insert(0, swap)  # a Conv2D left in a model of Conv1D/MaxPooling1D: the port missed it
        swap = None
    if len(shape) == 1 and origin is not None and origin.node.type == "InputLayer" and len(chain) == 1:
        # model.fit(X, y) with X = np.arange(...): one value per sample, no features axis (Keras 2 added it)
        fixes.append(Fix(f"insert Reshape((1,)) before {label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=(1,))],
                         why="the data hold one value per sample: the Reshape makes it a feature axis of 1 "
                             "(fit and predict keep taking the data as they are)"))
    if len(shape) >= 2 and all(is_known(d) for d in shape[1:]):
        # One axis short (Conv2D on (None, h, w)): add a channel axis.
        target = (*shape[1:], 1)
        fixes.append(Fix(f"insert Reshape({_tuple_text(target)}) before {label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=target)],
                         why="adds the channel axis"))
    if swap is not None:
        fixes.append(swap)
    return fixes


# A layer and its kind for one spatial dimension fewer, with the arguments that hold one value per axis.
_ONE_DIMENSION_FEWER = {"Conv2D": "Conv1D", "Conv3D": "Conv2D", "SeparableConv2D": "SeparableConv1D",
                        "DepthwiseConv2D": "DepthwiseConv1D", "Conv2DTranspose": "Conv1DTranspose",
                        "Conv3DTranspose": "Conv2DTranspose", "MaxPooling2D": "MaxPooling1D",
                        "MaxPooling3D": "MaxPooling2D", "AveragePooling2D": "AveragePooling1D",
                        "AveragePooling3D": "AveragePooling2D", "UpSampling2D": "UpSampling1D",
                        "SpatialDropout2D": "SpatialDropout1D", "SpatialDropout3D": "SpatialDropout2D"}
_PER_AXIS_ARGS = ("kernel_size", "strides", "pool_size", "dilation_rate", "size")


def _fewer_dimensions_fix(inference: Inference, node, rank: int) -> Fix | None:
    """``Conv2D(16, (7, 7), strides=(2, 2))`` on a (batch, steps, channels) tensor ->
    ``Conv1D(16, 7, strides=2)``: the layer of the input's own dimension, each per-axis argument cut to the
    axes left (a square size to its side)."""
    lower = _ONE_DIMENSION_FEWER.get(node.type)
    if lower is None or spatial_rank(node.type) != rank - 1 or node.args.get("data_format") == "channels_first":
        return None
    args = {}
    for name, value in node.args.items():
        if name in _PER_AXIS_ARGS and isinstance(value, (tuple, list)):
            if len(value) != rank - 1:
                return None
            value = value[0] if rank == 3 and len(set(value)) == 1 else tuple(value[:-1]) if rank > 3 \
                and len(set(value)) == 1 else None
            if value is None:
                return None  # a different size per axis: which one was meant for the axes left is unknown
        args[name] = value
    return Fix(f"use {lower} instead of {node.label}", [_patch("replace", node.index, lower, **args)],
               why=f"its input has {rank - 2} spatial axis{'es' * (rank > 3)}, as the layers around it use")


def _among_lower_layers(inference: Inference, node, rank: int) -> bool:
    """Whether a layer next to ``node`` is of the input's own dimension (a MaxPooling1D after a Conv2D)."""
    near = [inference.graph.nodes[ref[0]] for ref in node.inputs] + inference.graph.consumers(node.index)
    return any(("1D" in n.type if rank == 3 else spatial_rank(n.type) == rank - 2) for n in near)


_FRAME_LAYERS = {"Conv1D", "Conv2D", "Conv3D", "SeparableConv2D", "DepthwiseConv2D", "MaxPooling1D",
                 "MaxPooling2D", "MaxPooling3D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D"}


MAX_FRAMES = 16  # a first axis written this small, by hand, is a stack of frames (keras-rl's window) or slices


def _frame_stack_fixes(inference: Inference, result) -> list[Fix]:
    """A convolution declared on a stack of frames ((3, h, w, c): one axis more than it reads): it and the layers
    after it, up to the Flatten, run on each frame (TimeDistributed); the Flatten then joins the frames' features."""
    node = result.node
    shape = result.input_shapes[0] if result.input_shapes else None
    spatial = (spatial_rank(node.type) or (1 if node.type.endswith("1D") else 0)) if node.type in RULES else 0
    if shape is None or not spatial or len(shape) != spatial + 3 or node.type not in _FRAME_LAYERS \
            or shape[1] == 1:
        return []  # (1, h, w, c): the batch axis written into the shape, not one frame
    wraps, current = [], node
    while current.type not in ("Flatten", "Reshape"):  # a Reshape regroups the frames' features itself
        if current.type not in _FRAME_LAYERS and current.type not in ANY_RANK:
            return []
        if current.type not in ANY_RANK:
            wraps.append(_patch("wrap", current.index, "TimeDistributed"))
        consumers = inference.graph.consumers(current.index)
        if len(consumers) != 1:
            return []
        current = consumers[0]
    return [Fix(f"wrap the {len(wraps)} layer{'s' * (len(wraps) > 1)} from {node.label} to the {current.type} in "
                f"TimeDistributed", wraps,
                why=f"the Input holds {shape[1]} frames of {format_shape((None, *shape[2:]))}: each frame goes "
                    f"through the convolutions, and the {current.type} joins their features")]


def _per_frame_fixes(inference: Inference, result, target_shape) -> tuple[list[Fix], bool]:
    """A CNN declared on one frame, flattened into an LSTM that needs the frames as steps: every layer from the
    Input to the recurrent one wrapped in TimeDistributed, and the Input given the frames axis -- its size from
    the data's extra axis or the per-step targets, else None (any number of frames).  Also whether the data or
    the targets counted the frames (then this is what the model was meant to be)."""
    node = result.node
    shape = result.input_shapes[0] if result.input_shapes else None
    if shape is None or len(shape) != 2 or not is_recurrent(node):
        return [], False
    frame_layers, current = [], result
    while True:
        current = inference.results[current.node.inputs[0][0]] if len(current.node.inputs) == 1 else None
        if current is None or len(inference.graph.consumers(current.node.index)) != 1:
            return [], False
        if current.node.type == "InputLayer":
            break
        frame_layers.append(current.node)
    frame = current.outputs[0] if current.outputs else None
    if frame is None or len(frame) < 3 or not any(n.type in _FRAME_LAYERS for n in frame_layers):
        return [], False
    data = inference.graph.data_shape
    target = target_shape if target_shape is not None else inference.graph.target_shape
    target = tuple(target) if isinstance(target, (tuple, list)) else None
    if data is not None and len(data) == len(frame) + 1:
        steps = data[1]
    elif target is not None and len(target) == 3 and returns_sequences(node):
        steps = target[1]
    else:
        steps = None
    new_input = (steps, *frame[1:])
    wraps = [_patch("wrap", n.index, "TimeDistributed") for n in reversed(frame_layers)
             if n.type not in ANY_RANK]
    return [Fix(f"wrap the {len(wraps)} layers before {node.label} in TimeDistributed and feed "
                f"Input(shape={_tuple_text(new_input)})",
                [_patch("set_input_shape", current.node.index, shape=new_input)] + wraps,
                why=f"the layers up to line {_line(inference.results[frame_layers[0].index])} read one "
                    f"{format_shape(frame)} frame; wrapped, they run on every frame and {node.label} reads "
                    f"the frames as its steps")], steps is not None


def _embedding_fixes(inference: Inference, origin) -> list[Fix]:
    """An Embedding on more than one axis per sample: one-hot rows (the last axis is the vocabulary) go to the
    next layer as they are; else the Input declares the ids' shape without that axis."""
    if origin is None or origin.node.type != "Embedding" or not origin.input_shapes \
            or len(origin.input_shapes[0]) < 3:
        return []
    shape = origin.input_shapes[0]
    fixes = []
    if shape[-1] == origin.node.args.get("input_dim"):
        fixes.append(Fix(f"remove the Embedding at line {_line(origin)}", [_patch("remove", origin.node.index)],
                         why=f"its input is one-hot already (the last axis, {shape[-1]}, is the vocabulary): the "
                             f"layers after it read the rows as they are"))
    feeding = inference.results[origin.node.inputs[0][0]] if origin.node.inputs else None
    if _integer_ids(inference, origin) and shape[-1] != 1:
        return fixes  # Input(dtype="int32"): ids on every axis (sentences x words), not one-hot rows
    if not fixes and is_known(shape[-1]) and shape[-1] > 1 and feeding is not None \
            and feeding.node.type == "InputLayer":
        # Input((20, 8)) declared by hand: 8 values per step, a vector already (a sensor, a word vector)
        fixes.append(Fix(f"remove the Embedding at line {_line(origin)}", [_patch("remove", origin.node.index)],
                         why=f"the Input declares {shape[-1]} values per step, {format_shape(shape)}: vectors "
                             f"already, which the layers after it read as they are"))
    if feeding is not None and feeding.node.type == "InputLayer" and (shape[-1] == 1 or all(
            is_known(d) for d in shape[1:-1])):  # Input((None, 1)) of character ids: the 1 is the extra axis
        ids = tuple(shape[1:-1])
        fixes.append(Fix(f"feed token ids: Input(shape={_tuple_text(ids)})",
                         [_patch("drop_last_axis", feeding.node.index, shape=ids)],
                         why=f"an Embedding reads integer ids, {_tuple_text(ids)} per sample; the data must be "
                             f"ids, not one-hot rows"))
    return fixes


def _integer_ids(inference: Inference, embedding) -> bool:
    """The Embedding reads an Input declared with an integer dtype: its data are ids, whatever their rank."""
    feeding = inference.results[embedding.node.inputs[0][0]] if embedding.node.inputs else None
    dtype = feeding.node.args.get("dtype") if feeding is not None and feeding.node.type == "InputLayer" else None
    return isinstance(dtype, str) and dtype.lstrip("u").startswith("int")


def _loop_head_fixes(inference: Inference, result, chain: list) -> list[Fix]:
    """A rank-reducing head (Flatten ... Dense) written inside a loop body, below the layer the loop's next pass
    feeds it back to (causes._loop_back_edge): move it after the loop, the innermost loop holding both."""
    here = result.node.span.line if result.node.span else None
    for first, last in sorted(inference.graph.loops, key=lambda loop: loop[1] - loop[0]):
        head = [r.node for r in chain if here is not None and first < here <= last
                and r.node.span is not None and here < r.node.span.line <= last]
        if not head:
            continue
        top = min(head, key=lambda n: (n.span.line, n.span.col))
        patch = _patch("dedent_after_loop", top.index, loop=(first, last))
        try:
            moved = sorted((inference.graph.nodes[i] for i in loop_head(inference.graph, patch)),
                           key=lambda n: ((n.call_span or n.span).line, (n.call_span or n.span).col))
        except (ValueError, IndexError, KeyError):
            return []
        names = moved[0].label if len({n.span for n in moved}) == 1 else f"{moved[0].label} ... {moved[-1].label}"
        lines = f"line {top.span.line}" if top.span.line == last else f"lines {top.span.line}-{last}"
        return [Fix(f"move the {names} ({lines}) after the loop at line {first}", [patch],
                    why="the head runs once, on the loop's last output, instead of on every pass")]
    return []


def _last_recurrent(inference: Inference) -> int | None:
    return max((r.node.index for r in inference.results if is_recurrent(r.node)), default=None)


def _intended_reshapes(chain: list, node, n: int, axes: int) -> list[Fix]:
    """``Dense(8 * 8 * 16)`` before a Conv2D: the grouping the user wrote, as a Reshape, before any guess."""
    fixes = []
    for result in chain:
        if result.node.type == "InputLayer":
            break
        factors = result.node.written_factors.get("units")
        if factors and len(factors) == axes and math.prod(factors) == n:
            fixes.append(Fix(f"insert Reshape({_tuple_text(factors)}) before {node.label}",
                             [_patch("insert_before", node.index, "Reshape", target_shape=factors)],
                             why=f"the grouping written in {result.node.label}({' * '.join(map(str, factors))}) "
                                 f"at line {_line(result)}"))
    return fixes


def _free_steps_reshape(chain: list, node, n: int) -> list[Fix]:
    """``Dense(units)`` inside a builder: the size follows a variable, so a Reshape written with the size of
    this one call would break the others; ``Reshape((-1, 1))`` gives every size its steps axis."""
    origin = next((r for r in chain if r.node.type != "InputLayer" and "units" in r.node.written_factors), None)
    if origin is None or origin.node.written_factors["units"] != ():
        return []
    return [Fix(f"insert Reshape((-1, 1)) before {node.label}",
                [_patch("insert_before", node.index, "Reshape", target_shape=(-1, 1))],
                why=f"{n} steps x 1 channel here; -1 follows the variable size of the {origin.node.label} at line "
                    f"{_line(origin)} wherever it is called")]


def _image_fixes(inference: Inference, chain: list, node, n: int, spatial: int) -> list[Fix]:
    """A Conv2D/Conv3D (or pooling) after Flatten or Dense: give the features their spatial axes back."""
    fixes = []
    origin = chain[-1] if chain else None
    if origin is not None and origin.node.type == "Flatten" and origin.input_shapes \
            and len(origin.input_shapes[0]) == spatial + 2:
        before = origin.input_shapes[0]
        fixes.append(Fix(f"remove the Flatten at line {_line(origin)}", [_patch("remove", origin.node.index)],
                         why=f"its input {format_shape(before)} already has the axes {node.label} needs"))
        if all(is_known(d) for d in before[1:]) and math.prod(before[1:]) == n:
            fixes.append(Fix(f"insert Reshape({_tuple_text(before[1:])}) before {node.label}",
                             [_patch("insert_before", node.index, "Reshape", target_shape=tuple(before[1:]))],
                             why="restores the axes the Flatten merged"))
    fixes.extend(_intended_reshapes(chain, node, n, spatial + 1))
    if ("Transpose" in node.type or node.type.startswith("UpSampling")) and len(chain) == 1 \
            and chain[0].node.type == "InputLayer":  # the Input itself feeds it
        # a generator's noise vector: a 1 x 1 map of n channels, which the transposed convolutions grow (DCGAN)
        target = (1,) * spatial + (n,)
        fixes.append(Fix(f"insert Reshape({_tuple_text(target)}) before {node.label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=target)],
                         why=f"a {' x '.join(['1'] * spatial)} map of {n} channels for the layers to grow, as a "
                             f"generator starts from its noise vector"))
    kernel = node.args.get("kernel_size")
    kernel = (kernel,) * spatial if isinstance(kernel, int) else kernel
    if node.type in ("Conv1D", "Conv2D", "Conv3D") and isinstance(kernel, tuple) and set(kernel) == {1} \
            and isinstance(node.args.get("filters"), int):
        # VGG-Face's classifier written as a 1 x 1 convolution after the Dense layers: on a vector it is a Dense
        args = {"units": node.args["filters"], **{k: node.args[k] for k in ("activation", "use_bias", "name")
                                                  if k in node.args}}
        fixes.append(Fix(f"use Dense({node.args['filters']}) instead of the 1 x 1 {node.label}",
                         [_patch("replace", node.index, "Dense", **args)],
                         why=f"a 1 x 1 convolution of a {n}-vector is a Dense layer of {node.args['filters']} units"))
    if node.type.startswith("Conv") and (set(kernel or ()) == {1} or node.args.get("padding") == "same") \
            and "Transpose" not in node.type:
        target = (1,) * spatial + (n,)
        fixes.append(Fix(f"insert Reshape({_tuple_text(target)}) before {node.label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=target)],
                         why=f"the {n} features as a {' x '.join(['1'] * spatial)} map of {n} channels, which "
                             f"{node.label} keeps"))
    names = " x ".join(AXIS_NAMES[spatial + 2])
    for side in [s for s in reversed(divisors(n)) if s >= 2 and n % s ** spatial == 0]:
        channels = n // side ** spatial
        target = (side,) * spatial + (channels,)
        fixes.append(Fix(f"insert Reshape({_tuple_text(target)}) before {node.label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=target)],
                         why=f"{names} {' x '.join([str(side)] * spatial)}, {channels} channel"
                             f"{'s' * (channels != 1)} = {n}", group="factorization"))
    return fixes


# Bounded work: divisors are found by trial division up to sqrt(n), at most MAX_TRIAL_DIVISIONS of them (a
# dimension of 1,000,000,007 must not cost a billion steps), and at most MAX_TRIES candidates of one family are
# re-inferred (each try re-runs inference on the whole model).
MAX_TRIAL_DIVISIONS = 100_000
MAX_TRIES = 64


def divisors(n: int) -> list[int]:
    """The divisors of ``n`` >= 1, ascending; for a huge ``n`` only those paired with a divisor up to
    MAX_TRIAL_DIVISIONS (the factorizations with one factor beyond that are of no use as a Reshape anyway)."""
    if not isinstance(n, int) or n < 1:
        return []
    small, large = [], []
    t = 1
    while t * t <= n and t <= MAX_TRIAL_DIVISIONS:
        if n % t == 0:
            small.append(t)
            if t * t != n:
                large.append(n // t)
        t += 1
    return small + large[::-1]


def _reshape_factorizations(node, n: int) -> list[Fix]:
    fixes = []
    for steps in [t for t in reversed(divisors(n)) if t >= 2]:
        channels = n // steps
        fixes.append(Fix(f"insert Reshape(({steps}, {channels})) before {node.label}",
                         [_patch("insert_before", node.index, "Reshape", target_shape=(steps, channels))],
                         why=f"{steps} steps x {channels} channels = {n}",
                         group="factorization"))
    return fixes


# ------------------------------------------------------------------ negative-length
def _mixed_format_fixes(inference: Inference) -> list[Fix]:
    """Some layers written data_format="channels_first" (the first Conv2D, on (1, 2, 18) samples), the others left
    at Keras' channels_last: the others read the first one's channels as rows. All of them channels first."""
    formats = [r.node.args.get("data_format", "channels_last") for r in inference.results
               if "data_format" in getattr(RULES.get(r.node.type), "params", ())]
    if "channels_first" not in formats or "channels_last" not in formats:
        return []
    rank = next((len(r.outputs[0]) for r in inference.results if r.node.args.get("data_format") == "channels_first"
                 and r.outputs and r.outputs[0]), 4)
    everywhere = _channels_first_everywhere(inference, rank, "the layers written channels_first read the data "
                                                             "so; the others now read it the same way")
    if everywhere is None:
        return []
    shrinking = [r.node for r in inference.results if r.node.args.get("padding", "valid") == "valid" and (
        is_shrinking_convolution(r.node) or r.node.type.startswith(("MaxPooling", "AveragePooling")))]
    padded = []
    if shrinking:  # small maps (2 x 18): every layer keeps its size as well
        padded = [dataclasses.replace(
            everywhere, title=everywhere.title + ', and padding="same" on every convolution and pooling',
            patches=everywhere.patches + [_patch("set_args", n.index, padding="same") for n in shrinking],
            why=everywhere.why + "; no layer shrinks the small maps")]
    return [everywhere] + padded


def _length_fixes(inference: Inference, result) -> list[Fix]:
    mixed = _mixed_format_fixes(inference)
    if mixed:
        return mixed + _shrinking_fixes(inference, result)
    fixes = _channels_first_fixes(inference, result) or _channels_last_fixes(inference, result)
    if fixes:  # a smaller kernel or padding would build, but hide that the layers read the channels as space
        return fixes
    transposed = _channels_first_fixes(inference, result, loose=True)
    if transposed and series_channels_first(inference, result) is not None:
        # (7, 100), (22, 1000): a few rows of many values each, EEG channels or sensors, run out along the
        # rows: data written channels first, most likely; the other repairs follow
        return transposed + _shrinking_fixes(inference, result)
    return _shrinking_fixes(inference, result) + transposed


def _keras1_spelling_fixes(inference: Inference, result) -> list[Fix]:
    """``Conv2D(32, 3, 3)``: Keras 1's ``Convolution2D(nb_filter, nb_row, nb_col)`` spelling, whose third
    argument is ``strides`` since Keras 2 -- every such convolution before the layer that ran out divides the maps
    by the kernel's size. The kernel written as the (rows, cols) pair meant, strides back to 1, on every
    convolution of the model written so (before a layer that ran out, or a merge whose branches they shrank
    unequally)."""
    spelled = []
    for r in inference.results:  # the model's every convolution so spelled: the decoder's too
        node = r.node
        strides, kernel = node.args.get("strides"), node.args.get("kernel_size")
        if POSITIONAL_STRIDES in node.written_factors and node.type.startswith(("Conv", "SeparableConv")) \
                and isinstance(strides, int) and strides > 1 and strides == kernel:
            spelled.append(r)
    if not spelled:
        return []
    rank = spatial_rank(spelled[0].node.type) or 2
    lines = ", ".join(dict.fromkeys(_line(r) for r in spelled))
    if not any(r.node.index < result.node.index for r in spelled):
        return []  # none of them shrank what ran out
    return [Fix(f"read Conv(n, k, k) as Keras 1 did: kernel_size=(k, k) and strides=1 on the convolutions at "
                f"line{'s' * (len(spelled) > 1)} {lines}",
                [_patch("set_args", r.node.index, kernel_size=(r.node.args["kernel_size"],) * rank, strides=1)
                 for r in spelled],
                why="Keras 1's Convolution2D(filters, rows, cols); since Keras 2 the third argument is strides, so "
                    "each of these convolutions divides the maps by its kernel size")]


def _shrinking_fixes(inference: Inference, result) -> list[Fix]:
    """A layer that runs out of length: keep the length (padding), shrink the kernel or pool, drop a pooling."""
    node = result.node
    fixes: list[Fix] = _keras1_spelling_fixes(inference, result)
    if node.type.startswith(("Conv", "SeparableConv", "DepthwiseConv", "MaxPooling", "AveragePooling")) \
            and node.args.get("padding") != "same":
        fixes.append(Fix(f'set padding="same" on {node.label}', [_patch("set_args", node.index, padding="same")],
                         why="keeps the length instead of shrinking it"))
        others = [r.node for r in inference.results if is_shrinking_convolution(r.node) and r.node is not node]
        if others:  # the layers after it may need the lengths the earlier ones took
            fixes.append(Fix('set padding="same" on every convolution',
                             [_patch("set_args", n.index, padding="same") for n in sorted(
                                 [*others, node] if is_shrinking_convolution(node) else others, key=lambda n: n.index)],
                             why="every convolution keeps the lengths it gets"))
    if node.type.startswith(("MaxPooling", "AveragePooling")):
        fixes.append(Fix(f"remove {node.label}", [_patch("remove", node.index)],
                         why="one pooling step fewer leaves enough length"))
    if node.type.startswith("Cropping1D"):
        fixes.extend(_cropping_fixes(inference, result))
    key = "pool_size" if "Pooling" in node.type else "kernel_size"
    current = node.args.get(key)
    if isinstance(current, int) and not isinstance(current, bool):
        # The next sizes down, and the input's own lengths (a kernel of 10**9 on 50 steps: try 50 first).
        lengths = {d for shape in (result.input_shapes or []) if shape for d in shape[1:]
                   if is_known(d) and 0 < d < current}
        sizes = set(range(current - 1, max(current - MAX_TRIES, 0), -1)) | lengths | {d - 1 for d in lengths if d > 1}
        for smaller in sorted(sizes, reverse=True):
            fixes.append(Fix(f"set {key}={smaller} on {node.label}",
                             [_patch("set_args", node.index, **{key: smaller})],
                             why=f"the largest {key} the input length allows", group="smaller"))
    # An earlier pooling layer that shrank the axis: the nearest first (removing it may still leave a later
    # pooling too little; an earlier one then keeps enough for every layer after it).
    upstream = inference.results[node.inputs[0][0]] if node.inputs else None
    poolings = 0
    while upstream is not None and upstream.node.type != "InputLayer" and poolings < MAX_POOLINGS_REMOVED:
        if upstream.node.type.startswith(("MaxPooling", "AveragePooling")):
            fixes.append(Fix(f"remove the {upstream.node.label} at line {_line(upstream)}",
                             [_patch("remove", upstream.node.index)], why="keeps enough steps for the layers after it"))
            poolings += 1
        upstream = inference.results[upstream.node.inputs[0][0]] if upstream.node.inputs else None
    return fixes + _written_length_fixes(inference, result)


def _written_length_fixes(inference: Inference, result) -> list[Fix]:
    """The length comes from a literal written at a builder's call (``build_model(n_steps=4)``) or as its
    parameter's default: the smallest value there that every layer after it builds with, edited where written."""
    source = input_of(inference, result)
    declared = source.node.args.get("shape") if source is not None else None
    if not isinstance(declared, tuple):
        return []
    fixes = []
    for axis, size in enumerate(declared[:-1]):  # the last axis holds the channels
        if not isinstance(size, WrittenInt):
            continue
        for value in range(size + 1, size + MAX_TRIES + 1):
            shape = declared[:axis] + (value,) + declared[axis + 1:]
            patch = _patch("set_literal", source.node.index, shape=shape, value=value, old=int(size),
                           span=(size.span.line, size.span.col, size.span.end_line, size.span.end_col))
            try:
                after = infer(apply_patches(inference.graph, [patch]))
            except (ValueError, IndexError, KeyError):
                break
            if not after.errors and not any(r.status == "error" for r in after.results):
                fixes.append(Fix(f"pass {size.param}={value} at the call (line {size.span.line})" if size.where == "call"
                                 else f"set the default {size.param}={value} (line {size.span.line})", [patch],
                                 why=f"the shortest {size.param} every layer after it builds with; the size is "
                                     f"written there, not in the model"))
                break
    return fixes


def _channels_last_fixes(inference: Inference, result) -> list[Fix]:
    """The mirror case: layers reading channels first (``set_image_data_format("channels_first")``, keras.json,
    or written) on channels-last data ((150, 150, 3)): read it channels last everywhere."""
    if _format_of(result.node) != "channels_first":
        return []
    source = input_of(inference, result)
    declared = source.outputs[0] if source is not None and source.outputs else None
    # (150, 150, 3) images; (4, 16, 16, 3) frames read by TimeDistributed or ConvLSTM2D layers
    if not declared or len(declared) < 3 or not all(isinstance(d, int) for d in declared[1:]) \
            or not declared[-1] <= CHANNEL_LIKE < declared[-2]:
        return []
    patches = [_patch("set_args", r.node.index, data_format="channels_last") if r.node.args.get("data_format")
               else _patch("set_wrapped_args", r.node.index, data_format="channels_last")
               for r in inference.results if _format_of(r.node) == "channels_first"]
    return [Fix('set data_format="channels_last" on every convolution and pooling layer', patches,
                why=f"the data has its {declared[-1]} channels last, as the Input declares "
                    f"{format_shape(declared)}; the layers read them first (data_format, or the global "
                    f"image_data_format)")]


def _format_of(node) -> str | None:
    """The data_format a layer is written with, or its wrapped layer's (TimeDistributed(MaxPooling2D(...)))."""
    inner = node.args.get("layer")
    return node.args.get("data_format") or (inner.args.get("data_format") if hasattr(inner, "args") else None)


def _channels_first_fixes(inference: Inference, result, loose: bool = False) -> list[Fix]:
    """Channels-first data ((3, 32, 32)) fed to channels_last layers: read it as channels_first everywhere, or
    declare the channels-last shape (and transpose the data). The first keeps the data as it is: ranked first.
    ``loose``: also for a first axis of many values (see ``channels_first_input``)."""
    source = channels_first_input(inference, result, loose)
    if source is None:
        return []
    declared, at = source.outputs[0], frame_axis(result.node)  # inside TimeDistributed: each frame's first axis
    moved = (*declared[1:at], *declared[at + 1:], declared[at])
    order = ", ".join([*(str(i) for i in range(at)), *(str(i) for i in range(at + 1, len(declared))), str(at)])
    channels = f"{declared[at]} channel{'s' * (declared[at] != 1)}"
    everywhere = _channels_first_everywhere(inference, len(declared), f"reads the data as it is, {channels} first")
    return ([everywhere] if everywhere else []) + [
        Fix(f"feed Input(shape={_tuple_text(moved)}) and transpose the data: x.transpose({order})",
            [_patch("channels_last_shape", source.node.index, shape=moved)],
            why="channels last, as Keras' layers expect by default; the arrays must be transposed too")]




def _cropping_fixes(inference: Inference, result) -> list[Fix]:
    node = result.node
    cropping = node.args.get("cropping", 1)
    if isinstance(cropping, int):
        cropping = (cropping, cropping)
    shape = result.input_shapes[0] if result.input_shapes else None
    if not (isinstance(cropping, (tuple, list)) and len(cropping) == 2 and all(isinstance(c, int) for c in cropping)
            and shape is not None and len(shape) == 3 and is_known(shape[1])):
        return []
    fixes = []
    total = cropping[0] + cropping[1]
    most = min(total - 1, shape[1] - 1)  # cropping `keep` in all leaves shape[1] - keep >= 1 steps
    for keep in range(most, max(most - MAX_TRIES, 0), -1):  # crop less, in the same proportion at both ends
        start = round(Fraction(cropping[0] * keep, total))  # exact, also for 30-digit croppings
        smaller = (start, keep - start)
        if shape[1] - keep >= 1:
            fixes.append(Fix(f"set cropping={_tuple_text(smaller)} on {node.label}",
                             [_patch("set_args", node.index, cropping=smaller)],
                             why=f"the most cropping the input length {shape[1]} allows", group="smaller"))
    fixes.append(Fix(f"remove {node.label}", [_patch("remove", node.index)], why="keeps the whole sequence"))
    return fixes


# ------------------------------------------------------------------------ reshape
def _reshape_fixes(inference: Inference, result) -> list[Fix]:
    node = result.node
    shape = result.input_shapes[0]
    target = node.args.get("target_shape")
    if not isinstance(target, (tuple, list)) or not all(is_known(d) for d in shape[1:]):
        return []
    # first: the Reshape is written for the input's size, and the layers before it lost some
    fixes = _round_trip_fixes(inference)
    size = 1
    for d in shape[1:]:
        size *= d
    kept_axis_results = set()
    batch = shape[0]
    at = None
    if isinstance(batch, int) and batch > 1 and batch in target:
        # Reshape((1,) + tuple(x.shape)) on Input(batch_shape=(5, ...)): the target holds the batch size
        at = len(target) - 1 - list(reversed(target)).index(batch)
    elif batch is None and len(target) >= 2 and isinstance(target[0], int) and target[0] > 1:
        at = 0  # Reshape((batch_size, steps, features)): a first size that the sample's own sizes leave over
    if at is not None:
        # Keras reshapes each sample; without the batch's size, the sizes are the input's own
        per_sample = tuple(t for j, t in enumerate(target) if j != at)
        if all(isinstance(t, int) and t > 0 for t in per_sample) and math.prod(per_sample) == size:
            fixes.append(Fix(f"use Reshape({_tuple_text(per_sample)})",
                             [_patch("set_args", node.index, target_shape=per_sample)],
                             why=f"{'the target held the batch size' if batch else 'the first size looks like the batch size,'} "
                                 f"{target[at]}; Keras reshapes each sample "
                                 f"({' x '.join(map(str, per_sample))} = {size}) and keeps the batch axis itself"))
    for i in range(len(target)):
        if any(t == -1 for j, t in enumerate(target) if j != i):
            continue  # Keras takes one -1 only
        guess = tuple(-1 if j == i else t for j, t in enumerate(target))
        known = 1
        for t in guess:
            if t != -1:
                known *= t
        if known and size % known == 0 and size // known != target[i]:
            # -1: Keras computes the free axis from the input's size, so the fix also holds when that size changes
            resolved = tuple(size // known if t == -1 else t for t in guess)
            kept_axis_results.add(resolved)
            fixes.append(Fix(f"use Reshape({_tuple_text(guess)})",
                             [_patch("set_args", node.index, target_shape=guess)],
                             why=f"keeps {_kept_axes(guess)}; -1 becomes {size // known} "
                                 f"({' x '.join(map(str, resolved))} = {size}, the input's size)"))
    # after the -1 forms (they keep the Dense's width, which may be meant), before the guesses
    wanted = math.prod(target) if all(isinstance(t, int) and t > 0 for t in target) else None
    free = [t for t in target if t != -1]
    if wanted is None and len(free) == len(target) - 1 and all(isinstance(t, int) and t > 0 for t in free):
        row = math.prod(free)  # Reshape((-1, 16)): a whole number of rows of 16, the nearest to the input's size
        wanted = max(1, round(size / row)) * row
    producer = inference.results[node.inputs[0][0]] if node.inputs else None
    while producer is not None and producer.node.type not in _WIDTH_ARGUMENT and producer.node.inputs \
            and producer.input_shapes and producer.outputs and producer.input_shapes[0] == producer.outputs[0]:
        producer = inference.results[producer.node.inputs[0][0]]  # through what keeps the shape (x / norm(x))
    if wanted and producer is not None and producer.node.type == "Dense" and len(shape) == 2 and wanted != size:
        # Dense(int(latent * 2 + 1)) -> Reshape((7, 7, 1)): the Reshape says what was meant, the Dense's width follows
        fixes.append(Fix(f"set units={wanted} on the Dense at line {_line(producer)}",
                         [_patch("set_args", producer.node.index, units=wanted)],
                         why=f"{' x '.join(map(str, target))} = {wanted} values, the shape the Reshape asks for"))
    elif producer is not None and len(shape) > 2 and producer.node.type in _WIDTH_ARGUMENT \
            and producer.node.args.get("data_format") != "channels_first" \
            and all(isinstance(t, int) and t > 0 for t in target) and len(target) > len(shape) - 2 \
            and tuple(target[:len(shape) - 2]) == tuple(shape[1:-1]) \
            and math.prod(target[len(shape) - 2:]) != shape[-1]:
        # a detection head: Conv2D(125, 1) -> Reshape((grid, grid, anchors, 5 + classes)) keeps the grid and splits
        # the channels per anchor; the channels follow the classes the Reshape counts
        width = math.prod(target[len(shape) - 2:])
        argument = _WIDTH_ARGUMENT[producer.node.type]
        kept = " x ".join(map(str, shape[1:-1]))
        fix = Fix(f"set {argument}={width} on the {producer.node.label} at line {_line(producer)}",
                  [_patch("set_args", producer.node.index, **{argument: width})],
                  why=f"the Reshape keeps the {kept} positions and splits each one's channels into "
                      f"{' x '.join(map(str, target[len(shape) - 2:]))} = {width}")
        # splitting the channels into several written sizes (anchors x (5 + classes)) says what was meant: first
        fixes.insert(0, fix) if len(target) > len(shape) - 1 else fixes.append(fix)
    if len(target) == 2 and len(shape) == 4 and isinstance(target[1], int) and target[1] > 0 \
            and target[0] in (-1, shape[1] * shape[2]) and shape[3] != target[1]:
        # a segmenter's Reshape((h * w, classes)) after features of another depth: the per-pixel class layer
        fixes.insert(0, Fix(f"insert Conv2D({target[1]}, 1) before {node.label}",
                            [_patch("insert_before", node.index, "Conv2D", filters=target[1], kernel_size=1)],
                            why=f"one score per class at each of the {shape[1]} x {shape[2]} pixels, which the "
                                f"Reshape lines up"))
    if len(target) == 2 and all(isinstance(t, int) and t > 0 for t in target):
        # No axis can be kept: the (steps, channels) pairs of the right size, nearest first.
        pairs = sorted(((t, size // t) for t in divisors(size)),
                       key=lambda p: (abs(p[0] - target[0]) + abs(p[1] - target[1]), -p[0]))
        for pair in (p for p in pairs if p not in kept_axis_results):
            fixes.append(Fix(f"use Reshape({_tuple_text(pair)})",
                             [_patch("set_args", node.index, target_shape=pair)],
                             why=f"{pair[0]} x {pair[1]} = {size}, the input's size; nearest to "
                                 f"{_tuple_text(tuple(target))}", group="factorization"))
    return fixes


# layers whose output width is one argument: what a Reshape after them may ask to change
_WIDTH_ARGUMENT = {"Dense": "units", "Conv1D": "filters", "Conv2D": "filters", "Conv3D": "filters",
                   "SeparableConv1D": "filters", "SeparableConv2D": "filters", "Conv1DTranspose": "filters",
                   "Conv2DTranspose": "filters", "Conv3DTranspose": "filters"}


def _round_trip_fixes(inference: Inference) -> list[Fix]:
    """An encoder-decoder (SegNet) whose N poolings by 2 floor an input size that 2**N does not divide, so its N
    upsamplings come back short of the input: one level fewer, when 2**(N-1) divides the size -- the deepest
    pooling and the first upsampling removed."""
    inputs = [r for r in inference.results if r.node.type == "InputLayer" and r.outputs]
    if len(inputs) != 1 or len(inputs[0].outputs[0]) != 4:
        return []
    sizes = inputs[0].outputs[0][1:3]
    poolings = [r for r in inference.results if r.node.type in ("MaxPooling2D", "AveragePooling2D")
                and r.node.args.get("pool_size", 2) in (2, (2, 2)) and r.node.args.get("strides") in (None, 2, (2, 2))]
    upsamplings = [r for r in inference.results if r.node.type == "UpSampling2D"
                   and r.node.args.get("size", 2) in (2, (2, 2))]
    levels = len(poolings)
    if levels < 2 or len(upsamplings) != levels or not all(isinstance(d, int) for d in sizes) \
            or all(d % 2 ** levels == 0 for d in sizes) or any(d % 2 ** (levels - 1) for d in sizes):
        return []
    deepest, first_up = poolings[-1], upsamplings[0]
    return [Fix(f"one level fewer: remove the {deepest.node.label} at line {_line(deepest)} and the "
                f"{first_up.node.label} at line {_line(first_up)}",
                [_patch("remove", deepest.node.index), _patch("remove", first_up.node.index)],
                why=f"{levels} poolings floor {' x '.join(map(str, sizes))} (not a multiple of {2 ** levels}); with "
                    f"{levels - 1} the upsampled maps come back to the input's size")]


def _kept_axes(target: tuple) -> str:
    kept = [str(t) for t in target if t != -1]
    return ("the size " if len(kept) == 1 else "the sizes ") + ", ".join(kept)


# --------------------------------------------------------------------- undefined-dim
def _undefined_fixes(inference: Inference, result) -> list[Fix]:
    fixes = []
    upstream = inference.results[result.node.inputs[0][0]] if result.node.inputs else None
    if upstream is not None and upstream.node.type == "Flatten" and upstream.input_shapes:
        rank = len(upstream.input_shapes[0])
        if rank in _GLOBAL_POOL:
            fixes.append(Fix(f"use {_GLOBAL_POOL[rank]}() instead of the Flatten at line {_line(upstream)}",
                             [_patch("replace", upstream.node.index, _GLOBAL_POOL[rank])],
                             why="pools over the variable-length axis, so the size is known"))
    return fixes


# ------------------------------------------------------------------ invalid-argument
def _sample_shape(inference: Inference, index: int, text: str) -> tuple:
    """``X.shape[1:]`` of data of unknown rank: named sizes, as many as the layers after the Input build with
    (as ``settle_symbolic_inputs`` decides the rank of a symbolic Input)."""
    for rank in range(1, 5):
        shape = tuple(Symbol(f"{text}[{i + 1}]") for i in range(rank))
        try:
            after = infer(apply_patches(inference.graph, [_patch("slice_shape", index, shape=shape)]))
        except (ValueError, IndexError, KeyError):
            break
        if not after.errors and not any(r.status == "error" for r in after.results):
            return shape
    return (Symbol(f"{text}[1]"),)


# (layer type or "" for any, keyword) -> (the value that only restates Keras 1's default behaviour,)
_KERAS1_DEFAULTS = {("BatchNormalization", "mode"): (0,), ("", "weights"): (None,)}


def _keyword_renames(node) -> dict[str, str] | None:
    """``Conv2D(32, 3, border_mode="same")``: each keyword Keras 3 does not take, renamed to the Keras 3 spelling
    the layer takes (``padding=``), or to None (removed) where it only restates a Keras 1 default Keras 3 has no
    argument for (``BatchNormalization(mode=0)``, ``weights=None``); None unless every one of them is such.
    ``dim_ordering`` is renamed only with a Keras 3 value ("th"/"tf" are values of its own)."""
    unrecognized = node.args.get(UNRECOGNIZED_KEYWORDS)
    accepted = accepted_keywords(node.written_type, canonical_type(node.type))
    if not unrecognized or accepted is None:
        return None
    renames = {}
    for old, value in unrecognized.items():
        if _KERAS1_DEFAULTS.get((canonical_type(node.type), old), _KERAS1_DEFAULTS.get(("", old), ())) == (value,):
            renames[old] = None
            continue
        new = KERAS_3_SPELLING.get(old)
        if new is None or new not in accepted or new in unrecognized or new in renames.values() \
                or (old == "dim_ordering" and value not in ("channels_first", "channels_last")):
            return None
        renames[old] = new
    return renames


# Keras 2's input keywords Keras 3's layers no longer take (the first of a Sequential took them as the model's input)
_INPUT_KEYWORDS = frozenset({"batch_input_shape", "batch_size"})


def _as_written(value) -> str:
    """A keyword's folded value as code (``[32, None, max_id]``: a size the walk could not fold by its name)."""
    if isinstance(value, Symbol):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(_as_written, value)) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(map(_as_written, value)) + ("," if len(value) == 1 else "") + ")"
    return repr(value) if isinstance(value, (str, int, float, bool, type(None))) else "..."


def _input_keyword_fix(inference: Inference, node) -> Fix | None:
    """``LSTM(32, batch_input_shape=(1, None, 8), stateful=True)``: Keras 3's layers take no batch_input_shape=
    (nor batch_size=); the first layer of a Sequential declared the model's input with it, which an
    ``InputLayer(batch_shape=...)`` before it declares in Keras 3 (the batch size kept: a stateful layer needs it);
    any other layer ignored it in Keras 2, so it goes."""
    unrecognized = node.args.get(UNRECOGNIZED_KEYWORDS)
    if not unrecognized or not set(unrecognized) <= _INPUT_KEYWORDS:
        return None
    written = ", ".join(f"{key}={_as_written(value)}" for key, value in unrecognized.items())
    if inference.graph.declares_input(node):
        declared = ", ".join(f"{INPUT_LAYER_SPELLING[key]}={_as_written(value)}"
                             for key, value in unrecognized.items())
        return Fix(f"declare the input as InputLayer({declared}) before {node.label}",
                   [_patch("declare_input", node.index, **dict.fromkeys(unrecognized))],
                   why="Keras 3 declares a Sequential's input, batch size included, with an InputLayer, not with "
                       "keywords of its first layer", applicability="safe")
    return Fix(f"remove {written}", [_patch("rename_keywords", node.index, **dict.fromkeys(unrecognized))],
               why="Keras 2 read it only on the first layer of a Sequential and ignored it here",
               applicability="safe")


def _argument_fixes(inference: Inference, result) -> list[Fix]:
    node = result.node
    declared = _input_keyword_fix(inference, node)
    if declared is not None:
        return [declared]
    renames = _keyword_renames(node)
    if renames:
        unrecognized = node.args[UNRECOGNIZED_KEYWORDS]
        renamed = ", ".join(f"{old}= to {new}=" for old, new in renames.items() if new is not None)
        removed = ", ".join(f"{old}={unrecognized[old]!r}" for old, new in renames.items() if new is None)
        title = "; ".join(filter(None, (renamed and f"rename {renamed}", removed and f"remove {removed}")))
        spelled = ("keras.Input takes the shape of one sample as shape=; input_shape= is a layer's keyword"
                   if node.written_type == "Input" else
                   "the Keras 3 name of the same argument, which Keras 1 and 2 spelled this way")
        why = "; ".join(filter(None, (renamed and spelled,
                                      removed and "Keras 1's default behaviour, which Keras 3 has no argument for")))
        return [Fix(title, [_patch("rename_keywords", node.index, **renames)], why=why, applicability="safe")]
    if node.list_input and len(result.input_shapes or ()) == 1 and not RULES[node.type].multi_input:
        # Keras 2 unwrapped a list of one tensor; Keras 3 passes the list on (Model(outputs=[x]).output is one)
        return [Fix("pass the tensor itself, not a list of one", [_patch("unlist_input", node.index)],
                    why="Keras 3 hands a single-input layer the list as it is", applicability="safe")]
    if node.type.startswith("AveragePooling") and "pool_size" not in node.args:
        rank = len(result.input_shapes[0]) - 2 if result.input_shapes and result.input_shapes[0] else 1
        size = 2 if rank == 1 else (2,) * max(rank, 1)
        return [Fix(f"write pool_size={size!r}, Keras 2's default", [_patch("set_args", node.index, pool_size=size)],
                    why="Keras 3's AveragePooling has no default pool_size; the code was written for 2",
                    applicability="safe")]
    written = node.args.get("shape", node.args.get("input_shape"))
    if node.type == "InputLayer" and isinstance(written, DataShape):
        shape = written.sizes[1:] if written.sizes else _sample_shape(inference, node.index, written.text)
        return [Fix(f"drop the samples axis: shape={written.text}[1:]",
                    [_patch("slice_shape", node.index, shape=shape)],
                    why="the first axis of the data is the number of samples; Keras adds the batch axis itself",
                    applicability="safe")]
    if node.type == "InputLayer" and isinstance(written, int) and not isinstance(written, bool) and written > 0:
        # Input(shape=1024): Keras 3 needs a tuple ("Cannot convert '1024' to a shape"); Keras 2 took the int
        return [Fix(f"write the shape as a 1-tuple: ({written},)", [_patch("tuple_shape", node.index, shape=(written,))],
                    why="what the int meant: one feature axis of that size", applicability="safe")]
    if node.args.get("dilation_rate") not in (None, 1) and node.args.get("strides") not in (None, 1):
        return [Fix(f"set dilation_rate=1 on {node.label}", [_patch("set_args", node.index, dilation_rate=1)],
                    why="keeps the downsampling of strides"),
                Fix(f"set strides=1 on {node.label}", [_patch("set_args", node.index, strides=1)],
                    why="keeps the dilated receptive field")]
    return []


# ----------------------------------------------------------------- incompatible-merge
def _merge_layout_fixes(inference: Inference, result) -> list[Fix]:
    """A Concatenate joined on axis 1 -- channels first -- in a model whose Input declares channels-first images
    to channels_last layers: the layers read the data as it is written (ranked first), then the merge repairs."""
    node = result.node
    shapes = result.input_shapes or []
    axis = node.args.get("axis", -1)
    rank = len(shapes[0]) if shapes and shapes[0] else 0
    layout = []
    if canonical_type(node.type) == "Concatenate" and rank in (4, 5) and isinstance(axis, int) \
            and axis % rank == 1 and channels_first_input(inference, result, loose=True) is not None:
        # the axis written is the evidence: any first axis shorter than the last (16 satellite bands) is channels
        layout = _channels_first_fixes(inference, result, loose=True)[:1]
    elif rank in (4, 5) and channels_first_input(inference, result, loose=True) is not None \
            and _channels_first_everywhere_helps(inference, result):
        # maps stacked channels first ((6, 32, 32): 3 frames of 2 flows) whose branches end with different first
        # axes: read channels first, every branch ends with the same channels
        layout = _channels_first_fixes(inference, result, loose=True)[:1]
    # Conv2D(n, 3, 3) branches of an inception block striding by their kernel sizes: Keras 1's spelling first
    return layout + _keras1_spelling_fixes(inference, result) + _merge_fixes(inference, result)


def _channels_first_everywhere_helps(inference: Inference, result) -> bool:
    """The merge's inputs differ on the axis channels_last layers take for the first spatial one (the channels of
    channels-first data) and agree on the last (the layers' own channels)."""
    shapes = [tuple(s) for s in result.input_shapes or [] if s]
    return len(shapes) >= 2 and len({len(s) for s in shapes}) == 1 and len({s[1] for s in shapes}) > 1 \
        and len({s[-1] for s in shapes}) == 1


# ---------------------------------------------------------------- input-data-mismatch
def _data_fixes(inference: Inference, result) -> list[Fix]:
    """The Input declared as the data are (the data's channels-last transposition written by moving the first
    size last); with the same values in another shape, the data's shape declared and the layers' shape kept by a
    Reshape after the Input."""
    data = inference.graph.data_shape
    declared = result.outputs[0] if result.outputs else None
    if data is None or declared is None or result.node.type != "InputLayer":
        return []
    node = result.node
    sample = tuple(data[1:])
    fixes = []
    if len(declared) == len(data) and sample == (*declared[2:], declared[1]):
        fixes.append(Fix(f"declare the data's channels-last shape: Input(shape={_tuple_text(sample)})",
                         [_patch("channels_last_shape", node.index, shape=sample)],
                         why="the arrays have their channels last; the Input declared them first"))
    elif all(is_known(d) for d in sample):
        fixes.append(Fix(f"declare the data's shape: Input(shape={_tuple_text(sample)})",
                         [_patch("set_input_shape", node.index, shape=sample)],
                         why=f"the arrays fit on are {format_shape(data)}"))
    consumers = inference.graph.consumers(node.index)
    layers_shape = tuple(declared[1:])
    if len(declared) != len(data) and len(consumers) == 1 and all(is_known(d) for d in (*sample, *layers_shape)) \
            and math.prod(sample) == math.prod(layers_shape):
        fixes.append(Fix(f"declare the data's shape, Input(shape={_tuple_text(sample)}), and insert "
                         f"Reshape({_tuple_text(layers_shape)}) after it",
                         [_patch("set_input_shape", node.index, shape=sample),
                          _patch("insert_before", consumers[0].index, "Reshape", target_shape=layers_shape)],
                         why=f"each sample's {math.prod(sample)} values, in the shape the layers were written for"))
    return fixes


def _nested_input_fixes(inference: Inference, result) -> list[Fix]:
    """A functional model called on tensors one axis short of its Input, whose shape was written with the batch
    axis (``Input(shape=base_model.output_shape)``, ``Input(shape=X.shape)``): that Input without its first size,
    and every other Input of the model so written with it (a siamese head's two embedding Inputs take the same
    shape: sliced one at a time, the head's own merge would fail)."""
    node = result.node
    if _batch_written_input(result) is None:
        return []
    same_call = [r for r in inference.results if r.node.type == "<model-input>" and r.node.span == node.span
                 and r.node.args.get("model") == node.args.get("model") and _batch_written_input(r) is not None]
    lines = ", ".join(str(r.node.args["declared_at"].line) for r in same_call)
    shapes = {_tuple_text(tuple(r.node.args["expected"][2:])) for r in same_call}
    return [Fix(f"drop the batch axis from the Input{'s' * (len(same_call) > 1)} of model "
                f"'{node.args.get('model')}' at line{'s' * (len(same_call) > 1)} {lines}: "
                f"shape={' / '.join(sorted(shapes))}",
                [_patch("slice_model_input", r.node.index, expected=_batch_written_input(r)) for r in same_call],
                why=f"{'their shapes hold' if len(same_call) > 1 else 'its shape holds'} a batch axis; Keras adds "
                    f"that itself",
                applicability="safe")]


def _batch_written_input(result) -> tuple | None:
    """The call's expected shape without the batch axis written into the Input, when that is the mismatch."""
    node = result.node
    expected = node.args.get("expected")
    if node.type != "<model-input>" or not result.input_shapes or not isinstance(expected, tuple) \
            or node.args.get("declared_at") is None:
        return None
    given = result.input_shapes[0]
    if len(expected) != len(given) + 1 or tuple(expected[2:]) != tuple(given[1:]):
        return None
    return (expected[0], *expected[2:])


_MAKERS = {
    "rank": _rank_fixes,
    "negative-length": _length_fixes,
    "reshape-size": _reshape_fixes,
    "undefined-dim": _undefined_fixes,
    "output-target-mismatch": _target_fixes,
    "invalid-argument": _argument_fixes,
    "incompatible-merge": _merge_layout_fixes,
    "input-data-mismatch": _data_fixes,
    "shared-layer-mismatch": _nested_input_fixes,
}
