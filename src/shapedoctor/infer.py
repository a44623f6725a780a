"""Walk a model graph in order, apply the shape rules, collect findings.

A branch stops at its first error: layers downstream of an error (or of an unknown
layer) are marked ``skipped``/``unknown`` and never produce findings of their own.

Every loss of precision is recorded where it happens, as a :class:`~shapedoctor.graph.Gap`
(an opaque step, a layer without a rule, an argument that could not be folded, a rule that
failed): a model is *complete* only when it has none and every layer was reached.
"""

from __future__ import annotations

import functools
import operator
from array import array
from dataclasses import dataclass, field, replace

from .diagnostics import Diagnostic
from .graph import (MAX_OPTIONS, REMOVED_SPELLING, UNFOLDED_OPERANDS, UNKNOWN_KEYWORDS, UNRECOGNIZED_KEYWORDS, Gap,
                    LayerNode, ModelGraph, OneOf)
from .kinds import INTERNAL_ERROR, INVALID_ARGUMENT, SHARED_LAYER_MISMATCH, UNKNOWN_LAYER
from .params import WEIGHTLESS
from .rules import RULES, LayerCall, ShapeProblem, Unresolved, canonical_type
from .rules.base import upstream_types
from .rules.keywords_message import is_removed_function_message, is_unrecognized_message, unrecognized_message
from .rules.image_preprocessing import SAME_SHAPE as IMAGE_PREPROCESSING_SAME_SHAPE
from .shapes import Shape, Symbol, format_dim, format_shape


@dataclass(slots=True)
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
    lost: list[Gap] = field(default_factory=list)  # precision lost in this walk (see ``gaps``)
    stopped: list[Gap] = field(default_factory=list)  # where an error stopped checking (see ``precision_gaps``)
    internal_errors: int = 0  # rules that failed (a shapedoctor bug); each is also in ``lost``

    @property
    def gaps(self) -> list[Gap]:
        """Every construct the model passes through that was not checked, in source order: the front-end's
        gaps, then the engine's (one per place; the first reason given for a place is kept)."""
        seen: dict[tuple[int, int], Gap] = {}
        for gap in [*self.graph.gaps, *self.lost, *self.stopped]:
            seen.setdefault((gap.line, gap.col), gap)
        return sorted(seen.values(), key=lambda g: (g.line, g.col))

    @property
    def precision_gaps(self) -> list[Gap]:
        """``gaps`` without the places where an error stopped checking (the error finding says so already)."""
        stopped = set(self.stopped) - set(self.lost) - set(self.graph.gaps)
        return [g for g in self.gaps if g not in stopped]

    @property
    def complete(self) -> bool:
        """Every layer checked with status ok and a known output, and no gap.  (A model with an error is not
        complete: checking stops at the error, as Keras does, and the layers after it are not checked.)"""
        return bool(self.results) and not self.gaps and all(
            r.status == "ok" and r.outputs is not None for r in self.results)

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


# The end of the message of a layer called on a list: a finding about how the code is written, which no change
# of sizes causes or cures (a repair that reaches the layer for the first time may reveal it, never create it).
LIST_INPUT = ": in Keras 3 only merge layers take a list; pass the tensor itself"


def is_list_input(diagnostic) -> bool:
    return diagnostic.message.endswith(LIST_INPUT)


def is_written_for_older_keras(diagnostic) -> bool:
    """A layer called on a list, or given a keyword Keras 3 does not take (Keras 2's ``border_mode=``): how the
    code is written, whatever the shapes; a repair that lets the walk reach the layer reveals it, never makes it."""
    return is_list_input(diagnostic) or (diagnostic.kind.name == "invalid-argument"
                                         and (is_unrecognized_message(diagnostic.message)
                                              or is_removed_function_message(diagnostic.message)))


