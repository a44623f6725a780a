"""Repair candidates for ``incompatible-merge``: branches that do not line up at a Concatenate/Add (padding,
the concatenation axis, ranks, U-Net skips misaligned by a floored odd size)."""

from __future__ import annotations

import dataclasses

from ..diagnostics import Fix
from ..diagnostics import GraphPatch
from ..infer import Inference, infer
from ..rules import canonical_type
from ..shapes import format_shape, is_known
from .patch import apply_patches, original_indices
from .fix_helpers import set_written_arg, _line, _patch, _tuple_text, is_recurrent, is_shrinking_convolution, returns_sequences, set_return_sequences

_ELEMENTWISE = {"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"}
# `z + skip` in a call(): the operators' ops, merges of two maps as the layers are
_ELEMENTWISE_OPS = {"ops.add", "ops.subtract", "ops.multiply", "ops.maximum", "ops.minimum"}


def _merge_fixes(inference: Inference, result) -> list[Fix]:
    node = result.node
    if canonical_type(node.type) in _ELEMENTWISE | _ELEMENTWISE_OPS:
        # an element-wise merge (a residual decoder's Add) joins maps of the model's layout: its channel axis is
        # the one the spatial fixes keep
        if any(n.args.get("data_format") == "channels_first" for n in inference.graph.nodes):
            node = dataclasses.replace(node, args={**node.args, "axis": 1})
    fixes = []
    shrinking = []  # valid-padded convolutions/poolings whose outputs are merged
    for ref in node.inputs:
        producer = inference.results[ref[0]]
        if producer.node.type.startswith(("Conv", "SeparableConv", "DepthwiseConv", "MaxPooling", "AveragePooling")) \
                and producer.node.args.get("padding", "valid") == "valid" and producer.node.index not in shrinking:
            shrinking.append(producer.node.index)
    if shrinking:
        written = list(dict.fromkeys(_line(inference.results[i]) for i in shrinking))  # a loop: one line, N layers
        lines = ", ".join(written)
        fixes.append(Fix(f'set padding="same" on the layers at line{"s" * (len(written) > 1)} {lines}',
                         [_patch("set_args", i, padding="same") for i in shrinking],
                         why="every branch keeps the input length, so the branches line up"))
    shapes = result.input_shapes or []
    axis_fixes = []
    if canonical_type(node.type) == "Concatenate" and len(shapes) >= 2 and all(shapes) \
            and len({len(sh) for sh in shapes}) == 1:
        # concatenate(axis=1) on channels-last feature maps: the axis where only the sizes differ
        rank = len(shapes[0])
        written = node.args.get("axis", -1)
        for axis in range(rank - 1, 0, -1):
            others = [tuple(sh[:axis] + sh[axis + 1:]) for sh in shapes]
            if axis - rank != written and axis != written and all(o == others[0] for o in others):
                patch, where = set_written_arg(node, "axis", axis - rank)
                axis_fixes.append(Fix(f"set axis={axis - rank} on {node.label}{where}", [patch],
                                      why="the inputs agree on every other axis: join them along this one"))
    axis_fixes += _projection_fixes(inference, node, shapes)
    if not _floored_sizes(node, shapes):  # else an odd size floored by a pooling: aligning them comes first
        fixes += axis_fixes
    valid = [r.node.index for r in inference.results
             if is_shrinking_convolution(r.node) and r.node.index not in shrinking]
    if valid and shrinking:
        # a U-Net of valid convolutions (the paper's): every convolution keeps its size, so the paths line up
        fixes.append(Fix('set padding="same" on every convolution',
                         [_patch("set_args", i, padding="same") for i in sorted(set(valid) | set(shrinking))
                          if is_shrinking_convolution(inference.results[i].node)],
                         why="no convolution shrinks its input, so every skip keeps the size of the path it joins"))
    fixes.extend(_upsampling_merge_fixes(inference, node, shapes))
    fixes.extend(_double_stride_fixes(inference, node, shapes))
    fixes.extend(_resizing_merge_fixes(inference, node, shapes))
    fixes.extend(_upsampling_to_size_fixes(inference, node, shapes))
    fixes.extend(_pad_every_pass_fixes(inference, node, shapes))
    fixes.extend(_padding_merge_fixes(node, shapes))
    fixes.extend(_cropping_merge_fixes(node, shapes))
    fixes.extend(_pad_input_crop_output_fixes(inference, node, shapes))
    fixes.extend(_divisible_input_fixes(inference, node, shapes))
    fixes.extend(_upsample_to_skip_fixes(inference, node, shapes))  # the last resort of a whole factor apart
    if _floored_sizes(node, shapes):
        fixes += axis_fixes
    if len({len(sh) for sh in shapes if sh}) > 1 and canonical_type(node.type) == "Concatenate":
        top = max(len(sh) for sh in shapes if sh)
        for which, shape in enumerate(shapes):
            # the embedding of one id, (None, 1, 10), joined with features (None, 1): its axis of 1 dropped
            if shape and len(shape) == top and 1 in shape[1:-1] and all(is_known(d) for d in shape[1:]):
                target = tuple(d for d in shape[1:-1] if d != 1) + (shape[-1],)
                if len(target) == top - 2:
                    fixes.append(Fix(f"insert Reshape({_tuple_text(target)}) on input {which + 1} of {node.label}",
                                     [_patch("insert_on_input", node.index, "Reshape", target_shape=target,
                                             input=which)],
                                     why=f"drops the axis of 1 of {format_shape(shape)} (one id embedded), so it "
                                         f"joins the other inputs' rank"))
        # a score (None,) joined with features (None, 2): the lower-rank input gets a trailing axis of 1
        for which, shape in enumerate(shapes):
            if shape and len(shape) == top - 1 and all(is_known(d) for d in shape[1:]):
                target = (*shape[1:], 1)
                fixes.append(Fix(f"insert Reshape({_tuple_text(target)}) on input {which + 1} of {node.label}",
                                 [_patch("insert_on_input", node.index, "Reshape", target_shape=target,
                                         input=which)],
                                 why=f"gives {format_shape(shape)} the trailing axis the other inputs have"))
    if len({len(sh) for sh in shapes if sh}) > 1:
        # a sequence joined with vectors: the recurrent layer that keeps its sequence gives its last step instead
        for ref, shape in zip(node.inputs, shapes):
            producer = inference.results[ref[0]]
            if shape and len(shape) == 3 and returns_sequences(producer.node):
                fixes.append(Fix(f"set return_sequences=False on the {producer.node.label} at line {_line(producer)}",
                                 [set_return_sequences(producer.node, False)],
                                 why="its last step, a vector like the other inputs"))
        # an encoder that returns its last state where an attention step joins it with per-step inputs
        # (RepeatVector(Tx) of the decoder state): the recurrent layer keeps its sequence
        sequences = [sh for sh in shapes if sh and len(sh) == 3]
        for ref, shape in zip(node.inputs, shapes):
            producer = inference.results[ref[0]]
            if not shape or len(shape) != 2 or not sequences or not is_recurrent(producer.node) \
                    or returns_sequences(producer.node) or not producer.input_shapes \
                    or len(producer.input_shapes[0]) != 3 \
                    or any(sh[1] != producer.input_shapes[0][1] for sh in sequences):
                continue
            fixes.append(Fix(f"set return_sequences=True on the {producer.node.label} at line {_line(producer)}",
                             [set_return_sequences(producer.node, True)],
                             why=f"one output per step, as the {producer.input_shapes[0][1]} steps of the other "
                                 f"input{'s' * (len(sequences) > 1)}"))
    if canonical_type(node.type) in _ELEMENTWISE:
        fixes.append(Fix(f"use Concatenate() instead of {node.label}",
                         [_patch("replace", node.index, "Concatenate")],
                         why="stacks the features side by side instead of adding them element-wise"))
    return fixes


