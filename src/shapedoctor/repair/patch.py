"""Apply structural GraphPatches to a ModelGraph (a new graph; the input is not modified)."""

from __future__ import annotations

import copy
import dataclasses

from ..diagnostics import GraphPatch
from ..graph import INPUT_SHAPE_KWARGS, UNRECOGNIZED_KEYWORDS, LayerNode, ModelGraph, WrittenInt
from ..rules.nested import NestedLayer


def copy_graph(graph: ModelGraph, start: int = 0) -> ModelGraph:
    """Nodes from ``start`` on, their argument dicts and input lists copied; the nodes before ``start`` are
    shared (never modified by a patch that starts at ``start``); argument values are never mutated, so shared."""
    nodes = graph.nodes[:start] + [_copy_node(n) for n in graph.nodes[start:]]
    return dataclasses.replace(graph, nodes=nodes, outputs=list(graph.outputs))


def _copy_node(node: LayerNode) -> LayerNode:
    new = copy.copy(node)
    new.args, new.inputs = dict(node.args), list(node.inputs)
    return new


def first_patched(graph: ModelGraph, patches: list[GraphPatch]) -> int:
    """The first node a patch changes, moves or renumbers: the nodes before it stay as they are."""
    start = len(graph.nodes)
    for patch in patches:
        target = graph.nodes[patch.node]
        if patch.op in ("set_args", "set_wrapped_args", "rename_keywords", "declare_input", "replace", "unwrap",
                        "wrap"):
            start = min(start, min(n.index for n in _same_call(graph.nodes, target)))
        elif patch.op == "dedent_after_loop":
            start = min(start, min(loop_head(graph, patch), default=patch.node))
        elif patch.op == "set_literal" and "arg" in patch.arg_dict:
            start = min(start, min(n.index for n in _same_literal(graph.nodes, patch)))
        else:
            start = min(start, patch.node)
    return start


def application_order(patches: list[GraphPatch]) -> list[GraphPatch]:
    """Patches name nodes of the original graph: they apply from the last node backwards so indices hold (on one
    node, the changes to it before a layer is inserted in front of it, which moves it)."""
    return sorted(patches, key=lambda p: (p.node, p.op != "insert_before"), reverse=True)


def apply_patches(graph: ModelGraph, patches: list[GraphPatch]) -> ModelGraph:
    """The patched graph.  Its nodes before ``first_patched`` are the input graph's own node objects (unchanged),
    so that inference can resume there (``infer(patched, base, first_patched(...))``)."""
    start = first_patched(graph, patches)
    patched = copy_graph(graph, start)
    for patch in application_order(patches):
        patched = _apply(patched, patch, start)
    return patched