def infer(graph: ModelGraph, base: Inference | None = None, start: int = 0) -> Inference:
    """Shape inference for one model; never raises.

    ``base``, ``start``: ``graph`` begins with the same ``start`` node objects as ``base.graph`` (unchanged, as
    ``repair.patch.apply_patches`` leaves the nodes before the first patched one); their results, findings and
    gaps are taken from ``base`` and only the nodes from ``start`` on are inferred.  Repair candidates are
    verified this way, so a candidate costs the layers after the patch, not the whole model.
    """
    inference = Inference(graph)
    first_calls: dict[str, LayerResult] = {}
    # Per node: how many findings, lost gaps and internal errors came before it (what a resumed walk keeps).
    marks = array("i")
    nodes = graph.nodes
    base_marks = getattr(base, "_marks", None)
    if base is not None and base_marks is not None and 0 < start < len(base.results) \
            and start <= len(graph.nodes) and len(base_marks) >= 3 * start + 3 \
            and all(graph.nodes[i] is base.graph.nodes[i] for i in (0, start - 1)):
        diagnostics, lost, internal = base_marks[3 * start:3 * start + 3]
        inference.results = base.results[:start]
        inference.diagnostics = base.diagnostics[:diagnostics]
        inference.lost = base.lost[:lost]
        inference.internal_errors = internal
        marks = base_marks[:3 * start]
        first_calls = {k: r for k, r in base._first_calls.items() if r.node.index < start}
        nodes = graph.nodes[start:]
    replay = getattr(graph, "replay", None)  # {id(node): (node, its inputs, record)}: see FunctionalBuilder
    replayed: set[int] = set()  # nodes whose result is their record's
    for node in nodes:
        marks.extend((len(inference.diagnostics), len(inference.lost), inference.internal_errors))
        entry = replay.get(id(node)) if replay else None
        result = recorded = None
        if entry is not None and entry[0] is node:
            result = recorded = _replayed(inference, node, entry[1], entry[2], replayed)
        if result is None:
            result = infer_node(inference, node)
        if node.layer_key and result.status == "ok" and result.input_shapes:
            first = first_calls.setdefault(node.layer_key, result)
            if first is not result:
                result = _check_shared_call(inference, first, result)
        if result is recorded:
            replayed.add(node.index)
        inference.results.append(result)
    inference._marks, inference._first_calls = marks, first_calls
    if graph.unbuildable_reason and graph.nodes:
        first = graph.nodes[0]
        inference.diagnostics.append(diagnostic_at(graph, first, UNKNOWN_LAYER.severity, UNKNOWN_LAYER,
                                                 graph.unbuildable_reason))
    _account(inference)
    return inference


def _gap(graph: ModelGraph, node: LayerNode | None, reason: str) -> Gap:
    span = node.span if node is not None else None
    return Gap(span.line, span.col, span.written_at(reason)) if span else Gap(graph.line, 0, reason)


def _account(inference: Inference) -> None:
    """Gaps for what the walk itself could not see: no input shape, layers left unreached."""
    graph = inference.graph
    if not graph.nodes:
        inference.lost.append(Gap(graph.line, 0, f"no layer of model '{graph.name}' could be followed"))
        return
    if graph.unbuildable_reason:
        inference.lost.append(_gap(graph, graph.nodes[0], graph.unbuildable_reason))
    for result in inference.results:
        node = result.node
        if result.status == "unknown" and not node.inputs and node.type not in ("InputLayer", "Constant", "<opaque>") \
                and not graph.unbuildable_reason:
            inference.lost.append(_gap(graph, node, f"`{node.label}` gets a tensor whose shape is not known"))
    for result in inference.results:  # each error stops checking of what comes after it
        if result.status != "error":
            continue
        after = _count_downstream(inference, result.node.index)
        tail = f"; the {after} layer{'s' * (after != 1)} after it {'are' if after != 1 else 'is'} not checked " \
               f"until it is fixed" if after else ""
        inference.stopped.append(_gap(graph, result.node, f"checking stops at the error in `{result.node.label}`"
                                                          f"{tail}"))
    if not inference.complete and not inference.gaps:  # never "incomplete" without a reason
        first = next((r for r in inference.results if r.status == "unknown"), inference.results[0])
        inference.lost.append(_gap(graph, first.node, f"`{first.node.label}`: its output shape is not known"))


def _count_downstream(inference: Inference, index: int) -> int:
    """The skipped layers reachable from ``index``; nodes are in topological order."""
    reached = {index}
    for node in inference.graph.nodes[index + 1:]:
        if any(ref[0] in reached for ref in node.inputs):
            reached.add(node.index)
    return sum(1 for r in inference.results if r.node.index in reached and r.status == "skipped")


def infer_node_recorded(inference: Inference, node: LayerNode) -> tuple[LayerResult, tuple | None]:
    """``infer_node``, and a record of what it did that ``infer`` can replay for a copy of ``node`` in another
    graph (the front-end infers its nodes eagerly while walking, then each model's graph again: see
    ``_replayed``).  None for a node without a span (its findings would be placed at the graph's line)."""
    diagnostics, lost, internal = len(inference.diagnostics), len(inference.lost), inference.internal_errors
    result = infer_node(inference, node)
    if node.span is None:
        return result, None
    made = [(d.severity, d.kind, d.message) for d in inference.diagnostics[diagnostics:]] \
        if len(inference.diagnostics) > diagnostics else ()
    reasons = [g.reason for g in inference.lost[lost:]] if len(inference.lost) > lost else ()
    args = node.args
    return result, (args, tuple(args), tuple(args.values()), node.type, node.label, node.span, result, made,
                    reasons, inference.internal_errors - internal)