def _projection_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """Inputs whose feature sizes differ where they must not: sequences joined along their steps (character-CNN
    features of 24 channels after word embeddings of 10), or a residual Add whose shortcut keeps fewer channels
    than the path it skips. A narrower input made by a Dense or convolution of its own gets the wider width;
    else it is projected to it (a Dense acts on the last axis only; among convolutions, the 1x1 convolution of
    ResNet's projection shortcut)."""
    elementwise = canonical_type(node.type) in _ELEMENTWISE
    if not (elementwise or canonical_type(node.type) == "Concatenate") or len(shapes) < 2 or not all(shapes) \
            or len({len(sh) for sh in shapes}) != 1 or len(shapes[0]) < (2 if elementwise else 3):
        return []
    rank = len(shapes[0])
    joined = set()
    if not elementwise:
        axis = node.args.get("axis", -1)
        if not isinstance(axis, int) or axis % rank in (0, rank - 1):
            return []
        joined = {axis % rank}
    widths = [sh[-1] for sh in shapes]
    if not all(is_known(w) for w in widths) or len(set(widths)) == 1:
        return []
    if len({tuple(d for i, d in enumerate(sh) if i not in joined | {rank - 1}) for sh in shapes}) != 1:
        return []
    width = max(widths)
    narrow = [which for which, w in enumerate(widths) if w != width]
    where = f"along axis {min(joined)}" if joined else "element by element"
    fixes = []
    widened = [_width_patch(inference, node, which, width) for which in narrow]
    if all(widened):
        what = " and ".join(f"{what} at line {_line(inference.results[node.inputs[w][0]])}"
                            for w, (_, what) in zip(narrow, widened))
        fixes.append(Fix(f"set {what}", [patch for patch, _ in widened],
                         why=f"{width} features like the other input{'s' * (len(shapes) > 2)}, so the inputs can be "
                             f"merged {where}"))
    convolutional = rank > 3 or any(r.node.type.startswith(("Conv", "SeparableConv", "DepthwiseConv"))
                                    for r in inference.results)
    layer, args = ("Dense", {"units": width}) if not convolutional else \
        (_CONVOLUTION[rank], {"filters": width, "kernel_size": 1})
    inputs = ", ".join(str(which + 1) for which in narrow)
    fixes.append(Fix(f"insert {layer}({', '.join(f'{v}' for v in args.values())}) on input{'s' * (len(narrow) > 1)} "
                     f"{inputs} of {node.label}",
                     [_patch("insert_on_input", node.index, layer, **args, input=which) for which in narrow],
                     why=f"projects the {' and '.join(str(widths[w]) for w in narrow)} features to {width}, so the "
                         f"inputs can be merged {where}"))
    return fixes