def _apply(graph: ModelGraph, patch: GraphPatch, start: int) -> ModelGraph:
    nodes = graph.nodes
    target = nodes[patch.node]
    if patch.op == "unlist_input":  # the layer given its one tensor rather than a list of it
        for node in _same_call(nodes, target, start):
            node.list_input = False
        return graph
    if patch.op == "set_constant":  # a module constant the sizes derive from: only a re-check of the source tells
        return graph
    if patch.op == "respell":  # compile()'s arguments named, Model(inputs=...): the model itself is unchanged
        return graph
    if patch.op == "set_args":
        for node in _same_call(nodes, target, start):
            node.args = {**node.args, **patch.arg_dict}
        return graph
    # border_mode= -> padding= (the value reaches the layer under its name); mode=0 removed; declare_input: the
    # keywords go to an InputLayer before the layer, the input they declared already is (graph.input_args_from_layer_kwargs)
    if patch.op in ("rename_keywords", "declare_input"):
        for node in _same_call(nodes, target, start):
            unrecognized = dict(node.args.get(UNRECOGNIZED_KEYWORDS, {}))
            args = {k: v for k, v in node.args.items() if k != UNRECOGNIZED_KEYWORDS}
            for old, new in patch.args:
                if old in unrecognized:
                    value = unrecognized.pop(old)
                    if new is not None:  # None: the keyword removed
                        args[new] = value
            if unrecognized:
                args[UNRECOGNIZED_KEYWORDS] = unrecognized
            node.args = args
        return graph
    if patch.op == "set_wrapped_args":  # Bidirectional(LSTM(...)): the wrapped layer's arguments
        for node in _same_call(nodes, target, start):
            inner = node.args["layer"]
            node.args = {**node.args, "layer": dataclasses.replace(inner, args={**inner.args, **patch.arg_dict})}
        return graph
    if patch.op == "replace":
        for node in _same_call(nodes, target, start):
            node.type, node.written_type, node.args = patch.type, patch.type, patch.arg_dict
        return graph
    if patch.op == "unwrap":  # TimeDistributed(Dense(5)) -> Dense(5): the wrapped layer itself
        for node in _same_call(nodes, target, start):
            inner = node.args.get("layer")
            node.type = node.written_type = inner.type
            node.args = dict(inner.args)
        return graph
    if patch.op == "wrap":  # Conv2D(32, 3) -> TimeDistributed(Conv2D(32, 3))
        for node in _same_call(nodes, target, start):
            inner = NestedLayer(node.type, {k: v for k, v in node.args.items() if k not in INPUT_SHAPE_KWARGS},
                                node.label)
            node.type = node.written_type = patch.type
            node.args = {"layer": inner}
        return graph
    if patch.op == "set_literal" and "arg" in patch.arg_dict:  # the literal a layer argument came from
        name = patch.arg_dict["arg"]
        for node in _same_literal(nodes[start:], patch):
            node.args = {**node.args, name: patch.arg_dict["value"]}
        return graph
    # a new input shape; tuple_shape (an int made a 1-tuple), slice_shape (X.shape -> X.shape[1:]), drop_last_axis
    # ((steps, vocab) -> (steps,)) and
    # channels_last_shape ((3, h, w) -> (h, w, 3)) differ only in how the source is rewritten
    if patch.op == "slice_model_input":  # the nested model's Input without the batch axis written in its shape
        target.args = {**target.args, "expected": patch.arg_dict["expected"]}
        return graph
    if patch.op in ("set_input_shape", "tuple_shape", "slice_shape", "channels_last_shape", "set_literal",
                    "drop_last_axis"):
        target.args = {"shape": patch.arg_dict["shape"]}
        return graph
    if patch.op == "insert_before":
        new = LayerNode(index=patch.node, type=patch.type, args=patch.arg_dict, inputs=list(target.inputs),
                        span=None, name=f"{patch.type.lower()}_fix", written_type=patch.type)
        order = nodes[:patch.node] + [new] + nodes[patch.node:]
        mapping = _Shift(patch.node, 1)
        return _renumber(graph, order, mapping, start, rewire={id(target): [(patch.node, 0)]}, new=new)
    if patch.op == "dedent_after_loop":
        return _dedent_after_loop(graph, patch, start)
    if patch.op in ("insert_on_input", "pad_to_match"):
        # a layer on one input of a merge: Concatenate()([x, Cropping2D(...)(skip)]); pad_to_match: the padding
        # of this pass, written in the source from the inputs' shapes (rewrite._op_pad_to_match)
        args = dict(patch.arg_dict)
        which = args.pop("input")
        args.pop("reference", None)
        new = LayerNode(index=patch.node, type=patch.type, args=args, inputs=[target.inputs[which]], span=None,
                        name=f"{patch.type.lower()}_fix", written_type=patch.type)
        order = nodes[:patch.node] + [new] + nodes[patch.node:]
        mapping = _Shift(patch.node, 1)
        rewired = [(patch.node, 0) if j == which else (mapping[r[0]], r[1]) for j, r in enumerate(target.inputs)]
        return _renumber(graph, order, mapping, start, rewire={id(target): rewired}, new=new)
    if patch.op == "pad_input":
        # a layer right after an Input that every reader of the Input then reads instead (the model's input
        # stays what the data are): rewrite._op_pad_input wraps the Input's name where the layers read it
        if target.type != "InputLayer":
            raise ValueError("pad_input applies to an Input")
        at = patch.node + 1
        new = LayerNode(index=at, type=patch.type, args=patch.arg_dict, inputs=[(patch.node, 0)], span=None,
                        name=f"{patch.type.lower()}_fix", written_type=patch.type)
        order = nodes[:at] + [new] + nodes[at:]
        mapping = _Shift(at, 1)
        rewire = {id(n): [(at, 0) if r[0] == patch.node else (mapping[r[0]], r[1]) for r in n.inputs]
                  for n in nodes[at:] if any(r[0] == patch.node for r in n.inputs)}
        return _renumber(graph, order, mapping, start, rewire=rewire, new=new)
    if patch.op == "append":  # a head after the model's output layer: args["layers"] = ((type, args), ...)
        if target.index != len(nodes) - 1 or graph.outputs != [(target.index, 0)]:
            raise ValueError("a head is appended only after the last layer of a single-output model")
        previous = target.index
        for type_, args in patch.arg_dict["layers"]:
            new = LayerNode(index=len(nodes), type=type_, args=dict(args), inputs=[(previous, 0)], span=None,
                            name=f"{type_.lower()}_fix", written_type=type_)
            nodes.append(new)
            previous = new.index
        graph.outputs = [(previous, 0)]
        return graph
    if patch.op == "remove":
        if len(target.inputs) != 1:
            raise ValueError("only single-input layers can be removed")
        passthrough = target.inputs[0]
        order = nodes[:patch.node] + nodes[patch.node + 1:]
        mapping = _Shift(patch.node + 1, -1, removed=patch.node)
        for node in order[patch.node:]:  # nodes come after their inputs: only later ones can use the removed one
            node.inputs = [passthrough if ref[0] == patch.node else ref for ref in node.inputs]
        graph.outputs = [passthrough if ref[0] == patch.node else ref for ref in graph.outputs]
        return _renumber(graph, order, mapping, start)
    raise ValueError(f"unknown patch op {patch.op}")


