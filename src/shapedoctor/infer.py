"""Walk a model graph in order, apply the shape rules, collect findings.

A branch stops at its first error: layers downstream of an error (or of an unknown
layer) are marked ``skipped``/``unknown`` and never produce findings of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .graph import LayerNode, ModelGraph
from .kinds import SHARED_LAYER_MISMATCH, UNKNOWN_LAYER
from .params import WEIGHTLESS
from .rules import RULES, LayerCall, ShapeProblem, Unresolved, canonical_type
from .shapes import Shape, format_shape


@dataclass
class LayerResult:
    node: LayerNode
    status: str  # "ok" | "error" | "unknown" | "skipped"
    input_shapes: list[Shape] | None = None
    outputs: list[Shape] | None = None  # one shape per output of the layer
    problem: ShapeProblem | None = None
    note: str = ""

    @property
    def output_shape(self) -> Shape | None:
        if not self.outputs:
            return None
        return self.outputs[0] if len(self.outputs) == 1 else self.outputs


@dataclass
class Inference:
    graph: ModelGraph
    results: list[LayerResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def result(self, index: int) -> LayerResult:
        return self.results[index]

    def shape_of(self, ref) -> Shape | None:
        res = self.results[ref[0]]
        if res.outputs is None or ref[1] >= len(res.outputs):
            return None
        return res.outputs[ref[1]]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def output_shapes(self) -> list[Shape | None]:
        return [self.shape_of(ref) for ref in self.graph.outputs]


def infer(graph: ModelGraph) -> Inference:
    """Shape inference for one model; never raises."""
    inference = Inference(graph)
    first_calls: dict[str, LayerResult] = {}
    for node in graph.nodes:
        result = infer_node(inference, node)
        if node.layer_key and result.status == "ok" and result.input_shapes:
            first = first_calls.setdefault(node.layer_key, result)
            if first is not result:
                result = _check_shared_call(inference, first, result)
        inference.results.append(result)
    if graph.unbuildable_reason and graph.nodes:
        first = graph.nodes[0]
        inference.diagnostics.append(_diagnostic(graph, first, UNKNOWN_LAYER.severity, UNKNOWN_LAYER,
                                                 graph.unbuildable_reason))
    return inference


def infer_node(inference: Inference, node: LayerNode) -> LayerResult:
    graph = inference.graph
    upstream = [inference.results[ref[0]] for ref in node.inputs]
    if any(r.status in ("error", "skipped") for r in upstream):
        return LayerResult(node, "skipped", note="after an error")
    input_shapes = [inference.shape_of(ref) for ref in node.inputs]
    if any(s is None for s in input_shapes) or (not node.inputs and node.type not in ("InputLayer", "Constant", "<opaque>")):
        return LayerResult(node, "unknown", input_shapes=None, note="input shape unknown")
    type_ = canonical_type(node.type)
    rule = RULES.get(type_)
    if type_ == "<opaque>":
        inference.diagnostics.append(_diagnostic(
            graph, node, "info", UNKNOWN_LAYER, f"{node.written_type}: shapes after it are not checked"))
        return LayerResult(node, "unknown", input_shapes, note=node.written_type)
    if rule is None:
        inference.diagnostics.append(_diagnostic(
            graph, node, "info", UNKNOWN_LAYER,
            f"{node.label} is not a layer shapedoctor knows; shapes after it are not checked"))
        return LayerResult(node, "unknown", input_shapes, note="unknown layer")
    call = LayerCall(type_, node.args, node.label)
    try:
        if not rule.multi_input and len(input_shapes) != 1 and type_ not in ("InputLayer", "Constant"):
            raise Unresolved("inputs")
        output = rule.fn(call, input_shapes)
    except Unresolved as exc:
        what = str(exc) or "an argument"
        inference.diagnostics.append(_diagnostic(
            graph, node, "info", UNKNOWN_LAYER,
            f"{node.label}: the value of {what} could not be determined statically; "
            f"shapes after it are not checked"))
        return LayerResult(node, "unknown", input_shapes, note=f"{what} unknown")
    except ShapeProblem as problem:
        diagnostic = _diagnostic(graph, node, problem.severity, problem.kind, problem.message)
        inference.diagnostics.append(diagnostic)
        if problem.severity == "error":
            return LayerResult(node, "error", input_shapes, problem=problem)
        outputs = None
        if problem.output is not None:
            outputs = problem.output if isinstance(problem.output, list) else [problem.output]
        return LayerResult(node, "ok", input_shapes, outputs, problem=problem)
    except Exception as exc:  # a rule bug must never reach the user as a traceback
        if _STRICT:
            raise
        inference.diagnostics.append(_diagnostic(
            graph, node, "info", UNKNOWN_LAYER,
            f"{node.label}: internal error in the shape rule ({type(exc).__name__}); shapes after it are "
            f"not checked"))
        return LayerResult(node, "unknown", input_shapes, note="rule failed")
    outputs = output if isinstance(output, list) else [output]
    return LayerResult(node, "ok", input_shapes, [tuple(s) for s in outputs])


# Layers whose weights do not depend on the input's feature size: sharing them across sizes is fine.
_SIZE_FREE = WEIGHTLESS | {"Embedding"}  # an Embedding's weights depend on its vocabulary, not its input


def _check_shared_call(inference: Inference, first: LayerResult, result: LayerResult) -> LayerResult:
    """Keras builds a shared layer at its first call; later calls must bring the same feature size."""
    node = result.node
    if node.type in _SIZE_FREE or len(first.input_shapes) != 1 or len(result.input_shapes) != 1:
        return result
    axis = 1 if node.args.get("data_format") == "channels_first" else -1
    built, got = first.input_shapes[0], result.input_shapes[0]
    if len(got) < 2 or len(built) < 2:
        return result
    if isinstance(built[axis], int) and isinstance(got[axis], int) and built[axis] != got[axis]:
        first_call = first.node.call_span or first.node.span
        problem = ShapeProblem(
            SHARED_LAYER_MISMATCH,
            f"shared {node.label} was built by its first call (line {first_call.line if first_call else '?'}) "
            f"for inputs of size {built[axis]} on axis {axis}, but this call gets {format_shape(got)}")
        inference.diagnostics.append(_diagnostic(inference.graph, node, "error", SHARED_LAYER_MISMATCH,
                                                 problem.message))
        return LayerResult(node, "error", result.input_shapes, problem=problem)
    return result


# The test suite sets this so a crashing rule fails loudly instead of degrading.
_STRICT = False


def _diagnostic(graph: ModelGraph, node: LayerNode, severity: str, kind, message: str) -> Diagnostic:
    span = node.span
    line, col, end_line, end_col = (span.line, span.col, span.end_line, span.end_col) if span else (graph.line, 0,
                                                                                                  graph.line, 0)
    return Diagnostic(kind=kind, message=message, severity=severity, line=line, col=col, end_line=end_line,
                      end_col=end_col, model=graph.name, layer=node.label, node=node.index)