def _width_patch(inference: Inference, node, which: int, width: int):
    """A patch setting the units/filters of the Dense or convolution that makes input ``which`` of ``node`` and
    feeds nothing else, with what it is; else None."""
    producer = inference.results[node.inputs[which][0]].node
    key = "units" if producer.type == "Dense" else "filters" if producer.type.startswith("Conv") else None
    if key is None or not isinstance(producer.args.get(key), int) \
            or any(consumer is not node for consumer in inference.graph.consumers(producer.index)):
        return None
    patch, _ = set_written_arg(producer, key, width)
    return patch, f"{key}={width} on the {producer.label}"


_CONVOLUTION = {3: "Conv1D", 4: "Conv2D", 5: "Conv3D"}


_CROPPING = {3: "Cropping1D", 4: "Cropping2D", 5: "Cropping3D"}


_PADDING = {3: "ZeroPadding1D", 4: "ZeroPadding2D", 5: "ZeroPadding3D"}


def _spatial_axes(node, shapes: list) -> range | None:
    """The spatial axes of a Concatenate of maps of one rank and known sizes joined along their channels (the
    last axis, or the first after the batch: channels_first), else None."""
    kind = canonical_type(node.type)
    if kind not in ("Concatenate", *_ELEMENTWISE, *_ELEMENTWISE_OPS) or len(shapes) < 2 or not all(shapes) \
            or len({len(sh) for sh in shapes}) != 1 or len(shapes[0]) not in _CROPPING:
        return None
    rank = len(shapes[0])
    axis = node.args.get("axis", -1)  # an element-wise merge: its layout's channel axis (_merge_fixes)
    if not isinstance(axis, int) or axis % rank not in (1, rank - 1):
        return None  # joined along a spatial axis
    if axis % rank == 1 and rank == 3:
        return None  # the 1-D padding and cropping layers have no channels_first
    spatial = range(1, rank - 1) if axis % rank == rank - 1 else range(2, rank)
    if not all(is_known(sh[a]) for sh in shapes for a in spatial):
        return None
    return spatial


def _floored_sizes(node, shapes: list) -> bool:
    """Maps joined on their channels whose spatial sizes differ by a few pixels (what a floored odd size
    leaves), not by a whole axis of other content."""
    spatial = _spatial_axes(node, shapes)
    return spatial is not None and 0 < max(abs(a[i] - b[i]) for a in shapes for b in shapes
                                          for i in spatial) <= MAX_FLOORED


MAX_FLOORED = 3  # what pooling by 2 or 4 floors off an odd size, per merge