def _same_literal(nodes: list[LayerNode], patch: GraphPatch) -> list[LayerNode]:
    """The layers whose argument ``patch.args["arg"]`` is the int literal written at ``patch.args["span"]``."""
    name, span = patch.arg_dict["arg"], patch.arg_dict["span"]
    return [n for n in nodes if isinstance(value := n.args.get(name), WrittenInt) and value.span is not None
            and (value.span.line, value.span.col, value.span.end_line, value.span.end_col) == tuple(span)]


def _same_call(nodes: list[LayerNode], target: LayerNode, start: int = 0) -> list[LayerNode]:
    """Nodes made by the same constructor call in the source (a loop unrolled over a literal list): an edit
    of that call changes all of them.  (``start``: the nodes before it are shared with the unpatched graph and
    hold none of them: ``first_patched`` started there.)"""
    if target.span is None:
        return [target]
    return [n for n in nodes[start:] if n.span == target.span and n.type == target.type]


def _line(node: LayerNode) -> int | None:
    """The line a layer is called on (a layer made before a loop may be called inside it)."""
    span = node.call_span or node.span
    return span.line if span is not None else None


def loop_head(graph: ModelGraph, patch: GraphPatch) -> list[int]:
    """A ``dedent_after_loop`` patch's head: the nodes called from the line of ``patch.node`` to the end of the
    loop ``patch.args["loop"]`` (first, last line), every pass of the loop included."""
    first, last = patch.arg_dict["loop"]
    top = _line(graph.nodes[patch.node])
    if top is None or not first < top <= last:
        raise ValueError("the head is not inside the loop")
    return [n.index for n in graph.nodes if (line := _line(n)) is not None and top <= line <= last]