def _replayed(inference: Inference, node: LayerNode, inputs: list, record: tuple, replayed: set[int]) \
        -> LayerResult | None:
    """The recorded result of ``node`` (its findings and gaps made again for this graph), or None when anything
    ``infer_node`` reads may differ from when it was recorded: its arguments (the same dict, holding the same
    objects), type, label or span; its inputs (``inputs``: as the copy was made; each one's result replayed in
    this walk, so the input shapes are the very ones the record saw)."""
    args, keys, values, type_, label, span, result, diagnostics, reasons, internal = record
    if node.inputs != inputs or any(ref[0] not in replayed for ref in inputs) or node.args is not args \
            or node.type != type_ or node.label != label or node.span is not span or len(args) != len(keys) \
            or tuple(args) != keys or not all(map(operator.is_, args.values(), values)):
        return None
    graph = inference.graph
    for severity, kind, message in diagnostics:
        inference.diagnostics.append(diagnostic_at(graph, node, severity, kind, message))
    for reason in reasons:
        inference.lost.append(_gap(graph, node, reason))
    inference.internal_errors += internal
    return LayerResult(node, result.status, None if result.input_shapes is None else list(result.input_shapes),
                       None if result.outputs is None else list(result.outputs), result.problem, result.note)


def _each_option(rule, call: LayerCall, input_shapes: list):
    """A layer given arguments that are each one of a few values (``padding="same" if n < 60 else "valid"``):
    its rule on every combination.  A finding only when every combination fails (then the first one's); else the
    outputs of those that build, an axis on which they differ a size of its own (``T - 6 | T``) and different
    ranks unknown: which one Keras meets depends on the run-time condition, so a failure of only some is not a
    finding."""
    choices = {name: value.options for name, value in call.args.items() if type(value) is OneOf}
    combinations = [{}]
    for name, options in choices.items():
        combinations = [{**chosen, name: option} for chosen in combinations for option in options]
        if len(combinations) > MAX_OPTIONS:
            raise Unresolved(name)
    outputs, failures = [], []
    for chosen in combinations:
        each = LayerCall(call.type, {**call.args, **chosen}, call.label)
        each.upstream = call.upstream
        try:
            output = rule.fn(each, input_shapes)
        except ShapeProblem as problem:
            if problem.severity == "error" or problem.output is None:
                failures.append(problem)
                continue
            output = problem.output  # a warning that holds for only some values is not a finding either
        except Unresolved:
            raise Unresolved(next(iter(choices))) from None
        outputs.append(output if isinstance(output, list) else [output])
    if not outputs:
        if all(f.severity == failures[0].severity for f in failures):
            raise failures[0]
        raise Unresolved(next(iter(choices)))
    if any(len(o) != len(outputs[0]) or any(len(a) != len(b) for a, b in zip(o, outputs[0])) for o in outputs):
        raise Unresolved(next(iter(choices)))
    joined = [tuple(_either_dim([shape[axis] for shape in shapes]) for axis in range(len(shapes[0])))
              for shapes in zip(*outputs)]
    return joined


def _either_dim(sizes: list):
    first = sizes[0]
    if all(size == first and type(size) is type(first) for size in sizes):
        return first
    if any(size is None for size in sizes):
        return None
    names = []
    for size in sizes:
        if format_dim(size) not in names:
            names.append(format_dim(size))
    return Symbol(" | ".join(names))


