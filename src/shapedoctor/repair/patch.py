"""Apply structural GraphPatches to a ModelGraph (a new graph; the input is not modified)."""

from __future__ import annotations

import dataclasses

from ..diagnostics import GraphPatch
from ..graph import LayerNode, ModelGraph


def copy_graph(graph: ModelGraph) -> ModelGraph:
    """Nodes, argument dicts and input lists copied; argument values are never mutated, so shared."""
    nodes = [dataclasses.replace(n, args=dict(n.args), inputs=list(n.inputs)) for n in graph.nodes]
    return dataclasses.replace(graph, nodes=nodes, outputs=list(graph.outputs))


def apply_patches(graph: ModelGraph, patches: list[GraphPatch]) -> ModelGraph:
    patched = copy_graph(graph)
    # Patches name nodes of the original graph; apply from the last node backwards so indices hold.
    for patch in sorted(patches, key=lambda p: p.node, reverse=True):
        patched = _apply(patched, patch)
    return patched


def _apply(graph: ModelGraph, patch: GraphPatch) -> ModelGraph:
    nodes = graph.nodes
    target = nodes[patch.node]
    if patch.op == "set_args":
        for node in _same_call(nodes, target):
            node.args = {**node.args, **patch.arg_dict}
        return graph
    if patch.op == "replace":
        for node in _same_call(nodes, target):
            node.type, node.written_type, node.args = patch.type, patch.type, patch.arg_dict
        return graph
    if patch.op == "set_input_shape":
        target.args = {"shape": patch.arg_dict["shape"]}
        return graph
    if patch.op == "insert_before":
        new = LayerNode(index=patch.node, type=patch.type, args=patch.arg_dict, inputs=list(target.inputs),
                        span=None, name=f"{patch.type.lower()}_fix", written_type=patch.type)
        order = nodes[:patch.node] + [new] + nodes[patch.node:]
        mapping = {old.index: i + (1 if i >= patch.node else 0) for i, old in enumerate(nodes)}
        return _renumber(graph, order, mapping, rewire={id(target): [(patch.node, 0)]}, new=new)
    if patch.op == "remove":
        if len(target.inputs) != 1:
            raise ValueError("only single-input layers can be removed")
        passthrough = target.inputs[0]
        order = nodes[:patch.node] + nodes[patch.node + 1:]
        mapping = {old.index: (i if i < patch.node else i - 1) for i, old in enumerate(nodes) if i != patch.node}
        for node in order:
            node.inputs = [passthrough if ref[0] == patch.node else ref for ref in node.inputs]
        graph.outputs = [passthrough if ref[0] == patch.node else ref for ref in graph.outputs]
        return _renumber(graph, order, mapping)
    raise ValueError(f"unknown patch op {patch.op}")


def _same_call(nodes: list[LayerNode], target: LayerNode) -> list[LayerNode]:
    """Nodes made by the same constructor call in the source (a loop unrolled over a literal list): an edit
    of that call changes all of them."""
    if target.span is None:
        return [target]
    return [n for n in nodes if n.span == target.span and n.type == target.type]


def _renumber(graph: ModelGraph, order: list[LayerNode], mapping: dict, rewire=None, new=None) -> ModelGraph:
    rewire = rewire or {}
    for i, node in enumerate(order):
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