def _dedent_after_loop(graph: ModelGraph, patch: GraphPatch, start: int) -> ModelGraph:
    """The graph of the source with the loop's head (a Flatten ... Dense written inside a loop body) moved after
    the loop: the head runs once, on the last pass's output.  Unrolled, each pass made its own copy of the head,
    which fed the next pass's first layer; those copies are dropped (the next pass reads what went into the
    copy) and the last pass's, which nothing in the loop reads, is kept.  A head that is not a chain from one
    tensor to one tensor, or that nothing in the loop reads back, is a ValueError (no such source rewrite)."""
    nodes = graph.nodes
    first, _ = patch.arg_dict["loop"]
    top = _line(nodes[patch.node])
    head = set(loop_head(graph, patch))
    group = {i: i for i in head}  # union-find: the head's nodes of one pass are connected

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i in sorted(head):
        for ref in nodes[i].inputs:
            if ref[0] in head:
                group[root(i)] = root(ref[0])
    passes: dict[int, list[int]] = {}
    for i in sorted(head):
        passes.setdefault(root(i), []).append(i)
    readers: dict[int, list[tuple[int, int]]] = {}  # a node -> (reader, input position) of the nodes after it
    for node in nodes[start:]:
        for k, ref in enumerate(node.inputs):
            readers.setdefault(ref[0], []).append((node.index, k))
    dropped: set[int] = set()
    kept = 0
    for members in passes.values():
        inside = set(members)
        entering = {ref for i in members for ref in nodes[i].inputs if ref[0] not in inside}
        leaving = [(j, k) for i in members for j, k in readers.get(i, []) if j not in inside]
        fed_back = any(first < (_line(nodes[j]) or 0) < top for j, _ in leaving)
        if not fed_back:
            kept += 1
            continue
        used = {nodes[j].inputs[k] for j, k in leaving}
        if len(entering) != 1 or len(used) != 1 or any(ref[0] in inside for ref in graph.outputs):
            raise ValueError("the loop's head is not a chain from one tensor to one tensor")
        (source,) = entering
        for j, k in leaving:
            nodes[j].inputs[k] = source
        dropped |= inside
    if not dropped or not kept:
        raise ValueError("no pass of the loop reads the head back")
    order = [n for n in nodes if n.index not in dropped]
    mapping = {n.index: i for i, n in enumerate(order)}
    return _renumber(graph, order, mapping, start)


def original_indices(graph, first: list[GraphPatch], then: list[GraphPatch]) -> list[GraphPatch] | None:
    """``then`` names nodes of the graph ``first`` made: the same patches naming the original graph's nodes (as
    every patch of one fix does), or None when one names a node ``first`` inserted or a patch cannot be mapped."""
    original: list = list(range(len(graph.nodes)))  # per node of the patched graph: its original index
    for patch in application_order(first):
        if patch.op == "pad_input":
            original.insert(patch.node + 1, None)
        elif patch.op in _INSERTING:
            original.insert(patch.node, None)
        elif patch.op == "remove":
            del original[patch.node]
        elif patch.op == "dedent_after_loop":
            return None
    inserted_at = {p.node for p in first if p.op in _INSERTING}
    mapped = []
    for patch in then:
        index = original[patch.node] if 0 <= patch.node < len(original) else None
        if index is None or patch.op in ("dedent_after_loop", "pad_input") or (patch.op in _INSERTING
                                                                               and index in inserted_at):
            return None
        mapped.append(GraphPatch(patch.op, index, patch.type, patch.args))
    return mapped


_INSERTING = ("insert_before", "insert_on_input", "pad_to_match")


class _Shift:
    """The old index -> new index map of one insertion or removal: indices from ``at`` on move by ``by``."""

    def __init__(self, at: int, by: int, removed: int | None = None) -> None:
        self.at, self.by, self.removed = at, by, removed

    def __getitem__(self, index: int) -> int:
        if index == self.removed:
            raise KeyError(index)
        return index + self.by if index >= self.at else index


def _renumber(graph: ModelGraph, order: list[LayerNode], mapping, start: int, rewire=None, new=None) -> ModelGraph:
    """Renumber the nodes from ``start`` on (the ones before it keep their indices and inputs)."""
    rewire = rewire or {}
    for i in range(start, len(order)):
        node = order[i]
        if node is new:
            node.inputs = [(mapping[r[0]], r[1]) for r in node.inputs]
        elif id(node) in rewire:
            node.inputs = rewire[id(node)]
        else:
            node.inputs = [(mapping[r[0]], r[1]) for r in node.inputs]
        node.index = i
    graph.outputs = [(mapping[r[0]], r[1]) for r in graph.outputs]
    graph.nodes = order
    return graph