def provisional_result(inference: Inference, result: LayerResult) -> LayerResult:
    """For a node whose result is an error, or skipped after one: a result as if the error were fixed in the
    least telling way, on the provisional results already in ``inference`` (one per earlier node).  A merge of
    inputs of one rank keeps each axis on which they agree and leaves the others unknown (a Concatenate's axis
    is their sum when every size is known); any other error leaves the output unknown; a skipped node is
    inferred on its provisional inputs.  Never a finding: the walk only reads shapes from it."""
    node = result.node
    if result.status == "skipped":
        result = infer_node(inference, node)
        if result.status != "error":
            return result
    shapes = result.input_shapes or [inference.shape_of(ref) for ref in node.inputs]
    type_ = canonical_type(node.type)
    rule = RULES.get(type_)
    if rule is None or not rule.multi_input or len(shapes) < 2 or any(s is None for s in shapes) \
            or len({len(s) for s in shapes}) != 1:
        return LayerResult(node, "unknown", note="after an error")
    joined = [dims[0] if all(d == dims[0] for d in dims) else None for dims in zip(*shapes)]
    axis = node.args.get("axis", -1) if type_ == "Concatenate" else None
    if isinstance(axis, int) and not isinstance(axis, bool) and -len(joined) <= axis < len(joined):
        sizes = [s[axis] for s in shapes]
        joined[axis] = sum(sizes) if all(isinstance(d, int) for d in sizes) else None
    return LayerResult(node, "ok", list(shapes), [tuple(joined)], note="provisional, after an error")


def infer_node(inference: Inference, node: LayerNode) -> LayerResult:
    graph = inference.graph
    results = inference.results
    input_shapes = []
    for ref in node.inputs:  # each input's shape (Inference.shape_of, inlined: every node of every walk asks)
        result = results[ref[0]]
        if result.status in ("error", "skipped"):
            return LayerResult(node, "skipped", None, None, None, "after an error")  # (by position: note)
        outputs = result.outputs
        input_shapes.append(None if outputs is None or ref[1] >= len(outputs) else outputs[ref[1]])
    type_ = canonical_type(node.type)
    rule = RULES.get(type_)
    if None in input_shapes or (not node.inputs and node.type not in ("InputLayer", "Constant", "<opaque>")):
        if type_ == "<opaque>" or rule is None:  # not followed either: a gap of its own, after an earlier one
            inference.lost.append(_gap(graph, node, _not_followed(node, rule is None and type_ != "<opaque>")))
        return LayerResult(node, "unknown", None, None, None, "input shape unknown")  # (by position: note)
    if type_ == "<opaque>":
        inference.diagnostics.append(diagnostic_at(
            graph, node, "info", UNKNOWN_LAYER, f"{node.written_type}: shapes after it are not checked"))
        inference.lost.append(_gap(graph, node, _not_followed(node, False)))
        return LayerResult(node, "unknown", input_shapes, note=node.written_type)
    if rule is None:
        from .rules import opaque_message

        opaque = opaque_message(node.type, node.label)  # a Keras layer whose shapes come from user code
        inference.diagnostics.append(diagnostic_at(
            graph, node, "info", UNKNOWN_LAYER,
            opaque or f"{node.label} is not a layer shapedoctor knows; shapes after it are not checked"))
        inference.lost.append(_gap(graph, node, _not_followed(node, True)))
        return LayerResult(node, "unknown", input_shapes, note="unknown layer")
    args = node.args
    unrecognized = args.get(UNRECOGNIZED_KEYWORDS)
    if unrecognized is not None:  # Keras raises at the constructor; the layer is still checked without them
        args = {k: v for k, v in args.items() if k != UNRECOGNIZED_KEYWORDS}
        inference.diagnostics.append(diagnostic_at(graph, node, "error", INVALID_ARGUMENT,
                                                   unrecognized_message(node.label, unrecognized)))
    removed = args.get(REMOVED_SPELLING)
    if removed is not None:  # Keras 3 fails at the import; the layer meant is still checked
        args = {k: v for k, v in args.items() if k != REMOVED_SPELLING}
        inference.diagnostics.append(diagnostic_at(graph, node, "error", INVALID_ARGUMENT, removed))
    splats = args.get(UNKNOWN_KEYWORDS)
    if splats is not None:
        args = {k: v for k, v in args.items() if k != UNKNOWN_KEYWORDS}
    call = LayerCall(type_, args, node.label)
    call.upstream = functools.partial(upstream_types, graph, node)
    try:
        if splats is not None:  # Conv2D(8, 3, **settings): strides= or padding= may be in it
            raise Unresolved(f"`{splats}`")
        if not rule.multi_input and len(input_shapes) != 1 and type_ not in ("InputLayer", "Constant"):
            raise Unresolved("inputs")
        listed = None
        if node.list_input and not rule.multi_input and type_ not in _TAKES_A_LIST and not type_.startswith("ops."):
            # Keras 3 passes the list itself to the layer (`Model(outputs=[x]).output` is a list too)
            listed = ShapeProblem(INVALID_ARGUMENT, f"{node.label} is called on a list of {len(input_shapes)} "
                                                    f"tensor{'s' * (len(input_shapes) != 1)}{LIST_INPUT}")
            if len(input_shapes) != 1:
                raise listed
        output = rule.fn(call, input_shapes) if OneOf not in map(type, node.args.values()) \
            else _each_option(rule, call, input_shapes)
        if listed is not None:
            # a list of one tensor: reported, and the layers after it checked on that tensor, as they will be
            # once it is passed itself (a repair that reaches this layer must still be checked beyond it)
            inference.diagnostics.append(diagnostic_at(graph, node, "error", listed.kind, listed.message))
            outputs = output if isinstance(output, list) else [output]
            return LayerResult(node, "ok", input_shapes, [tuple(s) for s in outputs], problem=listed)
    except Unresolved as exc:
        what = str(exc) or "an argument"
        what = next((f"`{text}`" for name, text in node.written_factors.get(UNFOLDED_OPERANDS, ()) if name == what),
                    what)
        inference.diagnostics.append(diagnostic_at(
            graph, node, "info", UNKNOWN_LAYER,
            f"{node.label}: the value of {what} could not be determined statically; "
            f"shapes after it are not checked"))
        inference.lost.append(_gap(graph, node, f"`{node.label}`: the value of {what} could not be determined "
                                                f"statically"))
        return LayerResult(node, "unknown", input_shapes, note=f"{what} unknown")
    except ShapeProblem as problem:
        # kept in the result: its traceback (this frame, holding the inference) would make them a reference cycle
        problem.__traceback__ = None
        diagnostic = diagnostic_at(graph, node, problem.severity, problem.kind, problem.message)
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
        reason = (f"`{node.label}`: internal error in shapedoctor's shape rule ({type(exc).__name__}); "
                  f"please report it")
        inference.diagnostics.append(diagnostic_at(graph, node, "info", INTERNAL_ERROR,
                                                 f"{reason}; shapes after it are not checked"))
        inference.lost.append(_gap(graph, node, reason))
        inference.internal_errors += 1
        return LayerResult(node, "unknown", input_shapes, note="rule failed")
    outputs = output if isinstance(output, list) else [output]
    return LayerResult(node, "ok", input_shapes, [tuple(s) for s in outputs])