def _upsampling_merge_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """A decoder that upsamples where its encoder did not downsample (strides=1): the upsampled input is a whole
    multiple of its skip's size: the UpSampling that made it is removed (every pass of a loop's one call)."""
    spatial = _spatial_axes(node, shapes)
    if spatial is None:
        return []
    fixes = []
    for ref, shape in zip(node.inputs, shapes):
        others = [sh for sh in shapes if sh is not shape]
        if not all(shape[a] > sh[a] > 0 and shape[a] % sh[a] == 0 for sh in others for a in spatial):
            continue
        current = inference.results[ref[0]]
        while current.node.type in _SIZE_KEEPING and current.node.inputs:
            current = inference.results[current.node.inputs[0][0]]
        if current.node.type.startswith("UpSampling"):
            made = current.node
            same_call = _same_constructor(inference.graph, made)
            fixes.append(Fix(f"remove the {made.label} at line {_line(current)}",
                             [_patch("remove", i) for i in same_call],
                             why=f"{format_shape(shape)} is a multiple of the skip it joins: nothing before it "
                                 f"downsampled by as much"))
    return fixes


_SIZE_KEEPING = ("Activation", "BatchNormalization", "Dropout", "ReLU", "LeakyReLU")

_UPSAMPLING = {3: "UpSampling1D", 4: "UpSampling2D", 5: "UpSampling3D"}