def _not_followed(node: LayerNode, no_rule: bool) -> str:
    if node.type == "<opaque>":
        return node.written_type or "a construct shapedoctor cannot follow"
    if no_rule:
        from .rules import opaque_reason

        reason = opaque_reason(node.type)
        return f"`{node.label}`: {reason}" if reason else f"`{node.label}` is not a layer shapedoctor knows"
    return f"`{node.label}` is not followed"


# Layers whose weights do not depend on the input's feature size: sharing them across sizes is fine.
# An Embedding's weights depend on its vocabulary, not its input; lookups, hashing and image preprocessing
# hold no per-feature weights (one StringLookup is applied to (batch, 1) and (batch, 3) ids alike).
_SIZE_FREE = WEIGHTLESS | {"Embedding", "StringLookup", "IntegerLookup", "Hashing", "HashedCrossing",
                           "CategoryEncoding", "Discretization", "TextVectorization", "Rescaling", "Resizing",
                           "CenterCrop", "RandomCrop"} | set(IMAGE_PREPROCESSING_SAME_SHAPE)


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
        diagnostic = diagnostic_at(inference.graph, node, "error", SHARED_LAYER_MISMATCH, problem.message)
        if node.call_span is not None:  # Keras raises at this call, not where the layer was constructed
            span = node.call_span
            diagnostic = replace(diagnostic, line=span.line, col=span.col, end_line=span.end_line, end_col=span.end_col)
        inference.diagnostics.append(diagnostic)
        return LayerResult(node, "error", result.input_shapes, problem=problem)
    return result


# The test suite sets this so a crashing rule fails loudly instead of degrading.
_STRICT = False


# layers whose call takes a list as it is: a Lambda's function receives it, Keras' own ops and inputs are not called
_TAKES_A_LIST = {"Lambda", "InputLayer", "Constant", "<opaque>"}


def diagnostic_at(graph: ModelGraph, node: LayerNode, severity: str, kind, message: str) -> Diagnostic:
    """A finding at ``node``'s constructor call (the model's line when it has none)."""
    span = node.span
    line, col, end_line, end_col = (span.line, span.col, span.end_line, span.end_col) if span else (graph.line, 0,
                                                                                                  graph.line, 0)
    return Diagnostic(kind=kind, message=message, severity=severity, line=line, col=col, end_line=end_line,
                      end_col=end_col, model=graph.name, layer=node.label, node=node.index)