def _upsample_to_skip_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """A decoder step that came out a whole factor smaller than the skip it joins (a strided convolution written
    where a transposed one was meant halves 80 x 104 to 40 x 52 instead of doubling it to the skip's 160 x 208):
    the smaller input upsampled by that factor on its way into the merge."""
    spatial = _spatial_axes(node, shapes)
    if spatial is None or len(shapes) != 2:
        return []
    rank = len(shapes[0])
    for which in (0, 1):
        small, large = shapes[which], shapes[1 - which]
        factors = {large[a] // small[a] for a in spatial if small[a] > 0 and large[a] % small[a] == 0}
        if len(factors) != 1 or not all(small[a] > 0 and large[a] % small[a] == 0 for a in spatial):
            continue
        factor = factors.pop()
        if factor < 2:
            continue
        size = factor if rank == 3 else (factor,) * (rank - 2)
        first = {"data_format": "channels_first"} if spatial[0] == 2 else {}
        return [Fix(f"insert {_UPSAMPLING[rank]}({size!r}) on input {which + 1} of {node.label}",
                    [_patch("insert_on_input", node.index, _UPSAMPLING[rank], size=size, **first, input=which)],
                    why=f"brings {format_shape(small)} to the {' x '.join(str(large[a]) for a in spatial)} of the "
                        f"skip it joins, a whole factor {factor} larger (a decoder step that downsampled instead of "
                        f"upsampling)")]
    return []


def _double_stride_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """A residual block whose main path strides twice (its 1x1 and its 3x3 convolution both given
    ``strides=strides``) while the shortcut strides once: the main path comes out about half the shortcut's size.
    The last strided convolution of the main path keeps its input's size (every layer its constructor makes: a
    block built in a loop or a custom layer is one edit)."""
    spatial = _spatial_axes(node, shapes)
    if spatial is None or len(node.inputs) != 2:
        return []
    if inference.graph.shapes_read and any(max(sh[a] for sh in shapes) % min(sh[a] for sh in shapes)
                                           for a in spatial):
        # sizes no whole factor apart (25 and 13) in code that reads shapes: the shortcut's stride is likely its
        # own floored ratio (``x.shape[1] // y.shape[1]``), not one stride too many on the main path
        return []
    graph = inference.graph
    paths = [_strided_since_fork(graph, ref[0], other[0]) for ref, other in
             ((node.inputs[0], node.inputs[1]), (node.inputs[1], node.inputs[0]))]
    if any(p is None for p in paths):
        return []
    for which in (0, 1):
        mine, theirs = paths[which], paths[1 - which]
        smaller = all(shapes[which][a] < shapes[1 - which][a] for a in spatial)
        if not smaller or len(mine) != len(theirs) + 1:
            continue
        last = graph.nodes[mine[-1]]
        same_call = _same_constructor(graph, last)
        return [Fix(f"set strides=1 on the {last.label} at line {_line(inference.results[last.index])}",
                    [_patch("set_args", i, strides=1) for i in same_call],
                    why=f"its path downsamples {len(mine)} times and the other {len(theirs)}: with one stride fewer "
                        f"both reach the merge at the same size")]
    return []


def _strided_since_fork(graph, start: int, other: int) -> list[int] | None:
    """The strided convolutions and poolings (in order) on the single-input chain from ``start`` back to the
    first node the ``other`` input also depends on; None when the chain branches first."""
    ancestors = _ancestors_of(graph, other)
    strided, current = [], start
    while current not in ancestors:
        n = graph.nodes[current]
        if len(n.inputs) != 1:
            return None
        strides = n.args.get("strides", n.args.get("pool_size", 2) if "Pooling" in n.type else 1)
        if n.type.startswith(("Conv", "SeparableConv", "DepthwiseConv", "MaxPooling", "AveragePooling")) \
                and "Transpose" not in n.type and strides not in (1, (1, 1), (1, 1, 1), [1, 1], None):
            strided.append(current)
        current = n.inputs[0][0]
    return list(reversed(strided))


def _resizing_merge_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """A branch resized to sizes computed for another resolution (DDRNet's fusion): the Resizing that made it
    set to the other input's height and width."""
    if len(shapes) != 2 or not all(shapes) or len(shapes[0]) != 4 or len(shapes[1]) != 4:
        return []
    fixes = []
    for which, ref in enumerate(node.inputs[:2]):
        current = inference.results[ref[0]]
        while current.node.type in _SIZE_KEEPING and current.node.inputs:
            current = inference.results[current.node.inputs[0][0]]
        goal = shapes[1 - which][1:3]
        if current.node.type != "Resizing" or current.node.args.get("data_format") == "channels_first" \
                or not all(is_known(d) for d in goal) or tuple(shapes[which][1:3]) == tuple(goal):
            continue
        height, width = goal
        fixes.append(Fix(f"set height={height}, width={width} on the Resizing at line {_line(current)}",
                         [_patch("set_args", current.node.index, height=height, width=width)],
                         why=f"resizes to the {height} x {width} of the branch it joins"))
    return fixes


def _upsampling_to_size_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """A pyramid pooling module: branches pooled by several factors and upsampled back by the same factors,
    concatenated with the map they came from; a factor that does not divide the map's size (10 / 3 pooled with
    `same` padding to 4, upsampled to 12) brings its branch back at another size.  The UpSampling that made it
    (every pass of its helper) becomes a Resizing to the size the other inputs share."""
    spatial = _spatial_axes(node, shapes)
    if spatial is None or len(shapes) < 3 or list(spatial) != [1, 2]:
        return []
    sizes = [tuple(sh[a] for a in spatial) for sh in shapes]
    goal = max(set(sizes), key=sizes.count)
    if sizes.count(goal) < 2 or sizes.count(goal) == len(sizes):
        return []
    graph = inference.graph
    made = None
    for ref, size in zip(node.inputs, sizes):
        if size == goal:
            continue
        current = inference.results[ref[0]]
        while current.node.type in _SIZE_KEEPING and current.node.inputs:
            current = inference.results[current.node.inputs[0][0]]
        if current.node.type != "UpSampling2D" or current.node.args.get("data_format") == "channels_first" \
                or (made is not None and current.node.span != made.span):
            return []
        made = current.node
    same_call = _same_constructor(graph, made)
    merged = set().union(*(_ancestors_of(graph, r[0]) for r in node.inputs))
    if any(i not in merged for i in same_call):
        return []  # the helper's upsampling feeds other merges too: one size cannot suit them all
    height, width = goal
    args = {"height": height, "width": width, "interpolation": made.args.get("interpolation", "nearest")}
    return [Fix(f"resize to {height} x {width} instead of the {made.label} at line {_line(inference.results[made.index])}",
                [_patch("replace", i, "Resizing", **args) for i in same_call],
                why=f"every branch comes back to the {height} x {width} of the map it is joined with, whatever "
                    f"its pooling factor")]


def _same_constructor(graph, made) -> list[int]:
    """The layers one constructor call makes: ``made`` and, in a helper or loop body, those of its other passes."""
    return [n.index for n in graph.nodes if n is made or (
        made.span is not None and n.span == made.span and n.type == made.type)]


def _ancestors_of(graph, index: int) -> set[int]:
    """``index`` and every node it depends on."""
    seen, stack = set(), [index]
    while stack:
        i = stack.pop()
        if i not in seen:
            seen.add(i)
            stack.extend(ref[0] for ref in graph.nodes[i].inputs)
    return seen


def _padding_merge_fixes(node, shapes: list) -> list[Fix]:
    """The upsampled path one or two pixels smaller than its skip (88 vs 89: a pooling floored an odd size):
    zero-pad it to the skip's size, so the decoder comes back to the input's size (the output keeps it)."""
    return _aligning_fixes(node, shapes, pad=True)


def _pad_every_pass_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """A merge written once in a helper or loop body whose passes need different alignments (a U-Net block on
    27 pixels: 6 vs 6, 12 vs 13, 26 vs 27): the upsampled input zero-padded at its end to the skip's size when
    it comes back smaller, cropped at its end when larger, written with their shapes
    (``ZeroPadding2D(((0, skip.shape[1] - x.shape[1]), ...))(x)``) so that one edit fits every pass.  Each
    pass's amount is found in turn on the model patched so far (the later passes are only reached once the
    earlier ones build)."""
    spatial = _spatial_axes(node, shapes)
    graph = inference.graph
    passes = [n.index for n in graph.nodes if node.span is not None and n.span == node.span and n.type == node.type]
    if spatial is None or len(shapes) != 2 or len(passes) < 2:
        return []
    moved = _upsampled_input(inference, node)
    if moved is None:  # no upsampling to tell which path comes back: the smaller one is padded
        moved = next((w for w in (0, 1) if all(shapes[w][a] <= shapes[1 - w][a] for a in spatial)), None)
    if moved is None:
        return []
    rank, first = len(shapes[0]), spatial[0] == 2
    patches: list[GraphPatch] = []
    layer = None
    after, current = inference, node.index  # ``current``: the failing pass, an index of ``after``'s graph
    for _ in range(len(passes)):
        sizes = after.results[current].input_shapes or []
        if len(sizes) != 2 or not all(sizes) or not all(is_known(sh[a]) for sh in sizes for a in spatial):
            return []
        delta = [sizes[1 - moved][a] - sizes[moved][a] for a in spatial]
        if max(map(abs, delta)) > MAX_CROP or (min(delta) < 0 < max(delta)):
            return []
        pad = max(delta) > 0
        if layer is not None and layer != (_PADDING if pad else _CROPPING)[rank]:
            return []  # padded on one pass, cropped on another: no one expression
        layer, key = ((_PADDING[rank], "padding") if pad else (_CROPPING[rank], "cropping"))
        amounts = tuple((0, abs(d)) for d in delta)
        here = GraphPatch("pad_to_match", current, layer, tuple({
            key: amounts[0] if rank == 3 else amounts, **({"data_format": "channels_first"} if first else {}),
            "input": moved, "reference": 1 - moved}.items()))
        mapped = original_indices(graph, patches, [here]) if patches else [here]
        if mapped is None:
            return []
        patches += mapped
        try:
            after = infer(apply_patches(graph, patches))
        except (ValueError, IndexError, KeyError):
            return []
        failing = next((d.node for d in after.errors if d.node is not None
                        and after.graph.nodes[d.node].span == node.span), None)
        if failing is None:
            break
        current = failing
    else:
        return []
    axes = " x ".join("height width depth".split()[:len(spatial)]) if rank > 3 else "length"
    verb, how = ("pad", "zero-padded") if layer.startswith("Zero") else ("crop", "cropped")
    return [Fix(f"{verb} input {moved + 1} of {node.label} to the {axes} of input {2 - moved}, on every pass",
                patches, why=f"the merge is written once but its passes differ by an odd size halved: each "
                             f"pass's upsampled path is {how} to its skip's size, computed from their shapes")]


def _upsampled_input(inference: Inference, node) -> int | None:
    """Which input of a two-input merge an UpSampling or transposed convolution made (through size-keeping
    layers), when exactly one is."""
    made = []
    for which, ref in enumerate(node.inputs[:2]):
        current = inference.results[ref[0]]
        while current.node.type in _SIZE_KEEPING and current.node.inputs:
            current = inference.results[current.node.inputs[0][0]]
        if current.node.type.startswith("UpSampling") or "Transpose" in current.node.type:
            made.append(which)
    return made[0] if len(made) == 1 else None


def _cropping_merge_fixes(node, shapes: list) -> list[Fix]:
    """A U-Net skip one or two pixels larger than the upsampled path (89 vs 88: a pooling floored an odd size):
    crop the larger inputs to the smallest, centred, as the original U-Net crops its skips."""
    return _aligning_fixes(node, shapes, pad=False)


def _aligning_fixes(node, shapes: list, pad: bool) -> list[Fix]:
    """Each input of another spatial size brought to the largest (``pad``) or the smallest one, centred."""
    spatial = _spatial_axes(node, shapes)
    if spatial is None:
        return []
    rank = len(shapes[0])
    goal = [(max if pad else min)(sh[a] for sh in shapes) for a in spatial]
    layer, key = (_PADDING[rank], "padding") if pad else (_CROPPING[rank], "cropping")
    size = " x ".join(map(str, goal))
    fixes = []
    for which, shape in enumerate(shapes):
        delta = [abs(shape[a] - g) for a, g in zip(spatial, goal)]
        if not any(delta) or max(delta) > MAX_CROP:
            continue
        amounts = tuple((d // 2, d - d // 2) for d in delta)
        value = amounts[0] if rank == 3 else amounts
        first = {"data_format": "channels_first"} if spatial[0] == 2 else {}
        why = (f"pads {format_shape(shape)} to the {size} of the other input (a pooling floored an odd size): the "
               f"decoder comes back to the input's size" if pad else
               f"crops {format_shape(shape)} to the {size} of the other input, centred (a pooling floored an odd "
               f"size)")
        fixes.append(Fix(f"insert {layer}({value!r}) on input {which + 1} of {node.label}",
                         [_patch("insert_on_input", node.index, layer, **{key: value}, **first, input=which)],
                         why=why))
    return fixes


MAX_CROP = 8  # larger differences are not an odd size floored by pooling


def _divisible_input_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """The images' size a multiple of what the poolings divide it by (358 -> 352 for three poolings of 2): every
    upsampled path then comes back to its skip's size; one edit, also for merges written once in a loop."""
    inputs = [r for r in inference.results if r.node.type == "InputLayer" and r.outputs and r.outputs[0]]
    # one image input, or several of one shape (the moving and fixed volumes of a registration U-Net)
    if not inputs or len({tuple(r.outputs[0]) for r in inputs}) != 1 or len(shapes) < 2 \
            or len({len(sh) for sh in shapes if sh}) != 1:
        return []
    declared = inputs[0].outputs[0]
    spatial = declared[1:-1]
    if not spatial or len(declared) != len(shapes[0]) or not all(isinstance(d, int) and d > 1 for d in spatial):
        return []
    fixes = []
    spatial = tuple(spatial)
    for factor in (2 ** k for k in range(1, MAX_POOLING_DEPTH + 1)):  # the smallest change first
        down = tuple(d // factor * factor for d in spatial)
        up = tuple(-(-d // factor) * factor for d in spatial)
        for sized in sorted({down, up} - {spatial}, key=lambda t: sum(abs(a - b) for a, b in zip(t, spatial))):
            if not all(sized):
                continue
            shape = (*sized, declared[-1])
            multiple = max(2 ** k for k in range(MAX_POOLING_DEPTH + 1) if all(d % 2 ** k == 0 for d in sized))
            fixes.append(Fix(f"feed {' x '.join(map(str, sized))} inputs (a multiple of {multiple}): "
                             f"Input(shape={_tuple_text(shape)})",
                             [_patch("set_input_shape", r.node.index, shape=shape) for r in inputs],
                             why="each pooling halves the size and floors an odd one, so the upsampled path comes "
                                 "back smaller than its skip; resize or crop the data to match", group="input size"))
    return fixes


MAX_POOLING_DEPTH = 5  # input sizes tried: multiples of 32, 16, ... 2


def _pad_input_crop_output_fixes(inference: Inference, node, shapes: list) -> list[Fix]:
    """A U-Net whose poolings floor an input size they do not divide (45 pixels, three poolings), wherever its
    merges are written (in a loop, in helpers): the input zero-padded inside the model to the next multiple
    (48) and, when the output keeps that size, cropped back at the end -- the data and the targets keep their
    45 x 45. One edit where the Input is read and one after the output layer, on any number of merges."""
    image = _image_input(inference, node, shapes) if _floored_sizes(node, shapes) else None
    if image is None:
        return []
    graph = inference.graph
    source, rank, first, spatial = image
    for padded in _padded_sizes(spatial):
        patch, value, title = _input_padding(graph, source, rank, first, spatial, padded)
        patches = [patch]
        try:
            after = infer(apply_patches(graph, patches))
        except (ValueError, IndexError, KeyError):
            return []
        if after.errors or any(r.status == "error" for r in after.results):
            continue
        output = after.results[after.graph.outputs[0][0]].outputs
        output = tuple(output[0]) if output and output[0] else ()
        if len(output) == rank and tuple(output[2:] if first else output[1:-1]) == padded:
            title = _crop_output_back(patches, title, graph.outputs[0][0], rank, first, value)
        return [Fix(title, patches,
                    why=f"the poolings floor {' x '.join(map(str, spatial))}; from {' x '.join(map(str, padded))}, "
                        f"every upsampled path comes back to its skip's size, and the data and targets keep their "
                        f"shapes")]
    return []


def padded_input_candidates(inference: Inference, node, shapes: list) -> list[Fix]:
    """For a model built by code that reads shapes (a shortcut whose stride is ``x.shape[1] // y.shape[1]``): the
    input zero-padded inside the model to the next multiple of 2, 4, ... 32, smallest first, a map output cropped
    back -- unverified here, since what that code builds from the padded sizes only the rewritten file shows."""
    image = _image_input(inference, node, shapes)
    if image is None:
        return []
    graph = inference.graph
    source, rank, first, spatial = image
    output = inference.results[graph.outputs[0][0]].node
    maps = any(r.node is output and r.outputs and len(r.outputs[0]) == rank for r in inference.results)
    fixes = []
    for padded in _padded_sizes(spatial):
        patch, value, title = _input_padding(graph, source, rank, first, spatial, padded)
        patches = [patch]
        if maps:
            title = _crop_output_back(patches, title, output.index, rank, first, value)
        fixes.append(Fix(title, patches, why=f"{' x '.join(map(str, spatial))} is not a multiple of what the "
                                             f"strides divide it by; from {' x '.join(map(str, padded))} every "
                                             f"stage halves an even size, and the data keep their shape"))
    return fixes


def _image_input(inference: Inference, node, shapes: list):
    """The model's one input, of images whose sizes are all known, with one output: (its result, its rank,
    whether the merged maps are channels first, its spatial sizes); else None."""
    spatial_axes = _spatial_axes(node, shapes)
    inputs = [r for r in inference.results if r.node.type == "InputLayer" and r.outputs and r.outputs[0]]
    if spatial_axes is None or len(inputs) != 1 or len(inference.graph.outputs) != 1:
        return None
    declared = tuple(inputs[0].outputs[0])
    rank = len(declared)
    first = spatial_axes == range(2, rank)  # channels_first maps: the padding is written so too
    spatial = declared[2:] if first else declared[1:-1]
    if rank not in _PADDING or not all(isinstance(d, int) and d > 1 for d in spatial):
        return None
    return inputs[0], rank, first, spatial


def _padded_sizes(spatial: tuple):
    """The sizes rounded up to the next multiple of 2, 4, ... 32, each new one once, smallest first."""
    seen = {spatial}
    for factor in (2 ** k for k in range(1, MAX_POOLING_DEPTH + 1)):
        padded = tuple(-(-d // factor) * factor for d in spatial)
        if padded not in seen:
            seen.add(padded)
            yield padded


def _input_padding(graph, source, rank: int, first: bool, spatial: tuple, padded: tuple):
    """The patch zero-padding the input from ``spatial`` to ``padded`` (centred), the padding value, the title."""
    amounts = tuple(((p - d) // 2, (p - d) - (p - d) // 2) for d, p in zip(spatial, padded))
    value = amounts[0] if rank == 3 else amounts
    layout = {"data_format": "channels_first"} if first else {}
    patch = _pad_input_patch(graph, source.node, _PADDING[rank], value, layout)
    size = " x ".join(map(str, padded))
    return patch, value, f"pad the input to {size} inside the model ({_PADDING[rank]}({value!r}))"


def _crop_output_back(patches: list, title: str, output: int, rank: int, first: bool, value) -> str:
    """The output cropped by the input's padding (appended to ``patches``); the title saying so."""
    layout = (("data_format", "channels_first"),) if first else ()
    patches.append(_patch("append", output, layers=((_CROPPING[rank], (("cropping", value), *layout)),)))
    return f"{title} and crop the output back ({_CROPPING[rank]}({value!r}))"


def _pad_input_patch(graph, input_node, layer: str, value, extra: dict | None = None) -> GraphPatch:
    """The padding layer after the Input: wrapping its reads (functional), or before the first layer of a
    Sequential."""
    if graph.kind == "sequential":
        first = next(n for n in graph.nodes if n.inputs and n.inputs[0][0] == input_node.index)
        return _patch("insert_before", first.index, layer, padding=value, **(extra or {}))
    return _patch("pad_input", input_node.index, layer, padding=value, **(extra or {}))

