"""Python source -> model graphs, with stdlib ``ast`` only. User code is never executed.

One walk over the statements of each scope (module, then each function body with its
default arguments bound), handlers per node type as in pyflakes.  Values bound to names
are folded constants, numpy array shapes, layer objects, tensors of the scope's
functional graph, or models under construction (see ``values.py``).  Anything that
cannot be folded becomes a symbol or ``UNKNOWN``: never a guess.
"""

from __future__ import annotations

import ast
import bisect
import dataclasses
import functools
import itertools
import math
import operator
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..graph import (INPUT_SHAPE_KWARGS, NAMED_FIRST_AXIS, POSITIONAL_STRIDES, REMOVED_SPELLING, UNFOLDED_OPERANDS,
                     UNKNOWN, UNKNOWN_KEYWORDS, UNRECOGNIZED_KEYWORDS, AutoNamer, DataDim, LayerNode, ModelGraph,
                     Respelling, SkippedModel, Span, WrittenInt, data_of_dims, input_args_from_layer_kwargs)
from ..rules import RULES, LayerCall, ShapeProblem, canonical_type, map_arguments
from . import chunks
from .imports import ABSENT, is_foreign, module_path, origin_of, read_foreign_module, runs_on_import
from ..shapes import Symbol, value_class
from .folding import (EXPAND, ELEMENTWISE_OPS, MAX_INT_BITS, MAX_ITEMS, SQUEEZE, STR_METHODS, binop, bounded,
                      index_array, is_plain, lambda_body, merge_uncertain, one_of, reshape_array, string_method,
                      unpack)
from ..rules.applications import APPS as APPLICATION_TYPES, PREPROCESS_FUNCTIONS
from ..rules.keras_hub import KERAS_HUB_LAYERS
from ..rules.inventory import KERAS_LAYER_BASES, KERAS_LAYER_NAMES
from ..rules.validation import ACTIVATIONS
from ..rules.base import ALIASES, ConstTensor, DataShape, TensorArg, _front_end_value
from ..rules.core import LambdaBody
from ..rules.keywords import KERAS_MODULE_NAMES, KERAS_MODULES
from ..rules.keywords_message import (accepted_keywords, removed_backend_message, removed_from_backend,
                                       removed_merge_message)
from ..rules.ops import OPERATORS, resolve_op
from ..rules.recurrent import bidirectional_output_count
from .symbolic import MAX_RANK, build_score, settle_symbolic_inputs
from .tuner import (HyperParameters, hypermodel_of_tuner, hyperparameter, is_hyperparameters_class,
                    tuner_hyperparameters)
from ..infer import Inference, infer, infer_node_recorded, provisional_result
from .values import (ArrayShape, ArrayValue, ClassValue, FunctionalModel, FunctionValue, Instance, KerasName,
                     LayerObject, Module, NumpyName, Opaque, SequentialModel, SymbolicShape, TensorRef, UnknownNumber,
                     UNDECLARED, UnknownSequence, WeightValue)

# Layers made by packages built on tf.keras 2 (tf_keras): a Keras 3 model refuses them ("Only instances of
# `keras.Layer` can be added to a Sequential model"; called on a Keras 3 Input, a TypeError)
_TF_KERAS_2_LAYERS = {
    "tensorflow_hub.KerasLayer": "`hub.KerasLayer` is a tf.keras 2 (tf_keras) layer, which a Keras 3 model cannot "
                                 "hold (Only instances of keras.Layer can be added); keras_hub's models, or "
                                 "TF_USE_LEGACY_KERAS=1 with tf_keras, run it",
}
_KERAS_MODULES = frozenset(KERAS_MODULES)


@functools.lru_cache(maxsize=None)
def _keras_module_names(module: str) -> frozenset[str]:
    return frozenset(KERAS_MODULE_NAMES.get(module, ()))


PROBE_ITERATIONS = 4  # a longer loop that built nothing in as many iterations is walked once more, not unrolled
# ... or in as few as these, when they walked more statements than CHEAP_PASS_STATEMENTS each: a training or data
# loop's body is long (and nested loops multiply the passes), while a short loop computing a value (`break` when a
# size fits) keeps being unrolled to the end of the probe
EARLY_PROBE_ITERATIONS = 2
CHEAP_PASS_STATEMENTS = 4
MAX_UNROLL = 1024  # `for layer in base.layers` of a 1,000-layer backbone; MAX_STATEMENTS bounds the total
_UNPARSED: dict = {}  # node -> its source text; a function body walked for every call unparses the same nodes


# A spelled name's op: the registries resolve_op reads are complete once it has run, and its specs are frozen.
_resolved_op = functools.lru_cache(maxsize=4096)(resolve_op)


def _unparse(node: ast.AST) -> str:
    text = _UNPARSED.get(node)
    if text is None:
        text = _UNPARSED[node] = ast.unparse(node)
    return text


# Layers that keep any input's shape and accept any rank: skipping them cannot change a verdict.
SHAPE_NEUTRAL = {"Dropout", "Activation", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ReLU", "LeakyReLU",
                 "ELU", "ActivityRegularization", "Identity"}

_MODEL_CLASSES = {"Sequential": "sequential", "Model": "functional", "Functional": "functional"}
_INPUT_FUNCTIONS = {"Input"}
# keras.config / keras.backend getters at Keras' defaults (~/.keras/keras.json unchanged)
_CONFIG_DEFAULTS = {"image_data_format": "channels_last", "floatx": "float32", "epsilon": 1e-7}
# Keras 1's merge(tensors, mode=...): the merge layer each mode meant, and Keras 3's function for it
_KERAS1_MERGE_MODES = {"sum": ("Add", "add"), "mul": ("Multiply", "multiply"), "concat": ("Concatenate", "concatenate"),
                       "ave": ("Average", "average"), "max": ("Maximum", "maximum"), "dot": ("Dot", "dot"),
                       "cos": ("Dot", "dot")}
# keras.layers.concatenate(...) and friends: functional forms of the merge layers.
_FUNCTIONAL_MERGES = {"add": "Add", "subtract": "Subtract", "multiply": "Multiply", "average": "Average",
                      "maximum": "Maximum", "minimum": "Minimum", "concatenate": "Concatenate", "dot": "Dot"}
_NUMPY_CREATORS = {"zeros", "ones", "empty", "full", "rand", "randn", "random", "random_sample", "normal",
                   "uniform", "randint", "standard_normal", "zeros_like", "ones_like"}


_MISSING = object()  # no such attribute (None and UNKNOWN are values)


def _shown_path(path: str, checked: str) -> str:
    """An imported module's path as messages show it: relative to the checked file's directory."""
    try:
        return os.path.relpath(path, os.path.dirname(os.path.abspath(checked)))
    except ValueError:  # another drive
        return path


def span_of(node: ast.AST) -> Span:
    span = _SPANS.get(node)
    if span is None:
        if is_foreign(node):  # code of an imported module: the place in this file that reached it
            site = _FOREIGN_SITES[-1] if _FOREIGN_SITES else Span(node.lineno, node.col_offset, node.end_lineno,
                                                                  node.end_col_offset, foreign=True)
            origin = origin_of(node)
            return dataclasses.replace(site, origin=origin) if origin else site
        span = _SPANS[node] = Span(node.lineno, node.col_offset, node.end_lineno or node.lineno,
                                   node.end_col_offset or 0)
    return span


# The call in the checked file through which an imported module's code is being walked (innermost last; only the
# outermost is pushed): what a layer made there is shown at.
_FOREIGN_SITES: list[Span] = []


_SPANS: dict = {}  # node -> its Span (frozen, so shared): a function body walked per call asks for the same nodes'


class FunctionalBuilder:
    """The functional graph of one scope: every layer call on a tensor becomes a node."""

    def __init__(self) -> None:
        self.nodes: list[LayerNode] = []
        self.used: set[int] = set()
        # a custom layer whose call() returns several tensors (output, attention weights): the node that stands
        # for the layer -> all of them, what `model.get_layer(name).output` gives
        self.layer_outputs: dict[int, tuple] = {}
        self._eager = None  # shapes computed on demand while walking (``x.shape[-1]``)
        self._records: list = []  # per node of _eager: what inferring it did, replayed by ``infer`` (subgraph)
        self._lenient = None  # per node: its _eager result, or past an error its provisional one
        self.shapes_read = False  # code read a tensor's shape (x.shape[1]): what it built may depend on it

    def outputs_of(self, ref: TensorRef) -> int | None:
        """How many outputs the node of ``ref`` has (an op such as ``split`` gives several)."""
        self.shape_of(ref)
        result = self._eager.results[ref.node]
        return len(result.outputs) if result.outputs else None

    def shape_of(self, ref: TensorRef):
        """The shape of a tensor as far as the graph built so far tells; None when unknown."""
        if self._eager is None:
            self._eager = Inference(ModelGraph(name="<walk>", kind="functional", line=1, nodes=self.nodes))
        eager = self._eager
        while len(eager.results) <= ref.node:
            result, record = infer_node_recorded(eager, self.nodes[len(eager.results)])
            eager.results.append(result)
            self._records.append(record)
        eager.diagnostics.clear()
        shape = eager.shape_of((ref.node, ref.output))
        if shape is None and eager.results[ref.node].status in ("error", "skipped"):
            return self._provisional_shape(ref)
        return shape

    def _provisional_shape(self, ref: TensorRef):
        """The shape a tensor after an error would have were the error fixed in the least telling way (see
        ``infer.provisional_result``): the walk reads it where code asks (``if inp.shape[1] != filters``), so
        that the model past the error is built as it is written, not lost in an opaque step, and a repair can be
        checked beyond the error.  Findings never come from it: the model's own inference stops at the error."""
        if self._lenient is None:
            self._lenient = Inference(self._eager.graph)
        lenient, strict = self._lenient, self._eager.results
        while len(lenient.results) <= ref.node:
            result = strict[len(lenient.results)]
            if result.status in ("error", "skipped"):
                result = provisional_result(lenient, result)
            lenient.results.append(result)
        lenient.diagnostics.clear()
        lenient.lost.clear()
        return lenient.shape_of((ref.node, ref.output))

    def add(self, type_: str, args: dict, inputs: list[TensorRef], span: Span | None, name: str,
            written_type: str, list_input: bool, key: str | None, factors: dict | None = None) -> LayerNode:
        # LayerNode's fields by position (path "", call_span None): making an object by a call that names fields
        # costs ~1 us more in CPython 3.11 (the keywords go through a dict), and a keras-io check makes ~40,000
        # nodes here and in their copies (LayerNode.renumbered); the commonest other objects are made so too
        node = LayerNode(len(self.nodes), type_, args, [(ref.node, ref.output) for ref in inputs], span, name,
                         written_type, list_input, key, "", None, factors or {})
        if len(inputs) == 1 and not list_input and self.nodes[inputs[0].node].type == "InputLayer":
            self._settle_rank_for(node, self.nodes[inputs[0].node])
        self.nodes.append(node)
        FunctionalBuilder.added += 1
        return node

    def _settle_rank_for(self, node: LayerNode, source: LayerNode) -> None:
        """``Input(shape=input_shape)`` of a rank not known yet, first consumed by a layer that takes exactly one
        rank (a Conv1D: (batch, steps, channels)): the rank is settled now, as ``settle_symbolic_inputs`` would
        settle it from the whole model, so that code reading shapes while the model is built (``x.shape[1:]``
        before a Flatten, for the decoder's Reshape) reads named sizes, not unknowns."""
        if source.type != "InputLayer":
            return
        key = next((k for k in ("shape", "batch_shape") if isinstance(source.args.get(k), SymbolicShape)), None)
        rule_ = RULES.get(canonical_type(node.type))
        if key is None or rule_ is None or rule_.multi_input:
            return
        symbolic = source.args[key]
        fitting = []
        for rank in range(1, MAX_RANK + 1):
            dims = symbolic.dims(rank)
            shape = dims if key == "batch_shape" else (None, *dims)
            try:
                rule_.fn(LayerCall(canonical_type(node.type), node.args, node.label), [shape])
            except ShapeProblem as problem:
                if problem.severity != "error":
                    fitting.append(dims)
                continue
            except Exception:  # Unresolved, or a rule that cannot tell yet: the whole model settles it later
                return
            fitting.append(dims)
        if len(fitting) == 1:
            source.args = {**source.args, key: fitting[0]}
            if self._eager is not None and len(self._eager.results) > source.index:
                del self._eager.results[source.index:]  # inferred while its rank was unknown
                del self._records[source.index:]
                self._lenient = None

    added = 0  # nodes added by every builder: a loop that adds none while it runs is no model code

    def subgraph(self, name: str, line: int, outputs: list[TensorRef], inputs: list[TensorRef] = ()) -> ModelGraph:
        """The nodes the outputs depend on, renumbered, as a functional ModelGraph; ``inputs``: the model's
        declared inputs, part of it even when no output depends on them (an Input only a loss reads)."""
        needed: set[int] = set()
        stack = [ref.node for ref in outputs] + [ref.node for ref in inputs]
        while stack:
            i = stack.pop()
            if i in needed:
                continue
            needed.add(i)
            stack.extend(ref[0] for ref in self.nodes[i].inputs)
        self.used |= needed
        order = sorted(needed)
        renumber = {old: new for new, old in enumerate(order)}
        graph = ModelGraph(name=name, kind="functional", line=line, shapes_read=self.shapes_read)
        records, replay = self._records, {}
        for old in order:
            n = self.nodes[old]
            copy = n.renumbered(renumber[old], [(renumber[r[0]], r[1]) for r in n.inputs])
            graph.nodes.append(copy)
            if old < len(records) and records[old] is not None:
                replay[id(copy)] = (copy, list(copy.inputs), records[old])
        if replay:  # the walk inferred these nodes already: ``infer`` reuses what did not change since
            graph.replay = replay
        graph.outputs = [(renumber[ref.node], ref.output) for ref in outputs]
        return graph


@dataclass
class Scope:
    name: str
    bindings: dict = field(default_factory=dict)
    builder: FunctionalBuilder = field(default_factory=FunctionalBuilder)
    models: list = field(default_factory=list)  # Sequential/Functional/Instance models, in creation order
    returned: list = field(default_factory=list)  # values of `return` statements
    parent: "Scope | None" = None
    uncertain: int = 0  # > 0 inside a branch or loop body that may not run (a `return` there may not happen)
    declared: dict | None = None  # names declared global / nonlocal -> the scope they live in
    lambdas: dict | None = None  # names bound to a lambda -> (its node, the scope it was written in)

    def lookup(self, name: str):
        scope: Scope | None = self
        while scope is not None:
            if name in scope.bindings:
                return scope.bindings[name]
            scope = scope.parent
        return UNKNOWN

    def inner(self, name: str, parent: "Scope") -> "Scope":
        """The scope of a function inlined from this one: it builds into the same graph and model list."""
        # by position (name, bindings, builder, models, returned, parent): see FunctionalBuilder.add
        return Scope(name, {}, self.builder, self.models, [], parent)


class _Returned(Exception):
    """A `return` that certainly runs: the rest of the function body is not walked."""


class _LoopExit(Exception):
    """A ``break`` (``_Broke``) or ``continue`` that certainly runs in a loop being unrolled: the rest of the pass
    is not walked, nor, after a break, the passes left."""


class _Broke(_LoopExit):
    pass


# Following user code: how deep calls are inlined, and how many statements a file may cost in all.
MAX_CALL_DEPTH = 12
MAX_RECURSION = 6  # a function's own calls inside it followed this deep (a recursion that does not end stops here)
MAX_STATEMENTS = 50_000  # a sweep over thousands of settings: ~1.5 s of CPU, the first settings checked
MAX_IMPORTED_MODULES = 32  # project modules read for one file


class _Handlers(dict):
    """node type -> the SourceFrontend method that handles it (``_expr_Call`` for ``ast.Call``), else the one for
    what is not modelled; filled on first use, so a lookup is a plain dict hit (every node of a walk does one)."""

    def __init__(self, prefix: str, fallback: str) -> None:
        super().__init__()
        self.prefix, self.fallback = prefix, fallback

    def __missing__(self, node_type: type):
        handler = getattr(SourceFrontend, self.prefix + node_type.__name__, None) or getattr(SourceFrontend,
                                                                                            self.fallback)
        self[node_type] = handler
        return handler


_EXPR_HANDLERS = _Handlers("_expr_", "_unmodelled_expression")
_STMT_HANDLERS = _Handlers("_stmt_", "_unknown_statement")


class SourceFrontend:
    def __init__(self, text: str, path: str = "<string>") -> None:
        self.text = text
        self.path = path
        self.namer = AutoNamer()
        self._keys = itertools.count()
        self.graphs: list[ModelGraph] = []
        self.skipped_models: list[SkippedModel] = []
        self._call_stack: list = []  # function nodes being inlined (recursion guard)
        self._followed: set[int] = set()  # id() of function/class nodes walked at least once
        self._built_instances: list[Instance] = []  # user layers whose build(input_shape) ran, in order
        self._builds_deferred = 0  # calls of a user layer whose build(input_shape) waited for a known shape
        self._statements = 0
        self._plain_instances: dict[int, Instance] = {}  # a plain class's node -> the last object made of it
        self._tuned: dict[int, dict] = {}  # id of a model a KerasTuner build made -> the hyperparameters it read
        # line -> (col, end_col, message): each import of a module Keras 2 had and Keras 3 does not
        self.removed_imports: dict[int, tuple[int, int, str]] = {}
        self._application_tensors: dict[str, tuple] = {}
        self._application_models: dict[str, Any] = {}
        self._constructed: dict[int, Any] = {}  # constructor line -> the model made there (first one)
        self._lambda_callees: dict = {}  # Lambda(fn) constructor span -> (fn, scope it was written in)
        self._saved_models: dict[str, Any] = {}  # model.save("m.keras") in this file: the path -> that model
        # compile(opt, loss, ["accuracy"]), Model(input=x, output=y): the model's line -> its calls spelled for an
        # older Keras (ModelGraph.respellings)
        self._respellings: dict[int, list[Respelling]] = {}
        # Input shapes of unknown rank -> the rank a first walk of the file settled them to (a second walk)
        self._rank_hints: dict[SymbolicShape, int] = {}
        self._settled_ranks: dict[SymbolicShape, int | None] = {}  # what this walk's models settled them to
        self._class_bodies: dict[int, dict] = {}  # id of a class -> what its body assigns (class attributes)
        self._layer_names: dict[str, str] = {}  # a layer object's key -> the name its first call gave it
        self._layer_objects = 0
        self._sequential_adds = 0  # model.add(layer) calls walked: model code, though no graph node is made yet
        self._constructor_calls: set[int] = set()  # every model constructor call's line, reached or not
        self._unrolled_loops: set[tuple[int, int]] = set()  # (first, last line) of each loop walked per item
        self._imported: dict[str, Scope | None] = {}  # path of a project module imported -> its names (None: being read)
        self.dependencies: dict[str, str] = {}  # path of each project module read -> SHA-256 of its bytes
        self._importers: list[str] = []  # the project modules being read, innermost last
        # keras.config.set_image_data_format("channels_first") (keras.json): the data_format of layers that give none
        self._image_data_format = "channels_last"
        # os.environ as the file sets it; a variable it never sets reads as unset (its default), as Keras' own
        # settings are read at their defaults (~/.keras/keras.json unchanged)
        self._environment: dict[str, Any] = {}
        self._defining_scopes: dict[int, Scope] = {}  # id -> a scope a function or class was defined in
        # id(scope) -> functions and classes a later `def`/`class` of the same name replaced there (a tutorial's
        # second `def build_model(hp)`): the first one still ran where it was passed (a tuner's hypermodel)
        self._shadowed: dict[int, list] = {}
        self._layer_calls = 0  # depth of custom layers' call() bodies being walked (backend tensors there)
        self._uncertain = 0  # branches and loop bodies that may not run the walk is inside, in every scope
        self._sequential_tensors_made: dict[int, tuple] = {}  # id of a Sequential -> (its items, its tensors)
        self._branches = 0  # branches the walk is inside whose condition it decided (`if model is None:`)
        self._unrolling: list[tuple[Scope, int]] = []  # loops being unrolled: (scope, its `uncertain` there)
        self._guarded = 0  # try: bodies with handlers the walk is inside
        self._unknown_splats: set[int] = set()  # id of each call given **cfg that did not fold
        self._loop_items: set[int] = set()  # Symbol.binding of each loop target bound to an item of unknown data

    # ------------------------------------------------------------------ entry
    def models(self) -> list[ModelGraph]:
        try:
            graphs = self._models()
            if self._builds_deferred and self._settled_ranks and not self._rank_hints:
                graphs = self._walked_again_with_ranks(graphs)
            return graphs
        finally:
            _forget_file_memos()

    def _walked_again_with_ranks(self, graphs: list[ModelGraph]) -> list[ModelGraph]:
        """``Input(shape=x_train.shape[1:])``: its rank is settled once the models are made, but a user layer's
        ``build(input_shape)`` that met that input while the walk did not know its rank waited, and stayed unbuilt
        (its weights, and what call() computes with them, unknown).  The file is walked once more with each
        such input made at its settled rank from the start; that walk is kept when it follows more and finds
        nothing the first did not (a finding must not rest on the rank chosen)."""
        again = SourceFrontend(self.text, self.path)
        again._rank_hints = {shape: rank for shape, rank in self._settled_ranks.items() if rank is not None}
        if not again._rank_hints:
            return graphs
        second = again._models()
        (score_first, findings_first), (score_second, findings_second) = map(_walk_summary, (graphs, second))
        if score_second <= score_first or findings_second > findings_first:
            return graphs
        self.skipped_models, self.dependencies = again.skipped_models, again.dependencies
        return second

    def _models(self) -> list[ModelGraph]:
        module = Scope("<module>")
        # ast.parse(self.text).body, parsed piece by piece and lazily: a 100,000-line file in ~1/4 of the memory
        candidates = constructor_text_lines(self.text)
        self._run_body(self._noting_constructors(chunks.statements(self.text, filename=self.path), candidates),
                       module)
        self._finish_scope(module)
        self._walk_unfollowed(module)
        graphs = _dedupe(self.graphs)
        for graph in graphs:
            graph.loops = sorted(self._unrolled_loops)
            graph.respellings = tuple(dict.fromkeys(self._respellings.get(graph.line, ())))
            if graph.data_shape is None:
                graph.data_shape, graph.data_origin = _data_the_input_is_written_from(graph)
        for graph in graphs:
            for shape, rank in settle_symbolic_inputs(graph).items():
                if shape.base != UNDECLARED and not shape.base.startswith("inputs"):  # not the walk's own names
                    # one shape settled differently in two models: no rank to walk it at again
                    self._settled_ranks[shape] = rank if self._settled_ranks.get(shape, rank) == rank else None
        graphs += self._sequentials_inside_settled(graphs, module)
        self._say_unreported(graphs)
        self._unlink_definitions()
        return graphs

    def _unlink_definitions(self) -> None:
        """Empty every scope a function or class was defined in, now that the graphs are made and nothing reads a
        scope again: such a scope and its functions point at each other, a reference cycle that would keep the
        whole walk (syntax trees, bindings, builders) for the garbage collector to find."""
        for scope in self._defining_scopes.values():
            scope.bindings.clear()
            scope.models.clear()  # a class's instances point back at its scope as well
        self._defining_scopes.clear()
        self._shadowed.clear()

    def _noting_constructors(self, statements, candidates: set[int]):
        """The module's statements, noting on the way every model constructor call in them (walked or not)."""
        lines = sorted(candidates)
        for statement in statements:
            end = statement.end_lineno or statement.lineno
            first = bisect.bisect_left(lines, _first_line(statement))
            if first < len(lines) and lines[first] <= end:
                self._constructor_calls.update(constructor_calls(statement, candidates))
            yield statement

    def _sequentials_inside_settled(self, graphs: list[ModelGraph], module: Scope) -> list[ModelGraph]:
        """A Sequential with no input shape used inside a model whose input rank was settled only afterwards
        (``keras.Input(shape=x_train.shape[1:])``): checked as a model of its own, on the input its first layer
        gets in the settled model."""
        reported = {g.line for g in graphs}
        late = []
        for line, model in sorted(self._constructed.items()):
            if line in reported or not isinstance(model, SequentialModel) or model.call_shape is not None \
                    or not model.used_inside:
                continue
            items = _flatten_items(model.items)
            first = items[0] if items else None
            if not isinstance(first, LayerObject) or not all(isinstance(i, LayerObject) for i in items):
                continue
            shape = _first_input_shape(graphs, first.key)
            if shape is None:
                continue
            model.call_shape = shape
            # the same layer objects: _sequential_graph gives them the names the model that uses them called them by
            graph = self._sequential_graph(model, module)
            if not graph.unbuildable_reason:
                late.append(graph)
        return late

    def _say_unreported(self, graphs: list[ModelGraph]) -> None:
        """Every model constructor the walk met is a model at its line or a skipped entry, never silence."""
        reported = {g.line for g in graphs} | {s.line for s in self.skipped_models}
        for line, model in sorted(self._constructed.items()):
            if line in reported:
                continue
            if isinstance(model, SequentialModel) and model.call_shape is None:
                why = ("it declares no input shape and is applied only where shapedoctor could not follow a tensor "
                       "into it (inside a layer's call() after an unknown step, or not at all)")
            else:
                why = "what it is applied to could not be followed"
            self.skipped_models.append(SkippedModel(line, f"model not checked: {why}"))
            reported.add(line)
        for line in sorted(self._constructor_calls - reported):
            self.skipped_models.append(SkippedModel(
                line, "model not checked: shapedoctor did not reach this code (a method or lambda it never saw called "
                      "with a tensor, a decorator's arguments, or a loop or comprehension it could not unroll)"))

    def _module_path(self, module: str | None, level: int) -> str | None:
        """``module_path`` from the file being walked (or the project module it is reading); each place looked at
        without a file there is a dependency of the result (a module written there later changes it)."""
        absent: list[str] = []
        path = module_path(module, level, self._importers[-1] if self._importers else self.path, absent)
        for looked_at in absent:
            self.dependencies.setdefault(looked_at, ABSENT)
        return path

    def _project_module(self, module: str | None, level: int, stmt: ast.stmt) -> Scope | None:
        """The names a module of the user's project defines (walked once per file, as Python runs it on import,
        its ``if __name__ == "__main__":`` part left out); None when it is not one, or cannot be read."""
        path = self._module_path(module, level)
        if path is None or path in self._imported:
            return self._imported.get(path) if path is not None else None
        if len(self._imported) >= MAX_IMPORTED_MODULES:
            return None
        self._imported[path] = None  # an import cycle meets None: the names are not known yet
        read = read_foreign_module(path, stmt, _shown_path(path, self.path))
        if read is None:
            return None
        tree, digest = read
        self.dependencies[path] = digest
        names = Scope(f"<module {module or path}>")
        # Models the module builds when imported are its own business, not this file's
        graphs, skipped, constructed = len(self.graphs), len(self.skipped_models), set(self._constructed)
        site = not _FOREIGN_SITES
        if site:
            _FOREIGN_SITES.append(dataclasses.replace(span_of(stmt), foreign=True))
        self._importers.append(path)
        try:
            self._run_body([s for s in tree.body if runs_on_import(s)], names)
        finally:
            self._importers.pop()
            if site:
                _FOREIGN_SITES.pop()
        del self.graphs[graphs:]
        del self.skipped_models[skipped:]
        for line in set(self._constructed) - constructed:
            del self._constructed[line]
        self._imported[path] = names
        return names

    def _walk_unfollowed(self, module: Scope) -> None:
        """Functions and classes nothing in the file called: walked on their own, with symbolic parameters.

        Callers go first, so a helper is followed inside the function that uses it rather than alone.
        """
        shadowed = [v for v in self._shadowed.get(id(module), []) if not is_foreign(v.node)]
        pending = [v for v in [*shadowed, *_definitions(module)] if id(v.node) not in self._followed]
        called = _names_called(pending) if len(pending) > 1 else set()  # only orders them
        for value in sorted(pending, key=lambda v: v.name in called):
            if id(value.node) in self._followed:
                continue
            self._followed.add(id(value.node))
            if isinstance(value, FunctionValue):
                scope = Scope(value.name, parent=value.scope or module)
                self._bind_parameters(value.node, scope)
                self._run_body(value.node.body, scope)
                self._finish_scope(scope)
            elif isinstance(value, ClassValue) and value.kind == "plain":
                self._walk_class_alone(value, module)
        for value in [*shadowed, *_definitions(module)]:
            if isinstance(value, ClassValue) and value.kind == "plain" and _unwalked_methods(value, self._followed):
                # made here, but some methods nothing here called: a keras_tuner HyperModel's build(self, hp),
                # which the tuner calls
                self._walk_class_alone(value, module, made=self._plain_instances.get(id(value.node))
                                       or Instance(value, value.node.lineno))

    def _class_attribute(self, cls: ClassValue, attr: str):
        """``config.patch_size`` with ``class Config: patch_size = 4``: the class body's own assignments (walked
        once, in order, as Python runs them when the class is made), then its user bases'; _MISSING if none."""
        found = self._class_bodies.get(id(cls))
        if found is None:
            scope = Scope(cls.name, parent=cls.scope)
            self._class_bodies[id(cls)] = scope.bindings  # a body reading its own class: not walked again
            self._walk_body([stmt for stmt in cls.node.body if isinstance(stmt, (ast.Assign, ast.AnnAssign,
                                                                                 ast.AugAssign))], scope)
            found = scope.bindings
        if attr in found:
            return found[attr]
        for base in cls.bases:
            inherited = self._class_attribute(base, attr)
            if inherited is not _MISSING:
                return inherited
        return _MISSING

    def _walk_class_alone(self, cls: ClassValue, module: Scope, made: Instance | None = None) -> None:
        """A builder class never instantiated here: ``__init__`` with symbolic arguments, then each method nothing
        called (``build_model(self, input_shape, nb_classes)``); or, for a class ``made`` here, those methods on
        the object made, whose attributes its ``__init__`` set (aeon's classifiers: ``self._network``, made in
        ``__init__``, builds the model in ``build_model``, which only the library's ``fit`` calls)."""
        scope = Scope(cls.name, parent=cls.scope or module)
        instance = made if made is not None else Instance(cls, cls.node.lineno)
        init = cls.method("__init__")
        if init is not None and made is None:
            self._invoke(init[0], scope, [], {}, me=instance, where=cls.node, scope=scope, symbolic=True, cls=init[1])
        for stmt in _unwalked_methods(cls, self._followed):
            self._invoke(stmt, scope, [], {}, me=instance, where=stmt, scope=scope, symbolic=True)
        self._finish_scope(scope)

    def _run_body(self, body: list[ast.stmt], scope: Scope) -> None:
        try:
            self._walk_body(body, scope)
        except _Returned:
            pass

    # -------------------------------------------------------------- statements
    def _walk_body(self, body: list[ast.stmt], scope: Scope) -> None:
        for stmt in body:
            self._statements += 1
            _STMT_HANDLERS[type(stmt)](self, stmt, scope)

    def _unknown_statement(self, stmt: ast.stmt, scope: Scope) -> None:
        """Statements we do not model: evaluate calls inside for their model effects, conservatively."""
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.expr):
                self._fold(child, scope)

    def _note_removed_module(self, module: str, stmt: ast.stmt, names: list[str] = ()) -> None:
        """``from keras.layers.core import Dense``: a module Keras 2 had and Keras 3 does not, so the import raises
        ModuleNotFoundError before any model is made; ``from keras.utils import np_utils`` (``names``): a name the
        Keras 3 module does not have, an ImportError.  Not inside a ``try:`` (the Keras 3 fallback may be in its
        handler), nor in another file of the project (reported there), nor when the project has that module."""
        if not (module == "keras" or module.startswith("keras.")) or module.startswith("keras.src.") \
                or self._guarded or _FOREIGN_SITES or stmt.lineno in self.removed_imports:
            return
        if module in _KERAS_MODULES:
            missing = [name for name in names if name != "*" and f"{module}.{name}" not in _KERAS_MODULES
                       and name not in _keras_module_names(module)]
            if missing and self._module_path(module, 0) is None:
                listed = ", ".join(f"`{name}`" for name in missing)
                self._note_import_error(stmt, f"Keras 3's `{module}` has no {listed} (ImportError: cannot import name)")
            return
        if self._module_path(module, 0) is not None:
            return
        parent = module.rsplit(".", 1)[0]
        while parent not in _KERAS_MODULES:
            parent = parent.rsplit(".", 1)[0]
        where = f"; what it held is in `{parent}`" if parent != "keras" else ""
        self._note_import_error(stmt, f"`{module}` is a Keras 2 module: Keras 3 has no such module "
                                      f"(ModuleNotFoundError){where}")

    def _note_import_error(self, stmt: ast.stmt, message: str) -> None:
        """The finding at ``stmt``: its whole line, or its keyword when it spans several."""
        keyword = "from" if isinstance(stmt, ast.ImportFrom) else "import"
        end_col = stmt.end_col_offset if stmt.end_lineno == stmt.lineno else stmt.col_offset + len(keyword)
        self.removed_imports[stmt.lineno] = (stmt.col_offset, end_col, message)

    def _stmt_Import(self, stmt: ast.Import, scope: Scope) -> None:
        for alias in stmt.names:
            self._note_removed_module(alias.name, stmt)
            if alias.asname or "." not in alias.name:  # import utils / import utils.layers as L
                imported = self._project_module(alias.name, 0, stmt)
                if imported is not None:
                    scope.bindings[alias.asname or alias.name] = _ImportedModule(imported)
                    continue
            if alias.asname:
                scope.bindings[alias.asname] = Module(alias.name)
            else:
                top = alias.name.split(".")[0]
                scope.bindings[top] = Module(top)

    def _stmt_ImportFrom(self, stmt: ast.ImportFrom, scope: Scope) -> None:
        if stmt.module and not stmt.level:
            self._note_removed_module(stmt.module, stmt, [alias.name for alias in stmt.names])
        # `from pkg import backend` of a submodule: read that file, not the package's __init__ first (which may
        # import the whole package: keras-contrib's spent the budget of modules before the layers were read)
        package = self._module_path(stmt.module, stmt.level) if stmt.module is not None else None
        only_submodules = package is not None and os.path.basename(package) == "__init__.py" and all(
            alias.name != "*" and self._module_path(f"{stmt.module}.{alias.name}", stmt.level) is not None
            for alias in stmt.names)
        imported = self._project_module(stmt.module, stmt.level, stmt) if stmt.module and not only_submodules \
            else None
        for alias in stmt.names:
            if alias.name == "*":
                if imported is not None:
                    scope.bindings.update({k: v for k, v in imported.bindings.items() if not k.startswith("_")})
                elif stmt.module and not stmt.level:
                    scope.bindings.update({name: _classify_qualname(f"{stmt.module}.{name}")
                                           for name in _star_names(stmt.module)})
                continue
            value = imported.bindings.get(alias.name, _MISSING) if imported is not None else _MISSING
            if value is _MISSING:  # a submodule (from pkg import mod; from . import blocks)
                submodule = self._project_module(".".join(filter(None, (stmt.module, alias.name))), stmt.level, stmt)
                if submodule is not None:
                    value = _ImportedModule(submodule)
                elif imported is not None or stmt.level:
                    value = UNKNOWN  # a name the project module does not define as shapedoctor reads it
            if value is not _MISSING:
                scope.bindings[alias.asname or alias.name] = value
            elif stmt.module:
                scope.bindings[alias.asname or alias.name] = _classify_qualname(f"{stmt.module}.{alias.name}")

    def _stmt_FunctionDef(self, stmt, scope: Scope) -> None:
        self._define(scope, stmt.name, FunctionValue(stmt.name, stmt, scope))

    def _define(self, scope: Scope, name: str, value) -> None:
        replaced = scope.bindings.get(name)
        if isinstance(replaced, (FunctionValue, ClassValue)) and replaced.node is not value.node:
            self._shadowed.setdefault(id(scope), []).append(replaced)
        scope.bindings[name] = value
        self._defining_scopes[id(scope)] = scope

    _stmt_AsyncFunctionDef = _stmt_FunctionDef

    def _stmt_ClassDef(self, stmt: ast.ClassDef, scope: Scope) -> None:
        bases = [self._fold(b, scope) for b in stmt.bases]
        user_bases = [b for b in bases if isinstance(b, ClassValue)]
        kind = "plain"
        if any(isinstance(b, KerasName) and b.leaf in ("Model", "Functional", "Sequential") for b in bases):
            kind = "model"
        elif any(isinstance(b, KerasName) and b.leaf.lstrip("_")[:1].isupper() for b in bases):
            kind = "layer"  # keras.layers.Layer, or a subclass of a Keras layer class (Keras 2's _Merge too)
        elif user_bases:
            kind = user_bases[0].kind
        keras_base = next((canonical_type(b.leaf) for b in bases if isinstance(b, KerasName)
                           and canonical_type(b.leaf) in RULES and b.leaf not in _ABSTRACT_LAYER_BASES),
                          next((b.keras_base for b in user_bases if b.keras_base), None))
        removed = next((b.leaf for b in bases if isinstance(b, KerasName) and _removed_keras_class(b)),
                       next((b.removed_base for b in user_bases if b.removed_base), ""))
        self._define(scope, stmt.name, ClassValue(stmt.name, stmt, kind, user_bases, scope,
                                                  keras_base if kind == "layer" else None, removed))

    def _stmt_Expr(self, stmt: ast.Expr, scope: Scope) -> None:
        value = stmt.value
        _EXPR_HANDLERS[type(value)](self, value, scope)

    def _stmt_Return(self, stmt: ast.Return, scope: Scope) -> None:
        scope.returned.append(self._fold(stmt.value, scope) if stmt.value is not None else None)
        if not scope.uncertain:
            raise _Returned()

    def _stmt_Assign(self, stmt: ast.Assign, scope: Scope) -> None:
        value = _EXPR_HANDLERS[type(stmt.value)](self, stmt.value, scope)
        for target in stmt.targets:
            self._bind(target, value, scope, stmt.value)

    def _stmt_AnnAssign(self, stmt: ast.AnnAssign, scope: Scope) -> None:
        if stmt.value is not None:
            self._bind(stmt.target, self._fold(stmt.value, scope), scope, stmt.value)

    def _stmt_AugAssign(self, stmt: ast.AugAssign, scope: Scope) -> None:
        if isinstance(stmt.target, ast.Name):
            current = scope.lookup(stmt.target.id)
            if isinstance(current, TensorRef):  # x -= ops.mean(x, ...): the tensor op `x - ...`
                # the two new nodes placed at the statement (as ast.fix_missing_locations would, without its
                # self-referencing closure: a cycle for the garbage collector per call)
                expression = ast.BinOp(ast.copy_location(ast.Name(stmt.target.id, ast.Load()), stmt), stmt.op,
                                       stmt.value)
                ast.copy_location(expression, stmt)
                scope.bindings[stmt.target.id] = self._fold(expression, scope)
                return
            value = binop(stmt.op, current, self._fold(stmt.value, scope))
            value = value if value is not UNKNOWN else Symbol(stmt.target.id, next(_BINDINGS))
            if scope.declared and stmt.target.id in scope.declared:
                self._bind_declared(scope, stmt.target.id, value)
            else:
                scope.bindings[stmt.target.id] = value

    def _stmt_Global(self, stmt: ast.Global, scope: Scope) -> None:
        """``global ROW_AXIS`` in a function: its assignments bind the module's name (a builder's
        ``_handle_dim_ordering()`` setting the axes every helper reads)."""
        module = scope
        while module.parent is not None:
            module = module.parent
        if module is not scope:
            scope.declared = {**(scope.declared or {}), **{name: module for name in stmt.names}}

    def _stmt_Nonlocal(self, stmt: ast.Nonlocal, scope: Scope) -> None:
        """``nonlocal count`` in a nested function: its assignments bind the enclosing function's name."""
        for name in stmt.names:
            outer = scope.parent
            while outer is not None and outer.parent is not None and name not in outer.bindings:
                outer = outer.parent
            if outer is not None and outer.parent is not None:
                scope.declared = {**(scope.declared or {}), name: outer}

    def _bind_declared(self, scope: Scope, name: str, value) -> None:
        """A name declared ``global``/``nonlocal``: bound where it lives; in a branch that may not run, merged with
        what it was (the walk's merge of uncertain branches sees only the function's own names)."""
        home = scope.declared[name]
        if scope.uncertain:
            old = home.bindings.get(name, _MISSING)
            value = merge_uncertain(old, value, name) if old is not _MISSING else UNKNOWN
        home.bindings[name] = value

    def _bind(self, target: ast.expr, value: Any, scope: Scope, source: ast.expr | None = None) -> None:
        if isinstance(target, ast.Name):
            if value is UNKNOWN and source is not None and not isinstance(source, ast.Lambda) \
                    and not self._array_call(source, scope):
                value = Symbol(target.id, next(_BINDINGS))
            kind = type(value)
            if kind is SequentialModel and value.user_name is None:
                value.name = target.id
            elif (kind is FunctionalModel or kind is Instance) and not value.name:
                value.name = target.id
            if scope.declared and target.id in scope.declared:
                self._bind_declared(scope, target.id, value)
            else:
                scope.bindings[target.id] = value
            if isinstance(source, ast.Lambda):
                scope.lambdas = {**(scope.lambdas or {}), target.id: (source, scope)}
            elif scope.lambdas and target.id in scope.lambdas:
                scope.lambdas = {k: v for k, v in scope.lambdas.items() if k != target.id}
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = unpack(value, len(target.elts))
            sources = source.elts if isinstance(source, (ast.Tuple, ast.List)) and \
                len(source.elts) == len(target.elts) else [None] * len(target.elts)
            for elt, item, item_source in zip(target.elts, items, sources):
                self._bind(elt, item, scope, item_source)
        elif isinstance(target, ast.Attribute):
            owner = self._fold(target.value, scope)
            if type(owner) is _Namespace:
                owner.attributes[target.attr] = value if not scope.uncertain else UNKNOWN
            if isinstance(owner, Instance):
                owner.attributes[target.attr] = value
                # self.mlp = keras.Sequential([...]): "mlp", not the name of the method it is made in
                if isinstance(value, SequentialModel) and value.user_name is None or \
                        isinstance(value, (FunctionalModel, Instance)) and not value.name:
                    value.name = target.attr
        elif isinstance(target, ast.Subscript):  # inputs[name] = keras.Input(...): dicts and lists built up
            owner = self._fold(target.value, scope)
            key = self._fold(target.slice, scope)
            if type(owner) is Module and owner.qualname == "os.environ" and isinstance(key, str):
                self._environment[key] = value if is_plain(value) and not scope.uncertain else UNKNOWN
            if isinstance(owner, dict) and is_plain(key) and not isinstance(key, (list, dict)) \
                    and (key in owner or len(owner) < MAX_ITEMS):
                owner[key] = value
            elif isinstance(owner, dict) and isinstance(target.value, ast.Name):
                self._bind(target.value, UNKNOWN, scope)  # a key that does not fold: what the dict holds is unknown
            elif isinstance(owner, list) and isinstance(key, int) and not isinstance(key, bool) \
                    and -len(owner) <= key < len(owner):
                owner[key] = value
        # other attribute targets: nothing we track

    def _array_call(self, source: ast.expr, scope: Scope) -> bool:
        """``freqs = ops.exp(...)``, ``w = np.random.randn(...)``: an array op whose result could not be
        followed is an unknown array, not a size; naming it a (scalar) symbol would broadcast wrongly."""
        if not isinstance(source, ast.Call):
            return False
        root = source.func
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        callee = scope.lookup(root.id)
        qualname = getattr(callee, "qualname", "") or ""
        return isinstance(callee, (Module, KerasName, NumpyName)) and _normal_qualname(qualname + ".").startswith(
            ("keras.", "tensorflow.", "numpy.", "np.", "jax.", "torch."))

    def _stmt_If(self, stmt: ast.If, scope: Scope) -> None:
        test = self._truth(stmt.test, scope)
        if is_plain(test):
            self._branches += 1
            try:
                self._walk_body(stmt.body if test else stmt.orelse, scope)
            finally:
                self._branches -= 1
            return
        self._walk_uncertain([stmt.body, stmt.orelse], scope, "inside an `if` whose condition is only known at "
                                                               "run time", stmt, repeats=False, alternatives=True)

    def _walk_uncertain(self, bodies: list[list[ast.stmt]], scope: Scope, why: str, stmt: ast.stmt,
                        repeats: bool = True, target: ast.expr | None = None, item: Any = UNKNOWN,
                        alternatives: bool = False) -> None:
        """Walk branches that may or may not run (``repeats``: or run many times, a loop's body); models they
        change become opaque from there on.  ``target``: a loop's, bound to ``item`` (what each pass gives it)
        before its body, so that neither the body nor the code after the loop reads the value it had before.
        ``alternatives``: exactly one of ``bodies`` runs (an ``if``'s and its ``else``'s): each starts from the
        names as they were, and a name is after them whichever value one of them leaves it."""
        snapshots = {id(m): len(m.items) for m in scope.models if isinstance(m, SequentialModel)}
        before = dict(scope.bindings)
        first_new_node = len(scope.builder.nodes)
        scope.uncertain += 1
        self._uncertain += 1
        depth, branches = self._uncertain, self._branches
        outcomes = []
        try:
            if target is not None:
                self._bind_loop_target(target, item, scope)
            for position, body in enumerate(bodies):
                if alternatives and position:
                    scope.bindings.clear()
                    scope.bindings.update(before)
                self._walk_body(body, scope)
                outcomes.append(dict(scope.bindings))
        finally:
            scope.uncertain -= 1
            self._uncertain -= 1
        # Layer calls in a body that may run zero or many times are not checked on their own.
        scope.builder.used.update(range(first_new_node, len(scope.builder.nodes)))
        for model in scope.models:
            start = snapshots.get(id(model))
            if start is None and isinstance(model, SequentialModel):
                # made in the body: it exists only if the body runs, and then with the layers the body added (a
                # k-fold loop's model of each fold) -- unless a loop's body made it only on some passes, which
                # the later passes may add to (`if model is None: model = Sequential()`, decided on the pass
                # walked: the first)
                if not repeats or (model.made_uncertain, model.made_in_branches) == (depth, branches):
                    continue
                start = 0
            if isinstance(model, SequentialModel) and len(model.items) != start:
                added = model.items[start:]
                del model.items[start:]
                # Layers that never change a shape nor fail (Dropout...) give the same shapes either way.
                if not all(isinstance(item, LayerObject) and item.type in SHAPE_NEUTRAL for item in added):
                    model.items.append(Opaque(f"layers added {why}", span_of(stmt)))
        if alternatives and len(outcomes) == len(bodies):
            for name in {name for outcome in outcomes for name in outcome}:
                # what each branch leaves the name (the value it had, first), each value once
                values = sorted((o[name] for o in outcomes if name in o), key=lambda v: v is not before.get(name))
                values = [v for i, v in enumerate(values) if all(v is not w for w in values[:i])]
                either = self._either_tensor(name, values, before, scope, stmt, why)
                if either is not None:
                    scope.bindings[name] = either
                    continue
                if any(isinstance(v, TensorRef) for v in values):
                    # a tensor: as a walk of the branches one after the other leaves it (the last one a branch
                    # made, unknown in shape if that differs from what the code had before): an `if` choosing a
                    # projection keeps the model followed
                    changed = [v for v in values if name not in before or v is not before[name]]
                    if not changed:
                        scope.bindings[name] = before[name]
                    elif name not in before:
                        scope.bindings[name] = changed[-1]
                    else:
                        scope.bindings[name] = self._either(before[name], changed[-1], name, scope, stmt, why)
                    continue
                merged = values[0]
                for value in values[1:]:
                    merged = self._either(merged, value, name, scope, stmt, why)
                scope.bindings[name] = merged
            return
        for name, value in scope.bindings.items():
            if before.get(name, None) is not value and name in before:
                scope.bindings[name] = self._either(before[name], value, name, scope, stmt, why)

    def _either_tensor(self, name: str, values: list, before: dict, scope: Scope, stmt: ast.stmt, why: str):
        """The tensor a name holds after an ``if`` that leaves it one of two (``y = Conv1D(32, 1)(x)`` / ``y = x``,
        or ``if pool: x = MaxPooling1D()(x)``): the dims both agree on, and named sizes where they do not (a
        different rank: an opaque step); None when that is not the case."""
        if len(values) != 2 or not all(isinstance(v, TensorRef) for v in values) \
                or values[0].builder is not values[1].builder:
            return None
        shapes = [v.builder.shape_of(v) for v in values]
        if None in shapes or shapes[0] == shapes[1]:
            return None
        if len(shapes[0]) != len(shapes[1]):
            return self._op_node(scope, "<opaque>", {}, values[:1], stmt, f"`{name}`: tensors of different ranks "
                                                                           f"applied {why}")
        shape = tuple(a if a == b else Symbol(f"{name}.shape[{i}]") for i, (a, b) in enumerate(zip(*shapes)))
        return self._op_node(scope, "<declared>", {"shape": shape}, list(values), stmt,
                             f"`{name}` of either branch of the `if` at line {stmt.lineno}")

    def _either(self, old, value, name: str, scope: Scope, stmt: ast.stmt, why: str):
        """The value of ``name`` after code that may have changed it from ``old`` to ``value``."""
        if isinstance(old, TensorRef) and isinstance(value, TensorRef) and old.builder is value.builder:
            before_shape, after_shape = old.builder.shape_of(old), value.builder.shape_of(value)
            if before_shape is not None and before_shape == after_shape:
                return value  # the body keeps the shape: whether it runs or not, the same shape follows
            # The tensor may or may not have gone through the body: same graph, unknown shape.
            return self._op_node(scope, "<opaque>", {}, [old], stmt, f"layers applied {why}")
        merged = merge_uncertain(old, value, name)
        if type(value) is Symbol and value.binding in self._loop_items and type(merged) is Symbol:
            merged = self._loop_item(name)  # still maybe one item of what the loop went through
        return merged

    def _stmt_For(self, stmt: ast.For, scope: Scope) -> None:
        iterable = _iterated(self._fold(stmt.iter, scope))
        if isinstance(iterable, (tuple, list)) and len(iterable) <= MAX_UNROLL and not stmt.orelse \
                and self._statements + len(iterable) <= MAX_STATEMENTS:
            activity = self._activity()
            self._unrolled_loops.add((stmt.lineno, stmt.end_lineno or stmt.lineno))
            self._unrolling.append((scope, scope.uncertain))
            walked_before = self._statements
            try:
                for position, item in enumerate(iterable):
                    if self._probe_ends(position, walked_before) and self._activity() == activity \
                            and not _over_layers(iterable):
                        # a training or data loop: its first iterations built nothing, so the rest is walked once,
                        # as a loop that may run, instead of a thousand times
                        rest = iterable[position:]
                        self._walk_uncertain([stmt.body], scope, "in a loop shapedoctor cannot unroll", stmt,
                                             target=stmt.target, item=one_of(*rest) if len(rest) > 1 else rest[0])
                        if not _breaks(stmt.body):  # every pass ran: the target keeps the last item
                            self._bind(stmt.target, iterable[-1], scope)
                        return
                    self._bind(stmt.target, item, scope)
                    try:
                        self._walk_body(stmt.body, scope)
                    except _Broke:
                        return
                    except _LoopExit:
                        continue
            finally:
                self._unrolling.pop()
            return
        self._walk_uncertain([stmt.body, stmt.orelse], scope, "in a loop shapedoctor cannot unroll", stmt,
                             target=stmt.target)

    def _probe_ends(self, position: int, walked_before: int) -> bool:
        """Whether a loop unrolled ``position`` passes so far, which walked the statements counted since
        ``walked_before``, has been probed long enough to be cut if it built nothing."""
        if position == PROBE_ITERATIONS:
            return True
        return position == EARLY_PROBE_ITERATIONS \
            and self._statements - walked_before > CHEAP_PASS_STATEMENTS * EARLY_PROBE_ITERATIONS

    def _bind_loop_target(self, target: ast.expr, item: Any, scope: Scope) -> None:
        """A loop's target before a body walked as may-run: ``item`` (None: not a value to check with), each
        name of a target that does not fold a symbol of its own, noted as one item of what the loop goes
        through (``for img, label in zip(images, labels)``: ``img.shape`` is one sample's, not the data's)."""
        if item is None or item is UNKNOWN:
            for name in (target,) if type(target) is ast.Name else ast.walk(target):
                if isinstance(name, ast.Name):
                    self._bind(name, self._loop_item(name.id), scope)
            return
        self._bind(target, item, scope)

    def _loop_item(self, name: str) -> Symbol:
        """A symbol for one item of what a loop goes through, named ``name`` (see ``_unknown_attribute``)."""
        symbol = Symbol(name, next(_BINDINGS))
        self._loop_items.add(symbol.binding)
        return symbol

    def _activity(self) -> tuple:
        """What model code changes: graph nodes, layer objects, models."""
        return (FunctionalBuilder.added, self._layer_objects, self._sequential_adds, len(self._constructed),
                len(self.graphs))

    def _stmt_Break(self, stmt: ast.Break, scope: Scope) -> None:
        if self._exits_unrolled_pass(scope):
            raise _Broke()

    def _stmt_Continue(self, stmt: ast.Continue, scope: Scope) -> None:
        if self._exits_unrolled_pass(scope):
            raise _LoopExit()

    def _exits_unrolled_pass(self, scope: Scope) -> bool:
        """Whether a ``break``/``continue`` here certainly leaves the pass of a loop being unrolled: that loop is
        the innermost one walked, in this scope, and no branch since it began may not run.  (In a body walked as
        may-run, the rest is walked as the code that may run after it.)"""
        if not self._unrolling:
            return False
        loop_scope, uncertain = self._unrolling[-1]
        return loop_scope is scope and uncertain == scope.uncertain

    def _stmt_While(self, stmt: ast.While, scope: Scope) -> None:
        self._walk_uncertain([stmt.body, stmt.orelse], scope, "in a `while` loop", stmt)

    def _stmt_With(self, stmt: ast.With, scope: Scope) -> None:
        for item in stmt.items:
            self._fold(item.context_expr, scope)
        self._walk_body(stmt.body, scope)

    def _stmt_Try(self, stmt: ast.Try, scope: Scope) -> None:
        self._guarded += bool(stmt.handlers)
        try:
            self._walk_body(stmt.body, scope)
        finally:
            self._guarded -= bool(stmt.handlers)
        self._walk_body(stmt.finalbody, scope)

    # ------------------------------------------------------------ expressions
    def _fold(self, node: ast.expr, scope: Scope) -> Any:
        # The hottest callers (statements, call arguments, attribute and call bases) make this dispatch themselves:
        # one Python call less per expression of the walk.
        return _EXPR_HANDLERS[type(node)](self, node, scope)

    def _unmodelled_expression(self, node: ast.expr, scope: Scope) -> Any:
        """An expression we do not model: its parts are still evaluated for their model effects."""
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self._fold(child, scope)
        return UNKNOWN

    def _expr_Constant(self, node: ast.Constant, scope: Scope):
        value = node.value  # bounded(value), inlined: a 4,000-digit literal is no size (unknown)
        kind = type(value)
        if kind is int:
            return value if value.bit_length() <= MAX_INT_BITS else UNKNOWN
        if kind is str:
            return value if len(value) <= MAX_ITEMS else UNKNOWN
        return value  # None, bool, float, complex, bytes, Ellipsis: what bounded() gives them

    def _expr_Name(self, node: ast.Name, scope: Scope):
        name = node.id
        while scope is not None:  # Scope.lookup, inlined: the commonest expression of all
            bindings = scope.bindings
            if name in bindings:
                value = bindings[name]
                break
            scope = scope.parent
        else:
            value = UNKNOWN
        if value is UNKNOWN and name in _NAME_CONSTANTS:
            return _NAME_CONSTANTS[name]
        return value

    def _expr_Tuple(self, node: ast.Tuple, scope: Scope):
        return self._symbolic_tail(node.elts, scope) or tuple(self._fold_elts(node.elts, scope))

    def _expr_List(self, node: ast.List, scope: Scope):
        return self._symbolic_tail(node.elts, scope) or list(self._fold_elts(node.elts, scope))

    def _symbolic_tail(self, elts: list, scope: Scope):
        """``(None, *x_train.shape[2:])``: known leading sizes, then the sizes of data of unknown rank."""
        if not elts or not isinstance(elts[-1], ast.Starred) or any(isinstance(e, ast.Starred) for e in elts[:-1]):
            return None
        tail = self._fold(elts[-1].value, scope)
        if not isinstance(tail, SymbolicShape) or tail.prefix:
            return None
        head = [self._fold(e, scope) for e in elts[:-1]]
        if not all(d is None or (isinstance(d, (int, Symbol)) and not isinstance(d, bool)) for d in head):
            return None
        return SymbolicShape(tail.base, tail.offset, tuple(head))

    def _fold_elts(self, elts, scope):
        out = []
        for elt in elts:
            if type(elt) is ast.Starred:
                inner = self._fold(elt.value, scope)
                inner = list(inner) if isinstance(inner, dict) else inner
                if isinstance(inner, (tuple, list)) and len(out) + len(inner) <= MAX_ITEMS:  # t = [*t, *t]: bounded
                    out.extend(inner)
                else:
                    out.append(Opaque(_STARRED_UNKNOWN, span_of(elt)))
            else:
                out.append(_EXPR_HANDLERS[type(elt)](self, elt, scope))
        return out

    def _expr_Dict(self, node: ast.Dict, scope: Scope):
        """A dict of known keys (``{0: "cat", 1: "dog"}``, ``{**defaults, "units": 64}``); UNKNOWN when a key
        cannot be folded, since a dict missing it would have the wrong ``len()``."""
        out: dict = {}
        complete = True
        for k, v in zip(node.keys, node.values):
            val = self._fold(v, scope)
            if k is None:  # {**other}
                if isinstance(val, dict):
                    out.update(val)
                else:
                    complete = False
                continue
            key = self._fold(k, scope)
            if _dict_key(key):
                out[key] = val
            else:
                complete = False
        return out if complete else UNKNOWN

    def _expr_BinOp(self, node: ast.BinOp, scope: Scope):
        left = _EXPR_HANDLERS[type(node.left)](self, node.left, scope)
        right = _EXPR_HANDLERS[type(node.right)](self, node.right, scope)
        if isinstance(left, TensorRef) or isinstance(right, TensorRef):
            op = OPERATORS[type(node.op).__name__]
            # `x * scale` of a size not folded: a scalar; `x @ w` of a w not followed: a matrix, never a scalar
            operands = [_scalar_operand(v) for v in (left, right)] if op in _SCALAR_OPERAND_OPS else [left, right]
            return self._tensor_op(_resolved_op(op), operands, {}, node, scope, _unparse(node))
        if isinstance(left, (WeightValue, ArrayValue)) or isinstance(right, (WeightValue, ArrayValue)):
            return self._constant_op(_resolved_op(OPERATORS[type(node.op).__name__]), [left, right], {})
        value = binop(node.op, left, right)
        if value is UNKNOWN and all(_number_like(v) for v in (left, right)):
            return UnknownNumber(_unparse(node))  # head_dim ** -0.5 of a symbolic head_dim: still a number
        return value

    def _expr_UnaryOp(self, node: ast.UnaryOp, scope: Scope):
        value = self._fold(node.operand, scope)
        if isinstance(value, TensorRef) and type(node.op).__name__ in OPERATORS:
            return self._tensor_op(_resolved_op(OPERATORS[type(node.op).__name__]), [value], {}, node, scope,
                                   _unparse(node))
        if isinstance(node.op, ast.USub) and isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value
        if isinstance(node.op, ast.UAdd) and isinstance(value, (int, float)):
            return value
        if isinstance(node.op, ast.Not) and isinstance(value, (bool, int, str, tuple)):
            return not value
        return UNKNOWN

    def _expr_Compare(self, node: ast.Compare, scope: Scope):
        left = self._fold(node.left, scope)
        rights = [self._fold(c, scope) for c in node.comparators]
        ops = {ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.Lt: lambda a, b: a < b,
               ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b}
        result = True
        for op, right in zip(node.ops, rights):
            if isinstance(op, (ast.In, ast.NotIn)):
                found = _membership(left, right)
                if found is None:
                    return UNKNOWN
                result = result and (found == isinstance(op, ast.In))
                left = right
                continue
            if isinstance(op, (ast.Is, ast.IsNot)) and (isinstance(left, bool) or isinstance(right, bool)) \
                    and is_plain(left) and is_plain(right):
                result = result and ((left is right) == isinstance(op, ast.Is))  # `if batch_norm is True:`
                left = right
                continue
            if isinstance(op, (ast.Is, ast.IsNot)) and (left is None or right is None) \
                    and (is_plain(left) and is_plain(right) or _surely_an_object(left) or _surely_an_object(right)):
                # `skip is not None` with a tensor bound to skip (a decoder block's closure): surely not None
                result = result and ((left is right) == isinstance(op, ast.Is))
                left = right
                continue
            if type(left) is _LayerClass or type(right) is _LayerClass:
                same = _same_layer_class(left, right)  # `layer.__class__ == Conv2D`, `type(layer) is Dense`
                if same is None or not isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
                    return UNKNOWN
                result = result and same == isinstance(op, (ast.Eq, ast.Is))
                left = right
                continue
            fn = ops.get(type(op))
            if fn is None or not (is_plain(left) and is_plain(right)):
                return UNKNOWN
            try:
                result = result and fn(left, right)
            except TypeError:
                return UNKNOWN
            left = right
        return result

    def _expr_BoolOp(self, node: ast.BoolOp, scope: Scope):
        """Python's value, not a bool: ``self.output_dim or inp`` is ``inp`` when ``output_dim`` is None."""
        values = [self._fold(v, scope) for v in node.values]
        for position, value in enumerate(values):
            last = position == len(values) - 1
            if last:
                return value
            if not is_plain(value):
                return UNKNOWN  # its truth is not known here
            if bool(value) == isinstance(node.op, ast.Or):
                return value
        return UNKNOWN

    def _truth(self, test: ast.expr, scope: Scope):
        """A condition's truth, where its value may not be known: ``unknown and strides == 1`` is false when
        ``strides`` is 2 whatever the unknown is (``not`` of such a test too)."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            truth = self._truth(test.operand, scope)
            return not truth if is_plain(truth) else UNKNOWN
        if not isinstance(test, ast.BoolOp):
            value = self._fold(test, scope)
            # `if activation:` with a layer (or a model) passed: Keras' layers and models define neither __bool__
            # nor __len__, so any one is true
            return True if isinstance(value, (LayerObject, SequentialModel, FunctionalModel)) else value
        deciding = isinstance(test.op, ast.Or)  # the truth that settles an `or` (True) or an `and` (False)
        known_all = True
        for value in test.values:
            truth = self._truth(value, scope)
            if not is_plain(truth):
                known_all = False
            elif bool(truth) == deciding:
                return deciding
        return (not deciding) if known_all else UNKNOWN

    def _expr_IfExp(self, node: ast.IfExp, scope: Scope):
        test = self._truth(node.test, scope)
        if is_plain(test):
            self._branches += 1
            try:
                return self._fold(node.body if test else node.orelse, scope)
            finally:
                self._branches -= 1
        # known only at run time: both are walked, as the branches of an `if` are
        first_new_node = len(scope.builder.nodes)
        scope.uncertain += 1
        try:
            body, orelse = self._fold(node.body, scope), self._fold(node.orelse, scope)
        finally:
            scope.uncertain -= 1
        chosen = UNKNOWN
        if isinstance(body, TensorRef) and isinstance(orelse, TensorRef) and body.builder is orelse.builder:
            chosen = _one_shape_of([body, orelse])
            if chosen is None:
                chosen = self._op_node(scope, "<opaque>", {}, [orelse], node,
                                       "a tensor chosen by a condition only known at run time")
        # what a branch computes is checked where the chosen tensor is used, not on its own
        scope.builder.used.update(range(first_new_node, len(scope.builder.nodes)))
        if chosen is not UNKNOWN:
            return chosen  # `StochasticDepth(p)(x) if p else x`: the same shape follows either way
        if is_plain(body) and body == orelse and type(body) is type(orelse):
            return body
        if isinstance(body, _CHOOSABLE_CALLABLES) and isinstance(orelse, _CHOOSABLE_CALLABLES):
            return _LayerChoice((body, orelse))  # DropPath(rate) if rate > 0 else layers.Identity()
        either = one_of(body, orelse)  # padding="same" if steps < 60 else "valid": each is checked
        return UNKNOWN if either is None else either

    def _expr_Attribute(self, node: ast.Attribute, scope: Scope):
        return self._attribute_of(_EXPR_HANDLERS[type(node.value)](self, node.value, scope), node, scope)

    def _attribute_of(self, base, node: ast.Attribute, scope: Scope):
        """``node.attr`` of ``base``, the value ``node.value`` folded to."""
        if base is UNKNOWN:  # the commonest base after a module: only the last checks below can match it
            return self._unknown_attribute(node, base)
        kind = type(base)  # no value class has subclasses: the commonest bases told apart by one test each
        if kind is Module or kind is KerasName:
            return _classify_qualname(f"{base.qualname}.{node.attr}")
        if kind is NumpyName:
            return NumpyName(f"{base.qualname}.{node.attr}")
        if kind is TensorRef:
            return self._tensor_attribute(base, node, scope)
        if kind is ArrayValue:
            if node.attr == "shape":  # X_train[0].shape: one item's, a plain shape
                whole = not _indexes(node.value) or _rows_kept(node.value)
                return ArrayShape(base.shape, _unparse(node)) if whole else base.shape
            if node.attr == "ndim":
                return len(base.shape)
            if node.attr == "T":
                return ArrayValue(tuple(reversed(base.shape)))
        if kind is Instance:
            if node.attr in base.attributes:
                return base.attributes[node.attr]
            if base.cls.method(node.attr) is not None:
                return _BoundMethod(base, node.attr)
            found = self._class_attribute(base.cls, node.attr)
            if found is not _MISSING:
                return found
            if base.base_layer is not None and node.attr in _BASE_LAYER_ATTRIBUTES:
                return _base_layer_attribute(base.base_layer, node.attr)
            if base.cls.kind in ("model", "layer"):
                return _BoundMethod(base, node.attr)  # Keras' own methods: build, fit, compile...
            return UNKNOWN
        if kind is _Namespace:
            return base.attributes.get(node.attr, UNKNOWN)
        if kind is HyperParameters:
            return _BoundMethod(base, node.attr)
        if kind is _ImportedModule:  # layer_utils.AttentionLSTM of `import utils.layer_utils as layer_utils`
            return base.names.bindings.get(node.attr, UNKNOWN)
        if kind is ClassValue and base.method(node.attr) is not None:
            return _BoundMethod(base, node.attr)  # Builder._model(shape): a static or class method
        if kind is ClassValue:
            found = self._class_attribute(base, node.attr)
            if found is not _MISSING:
                return found
        if isinstance(base, (_Super, dict)):
            return _BoundMethod(base, node.attr)
        if isinstance(base, LayerObject) and node.attr in ("input", "output") and base.type not in APPLICATION_TYPES:
            found = self._tensor_of_a_sequentials_layer(base, node, scope)
            if found is not None:
                return found[0 if node.attr == "input" else 1]
        if isinstance(base, LayerObject) and node.attr in ("input", "output", "inputs", "outputs"):
            return self._application_tensor(base, node.attr, node, scope)
        if isinstance(base, LayerObject) and node.attr == "embeddings" and base.type == "Embedding":
            # a language model's output tied to its input embedding: ops.matmul(x, ops.transpose(emb.embeddings))
            sizes = (base.args.get("input_dim"), base.args.get("output_dim"))
            return WeightValue(sizes) if all(isinstance(n, (int, Symbol)) and not isinstance(n, bool)
                                             for n in sizes) else UNKNOWN
        if isinstance(base, LayerObject) and node.attr == "layers" and base.type in APPLICATION_TYPES:
            model = self._application_model(base, node, scope)
            return _model_attribute(model, "layers") if isinstance(model, FunctionalModel) else model
        if isinstance(base, WeightValue) and node.attr == "shape":
            return base.shape
        if isinstance(base, Instance) and base.functional is not None and node.attr in _MODEL_ATTRIBUTES:
            base = base.functional
        if isinstance(base, FunctionalModel) and node.attr in _MODEL_ATTRIBUTES:
            return _model_attribute(base, node.attr)
        if isinstance(base, FunctionalModel) and node.attr in ("output_shape", "input_shape"):
            return _model_shape_attribute(base, node.attr)
        if isinstance(base, FunctionalModel) and node.attr == "name" and base.given_name is not None:
            return base.given_name  # f"{block.name}_att": the name it was built with
        if isinstance(base, _LayerHandle) and node.attr in ("input", "output", "inputs", "outputs"):
            return base.tensors(node.attr)
        if isinstance(base, _LayerHandle) and node.attr == "name":
            return base.name
        if node.attr == "__class__" and isinstance(base, (LayerObject, _LayerHandle)):
            return _layer_class(base)
        if node.attr == "__name__" and isinstance(base, _LayerClass):
            return base.type
        if node.attr in _REMOVED_NODE_METHODS and isinstance(base, (_LayerHandle, FunctionalModel)):
            return _BoundMethod(base, node.attr)
        if isinstance(base, Opaque) and node.attr in ("input", "output", "inputs", "outputs", "layers"):
            return base  # why the backbone's layer is not known travels to the Model(...) that uses it
        if isinstance(base, SequentialModel) and node.attr in ("input", "output"):
            # measured, Keras 3.15: a Sequential never called on a symbolic tensor has `inputs` and `outputs` only
            return Opaque(f"`{_unparse(node)}`: a Sequential has no `.{node.attr}` in Keras 3 (AttributeError); "
                          f"`.{node.attr}s[0]` is its {node.attr} tensor", span_of(node))
        if isinstance(base, SequentialModel) and node.attr in ("inputs", "outputs"):
            made = self._sequential_tensors(base, node, scope)
            if made is not None:
                return [made[0]] if node.attr == "inputs" else [made[2]]
        if isinstance(base, SequentialModel) and node.attr == "layers":
            layers = _sequential_layers(base)
            if layers is not None:
                return layers
        if isinstance(base, LayerObject) and node.attr in _STORED_AS_GIVEN and is_plain(base.args.get(node.attr)):
            return base.args[node.attr]  # layer.units of a model's Dense(32): what Keras' constructor stored
        if isinstance(base, (SequentialModel, FunctionalModel, ArrayValue, LayerObject)):
            return _BoundMethod(base, node.attr)
        if isinstance(base, tuple) and node.attr == "as_list":
            return _BoundMethod(base, node.attr)
        if isinstance(base, (list, UnknownSequence)) and (node.attr in _LIST_MUTATORS or node.attr in _LIST_QUERIES):
            return _BoundMethod(base, node.attr)
        if type(base) is str and node.attr in STR_METHODS:
            return _BoundMethod(base, node.attr)
        if base is UNKNOWN or isinstance(base, Symbol):
            return self._unknown_attribute(node, base)
        return UNKNOWN

    def _unknown_attribute(self, node: ast.Attribute, base) -> Any:
        """An attribute of a value that could not be folded (UNKNOWN or a symbol)."""
        if node.attr == "shape":
            # X_train.shape is a whole data set's; X_train[0].shape, or the shape of a loop's item, may be one
            # sample's
            item = isinstance(base, Symbol) and base.binding in self._loop_items
            return UnknownShape(_unparse(node), whole_data=not item and not _indexes(node.value))
        if node.attr in ("reshape", "astype"):
            return _BoundMethod(UnknownArray(_unparse(node.value)), node.attr)
        return UNKNOWN

    def _tensor_attribute(self, tensor: TensorRef, node: ast.Attribute, scope: Scope):
        if node.attr == "shape":
            tensor.builder.shapes_read = True
            shape = tensor.builder.shape_of(tensor)
            return shape if shape is not None else UnknownShape(_unparse(node), whole_data=False, of_tensor=True)
        if node.attr == "ndim":
            tensor.builder.shapes_read = True
            shape = tensor.builder.shape_of(tensor)
            return len(shape) if shape is not None else UNKNOWN
        if node.attr == "dtype":
            return UNKNOWN
        return _BoundMethod(tensor, node.attr)

    def _expr_Subscript(self, node: ast.Subscript, scope: Scope):
        base = _EXPR_HANDLERS[type(node.value)](self, node.value, scope)
        if isinstance(base, ArrayValue):
            return index_array(base, node.slice, self, scope)
        if isinstance(base, UnknownShape):
            # x_train.shape[1] of data we cannot fold: a named size, never a guess.
            if isinstance(node.slice, ast.Slice) and node.slice.upper is None and node.slice.step is None:
                start = self._fold(node.slice.lower, scope) if node.slice.lower is not None else 0
                if isinstance(start, int) and not isinstance(start, bool) and start >= 0:
                    return SymbolicShape(base.text, start)  # x_train.shape[1:]: rank unknown, sizes named
            index = self._fold(node.slice, scope) if not isinstance(node.slice, ast.Slice) else None
            if index == 0 and base.of_tensor and type(index) is int:
                return None  # tf.shape(x)[0]: the batch size, a run-time count as in the tensor's own shape
            return Symbol(_unparse(node)) if isinstance(index, int) and not isinstance(index, bool) else UNKNOWN
        if isinstance(base, TensorRef):
            return self._tensor_op(_resolved_op("ops.getitem"), [base, self._index_key(node.slice, scope)], {},
                                   node, scope, _unparse(node))
        if isinstance(base, WeightValue):
            return self._constant_op(_resolved_op("ops.getitem"), [base, self._index_key(node.slice, scope)], {})
        if type(base) is Symbol and _NAMED_VALUE.match(base.name):
            return self._item_of_symbol(base, node, scope)
        if isinstance(base, SymbolicShape):
            return self._item_of_symbolic_shape(base, node, scope)
        index = self._fold(node.slice, scope) if not isinstance(node.slice, ast.Slice) else None
        if isinstance(node.slice, ast.Slice) and isinstance(base, (tuple, list)):
            parts = [self._fold(p, scope) if p is not None else None
                     for p in (node.slice.lower, node.slice.upper, node.slice.step)]
            if all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts):
                return list(base[slice(*parts)]) if isinstance(base, list) else tuple(base[slice(*parts)])
            return UNKNOWN
        if isinstance(base, (tuple, list)) and isinstance(index, int) and not isinstance(index, bool):
            try:
                value = base[index]
            except IndexError:
                return UNKNOWN
            if isinstance(base, ArrayShape) and base.text and index >= 1 and type(value) is int:
                # X_train.shape[2]: a size of the data, remembered as such
                return DataDim(value, base, index, base.text.rsplit(".shape", 1)[0])
            return value
        if isinstance(base, dict) and is_plain(index) and not isinstance(index, (list, dict)):
            try:
                return base.get(index, UNKNOWN)  # inputs["age"], skips[level] (filled in an earlier loop)
            except TypeError:  # an unhashable key: (1, [2])
                return UNKNOWN
        return UNKNOWN

    def _item_of_symbol(self, base: Symbol, node: ast.Subscript, scope: Scope):
        """``input_shape[0]``, ``input_shape[1:]`` of a parameter nothing gave a value (a builder walked on its own):
        named as the sizes of ``Input(shape=input_shape)`` are (``SymbolicShape``), so that
        ``Reshape((input_shape[0], input_shape[1], 1))`` reads the very sizes the Input has."""
        if isinstance(node.slice, ast.Slice):
            start = self._suffix_start(node.slice, scope)
            return UNKNOWN if start is None else SymbolicShape(base.name, start)
        index = self._fold(node.slice, scope)
        return Symbol(f"{base.name}[{index}]", base.binding) if type(index) is int else UNKNOWN

    def _suffix_start(self, piece: ast.Slice, scope: Scope) -> int | None:
        """``k`` of a slice ``[k:]`` (0 for ``[:]``) that folds to a non-negative int; None for any other slice."""
        if piece.upper is not None or piece.step is not None:
            return None
        start = self._fold(piece.lower, scope) if piece.lower is not None else 0
        return start if type(start) is int and start >= 0 else None

    def _item_of_symbolic_shape(self, shape: SymbolicShape, node: ast.Subscript, scope: Scope):
        """``input_shape[0]`` of ``input_shape = X.shape[1:]`` (rank unknown): the size its Input names so
        (``X.shape[1]``); a known leading size as it is; ``input_shape[1:]`` the rest, still of unknown rank."""
        if isinstance(node.slice, ast.Slice):
            start = self._suffix_start(node.slice, scope)
            if start is None:
                return UNKNOWN
            if start <= len(shape.prefix):
                return SymbolicShape(shape.base, shape.offset, shape.prefix[start:])
            return SymbolicShape(shape.base, shape.offset + start - len(shape.prefix))
        index = self._fold(node.slice, scope)
        if type(index) is not int or index < 0:
            return UNKNOWN
        if index < len(shape.prefix):
            return shape.prefix[index]
        return Symbol(f"{shape.base}[{shape.offset + index - len(shape.prefix)}]")

    def _expr_JoinedStr(self, node: ast.JoinedStr, scope: Scope):
        """``f"block_{i}"`` of known ints and strings (a layer's attribute or name built in a loop)."""
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
                continue
            if not isinstance(value, ast.FormattedValue) or value.conversion != -1 or value.format_spec is not None:
                self._unmodelled_expression(node, scope)
                return UNKNOWN
            folded = self._fold(value.value, scope)
            if type(folded) not in (int, str):
                return UNKNOWN
            parts.append(str(folded))
        text = "".join(parts)
        return text if len(text) <= 10_000 else UNKNOWN

    def _expr_Lambda(self, node: ast.Lambda, scope: Scope):
        return lambda_body(node)

    def _expr_Call(self, node: ast.Call, scope: Scope):
        func = _EXPR_HANDLERS[type(node.func)](self, node.func, scope)
        kind = type(func)  # no value class has subclasses: the commonest callees are told apart by one test
        if kind is Module:
            if func.qualname == "functools.partial" and node.args:
                return _Partial(node, scope)
            if func.qualname == "functools.reduce" and len(node.args) == 2 and not node.keywords:
                order = _composition_order(node.args[0])
                if order is not None:
                    callables = self._fold(node.args[1], scope)
                    if isinstance(callables, (tuple, list)) and callables:
                        return _Composition(tuple(callables) if order == "forward" else tuple(callables)[::-1])
            return self._module_call(func, *self._call_arguments(node, scope), node, scope)
        if kind is _Partial:
            return self._call_partial(func, node, scope)
        if kind is _Composition:
            return self._call_composition(func, node, scope)
        if kind is _LayerChoice:
            return self._call_layer_choice(func, node, scope)
        if func is UNKNOWN or kind is LambdaBody:
            written = self._lambda_named(node.func, scope)
            if written is not None:
                return self._call_lambda(*written, node, scope)
            if func is UNKNOWN and isinstance(node.func, ast.Name) and node.func.id in _BUILTINS:
                return self._builtin_call(node.func.id, node, scope)
            if func is UNKNOWN:
                return self._call_of_unknown(*self._call_arguments(node, scope), node, scope)
        if kind is KerasName:
            return self._keras_call(func, node, scope)
        if isinstance(func, LayerObject):
            return self._call_layer(func, node, scope)
        if isinstance(func, _LayerHandle):
            layer = func.layer()
            if layer is not None:
                return self._call_layer(layer, node, scope)
            args, kwargs = self._call_arguments(node, scope)
            tensors = _tensors_in(args, kwargs)
            if tensors and func.group is None and func.builder.nodes[func.index].type == "InputLayer" \
                    and not self._guarded:
                # measured, Keras 3.15: model.layers[0](x) raises TypeError (too many positional arguments)
                written = _short(_unparse(node.func), 40)
                return self._op_node(scope, "<not-callable>", {"message": (
                    f"`{written}` is the model's InputLayer ({func.name!r}), which takes no input: calling it raises "
                    f"TypeError in Keras 3; skip it (e.g. iterate over `model.layers[1:]`)")}, tensors[:1], node,
                    written)
            return self._call_of_unknown(args, kwargs, node, scope)
        if isinstance(func, _BoundMethod):
            return self._method_call(func, node, scope)
        if isinstance(func, NumpyName):
            return self._numpy_call(func, node, scope)
        args, kwargs = self._call_arguments(node, scope)
        if isinstance(func, SequentialModel):
            if args and isinstance(args[0], TensorRef):
                return self._inline_sequential(func, args[0], node, scope)
            if args and isinstance(args[0], ArrayValue) and func.build_shape is None:
                func.build_shape = (None, *args[0].shape[1:])
            return UNKNOWN
        if isinstance(func, FunctionalModel):
            if args:
                args[0] = self._constants_beside_tensors(args[0], node, scope)
            tensors = _as_tensor_list(args[0]) if args else []
            if tensors:
                return self._inline_functional(func, args[0], node, scope)
            return UNKNOWN
        if isinstance(func, FunctionValue):
            return self._invoke(func.node, func.scope or scope, args, kwargs, me=None, where=node, scope=scope)
        if isinstance(func, ClassValue):
            return self._instantiate(func, args, kwargs, node, scope)
        if isinstance(func, Instance):
            return self._call_instance(func, args, kwargs, node, scope)
        if isinstance(func, Symbol):
            return self._call_of_unknown(args, kwargs, node, scope)
        if isinstance(func, Opaque):  # a layer object that cannot be read (a tf.keras 2 layer): why goes along
            tensors = _tensors_in(args, kwargs)
            return self._op_node(scope, "<opaque>", {}, tensors[:1], node, func.reason) if tensors else UNKNOWN
        if kind is str and not scope.uncertain and not self._guarded:
            return self._string_called(func, args, kwargs, node, scope)
        return UNKNOWN

    def _string_called(self, text: str, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        """``self.activation(y)`` where the layer was given ``activation="relu"``: a string called on a tensor,
        which Python refuses (TypeError: 'str' object is not callable)."""
        tensors = _tensors_in(args, kwargs)
        if not tensors:
            return UNKNOWN
        written = _short(_unparse(node.func), 40)
        hint = f"; keras.activations.get({text!r}) is the function" if text in ACTIVATIONS else ""
        return self._op_node(scope, "<not-callable>", {"message": (
            f"`{written}` is the string {_short(repr(text), 30)}, which cannot be called: Python raises TypeError "
            f"('str' object is not callable){hint}")}, tensors[:1], node, written)

    def _isinstance(self, value, written: ast.expr, scope: Scope):
        """``isinstance(nb_filters, (list, tuple))`` of a value the walk knows (a list of filter counts, a number):
        its answer for Python's own types; else unknown."""
        names = written.elts if isinstance(written, ast.Tuple) else [written]
        if isinstance(value, LayerObject):  # a subclass's object is an instance of its Keras base too
            return self._isinstance_of_layer(value.type, names, scope)
        if isinstance(value, _LayerHandle):
            type_ = _layer_type(value)
            return UNKNOWN if type_ is None else self._isinstance_of_layer(type_, names, scope)
        types = []
        for name in names:
            if not isinstance(name, ast.Name) or name.id not in _PLAIN_TYPES or scope.lookup(name.id) is not UNKNOWN:
                return UNKNOWN
            types.append(_PLAIN_TYPES[name.id])
        if type(value) not in (int, float, str, bool, tuple, list, dict, type(None)):
            return UNKNOWN
        return isinstance(value, tuple(types))

    def _isinstance_of_layer(self, type_: str, names: list, scope: Scope):
        """``isinstance(layer, keras.layers.Dropout)`` of a Keras layer the walk made, of class ``type_``: exact
        for the classes ``keras.layers`` exports (a ``SpatialDropout1D`` is a ``Dropout``, an ``LSTM`` an ``RNN``,
        a ``Dense`` neither: KERAS_LAYER_BASES; a ``keras.applications`` model is a Functional, none of them);
        unknown for any other class on either side."""
        answer = False
        for name in names:
            cls = self._fold(name, scope)
            if not isinstance(cls, KerasName):
                return UNKNOWN
            leaf = canonical_type(cls.leaf)
            if leaf == type_ or leaf == "Layer" or leaf in KERAS_LAYER_BASES.get(type_, ()):
                return True
            if leaf not in _KERAS_LAYER_CLASSES or (type_ not in _KERAS_LAYER_CLASSES
                                                    and type_ not in APPLICATION_TYPES):
                answer = UNKNOWN
        return answer

    def _lambda_named(self, func: ast.expr, scope: Scope):
        """``w`` of ``w(64)`` when ``w = lambda n: max(1, n // width)`` is what that name is bound to here."""
        if not isinstance(func, ast.Name):
            return None
        while scope is not None:
            if func.id in scope.bindings:
                return scope.lambdas.get(func.id) if scope.lambdas else None
            scope = scope.parent
        return None

    def _call_lambda(self, lam: ast.Lambda, defining: Scope, node: ast.Call, scope: Scope):
        """A named lambda called: its body folded with its parameters bound to the call's values (sizes, a
        filter-count helper); tensors through it as through any function."""
        params = lam.args
        if lam in self._call_stack or len(self._call_stack) >= MAX_CALL_DEPTH or params.vararg is not None \
                or params.kwarg is not None or params.kwonlyargs:
            return self._call_of_unknown(*self._call_arguments(node, scope), node, scope)
        args, kwargs = self._call_arguments(node, scope)
        inner = scope.inner("<lambda>", defining)
        positional = [*params.posonlyargs, *params.args]
        defaults = dict(zip([p.arg for p in positional][len(positional) - len(params.defaults):], params.defaults))
        for i, param in enumerate(positional):
            if i < len(args):
                inner.bindings[param.arg] = args[i]
            elif param.arg in kwargs:
                inner.bindings[param.arg] = kwargs[param.arg]
            elif param.arg in defaults:
                inner.bindings[param.arg] = self._fold(defaults[param.arg], defining)
            else:
                return UNKNOWN
        self._call_stack.append(lam)
        try:
            return self._fold(lam.body, inner)
        finally:
            self._call_stack.pop()

    def _call_partial(self, partial: _Partial, node: ast.Call, scope: Scope):
        """``norm = partial(LayerNormalization, epsilon=1e-6)`` called as ``norm(axis=-1)``: one call of the
        wrapped callable with the partial's arguments (read where it was made) before the call's own (read here),
        placed at this call."""
        inner = scope.inner("<partial>", parent=partial.scope)
        written = partial.node
        args, keywords = self._arguments_bound(node, scope, inner, "partial argument")
        call = ast.copy_location(ast.Call(written.args[0], written.args[1:] + args, written.keywords + keywords), node)
        return self._expr_Call(call, inner)

    def _arguments_bound(self, node: ast.Call, scope: Scope, inner: Scope, prefix: str) -> tuple[list, list]:
        """``node``'s arguments folded where it is written, passed by names bound to their values in ``inner``: a
        call the walk puts together (a partial's, a composition's) reads them there."""
        args = [ast.copy_location(ast.Starred(_bound_name(inner, self._fold(a.value, scope), prefix, a.value),
                                              ast.Load()), a)
                if isinstance(a, ast.Starred) else _bound_name(inner, self._fold(a, scope), prefix, a)
                for a in node.args]
        keywords = [ast.keyword(kw.arg, _bound_name(inner, self._fold(kw.value, scope), prefix, kw.value))
                    for kw in node.keywords]
        return args, keywords

    def _call_composition(self, composition: _Composition, node: ast.Call, scope: Scope):
        """``compose(conv, norm, act)(x)``: the first callable called with the call's arguments, each next one on
        what the one before returned, all placed at this call."""
        inner = scope.inner("<composition>", parent=scope)
        args, keywords = self._arguments_bound(node, scope, inner, "composed")
        result = UNKNOWN
        for position, callable_ in enumerate(composition.callables):
            step = _bound_name(inner, callable_, "composed", node)
            call = ast.copy_location(ast.Call(step, args, keywords) if position == 0 else
                                     ast.Call(step, [_bound_name(inner, result, "composed", node)], []), node)
            result = self._expr_Call(call, inner)
        return result

    def _call_layer_choice(self, choice: "_LayerChoice", node: ast.Call, scope: Scope):
        """``self.drop_path(x)`` of ``DropPath(rate) if rate > 0 else Identity()``: each layer applied, as the
        branches of an ``if`` known only at run time are walked; when they give tensors of one shape, that shape
        follows whichever runs (what each computes is checked where its tensor is used), else an opaque step."""
        inner = scope.inner("<choice>", parent=scope)
        args, keywords = self._arguments_bound(node, scope, inner, "chosen")
        given = list(inner.bindings.values())
        first_new_node = len(scope.builder.nodes)
        inner.uncertain = scope.uncertain + 1
        results = [self._expr_Call(ast.copy_location(ast.Call(_bound_name(inner, option, "chosen", node), args,
                                                              keywords), node), inner)
                   for option in choice.options]
        scope.builder.used.update(range(first_new_node, len(scope.builder.nodes)))
        chosen = _one_shape_of(results)
        if chosen is not None:
            return chosen
        tensors = _tensors_in(given, {}) if any(isinstance(r, TensorRef) for r in results) else []
        return self._op_node(scope, "<opaque>", {}, tensors[:1], node,
                             "a layer chosen by a condition only known at run time") if tensors else UNKNOWN

    def _dict_method(self, target: dict, attr: str, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        """``d.get(k)``, ``d.items()``...; and ``d.update(kwargs)``, ``d.setdefault(k, v)``, ``d.pop(k)``, which
        change the dict: done when they certainly run on what folds, else the dict becomes unknown from here
        (a keyword dropped unseen, ``strides=`` from ``conv_kwargs.update(kwargs)``, gave a wrong shape)."""
        if not args and attr in ("items", "keys", "values", "copy"):
            return {"items": lambda: list(target.items()), "keys": lambda: list(target),
                    "values": lambda: list(target.values()), "copy": lambda: dict(target)}[attr]()
        if attr == "get":  # a dict the walk holds has every key it was given (see _expr_Dict, _bind)
            return target.get(args[0], args[1] if len(args) == 2 else None) \
                if 1 <= len(args) <= 2 and _dict_key(args[0]) and not kwargs else UNKNOWN
        if attr not in ("update", "setdefault", "pop", "popitem", "clear"):
            return UNKNOWN
        added = args[0] if attr == "update" and len(args) == 1 and not kwargs else kwargs if attr == "update" \
            and not args else None  # (args[0] may be anything the walk folded: a symbol, UNKNOWN, a list...)
        certain = not scope.uncertain
        if certain and attr == "update" and isinstance(added, dict):
            target.update(added)
            return None
        if certain and attr == "setdefault" and args and _dict_key(args[0]) and len(args) <= 2:
            return target.setdefault(args[0], args[1] if len(args) == 2 else None)
        if certain and attr == "pop" and args and _dict_key(args[0]) and (args[0] in target or len(args) == 2) \
                and len(args) <= 2:
            return target.pop(args[0], *args[1:2])
        if certain and attr == "clear" and not args:
            target.clear()
            return None
        # what the dict holds now is not known: the name it is read by says so from here
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            self._bind(node.func.value, UNKNOWN, scope)
        return UNKNOWN

    def _module_call(self, func: Module, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        if func.qualname in _NAMESPACE_TYPES:
            written = args[0] if len(args) == 1 and type(args[0]) is dict else {}
            return _Namespace({**{k: v for k, v in written.items() if type(k) is str}, **kwargs})
        leaf = func.qualname.rsplit(".", 1)[-1]
        if leaf in _MODEL_CLASSES and scope.uncertain == 0:  # iaa.Sequential, torch.nn.Sequential
            self.skipped_models.append(SkippedModel(
                span_of(node).line, f"`{_unparse(node.func)}` is not a Keras model (it comes from "
                             f"`{func.qualname.split('.')[0]}`)"))
        if func.qualname in _TF_KERAS_2_LAYERS:
            return Opaque(_TF_KERAS_2_LAYERS[func.qualname], span_of(node))
        if is_hyperparameters_class(func.qualname) and not args and not kwargs:
            return HyperParameters()
        hypermodel = hypermodel_of_tuner(func.qualname, args, kwargs)
        hp = tuner_hyperparameters(kwargs) if hypermodel is not None else None
        if hp is not None:
            self._build_hypermodel(hypermodel, hp, node, scope)
            return UNKNOWN
        if func.qualname in ("keras.activations.get", "keras.activations.deserialize") and len(args) == 1:
            return _activation_function(args[0])
        if func.qualname.startswith("math.") and not kwargs:
            return _math_call(func.qualname[5:], args)
        if func.qualname == "tensorflow.TensorShape":
            return _tensor_shape(args[0] if args else kwargs.get("dims", UNKNOWN))
        if leaf == "load_model" and "keras" in func.qualname.split("."):
            path = args[0] if args else kwargs.get("filepath")
            saved = self._saved_models.get(path) if isinstance(path, str) else None
            if saved is None:
                return UNKNOWN
            # a model this file saved to that path: a new model object of the same architecture (its layers, their
            # names and its graph; the weights do not matter here), made at this line
            loaded = dataclasses.replace(saved, line=span_of(node).line)
            scope.models.append(loaded)
            return loaded
        if leaf == "clone_model" and "keras" in func.qualname.split(".") and args and len(args) == 1 \
                and not kwargs and isinstance(args[0], SequentialModel):
            # the same architecture, new layer objects (Keras names them anew): model_A_clone.layers[:-1]
            items = [dataclasses.replace(i, key=f"layer{next(self._keys)}", name="") if isinstance(i, LayerObject)
                     else i for i in args[0].items]
            clone = dataclasses.replace(args[0], items=items, line=span_of(node).line, span=span_of(node))
            scope.models.append(clone)
            return clone
        return self._function_call(func.qualname, args, kwargs, node, scope)

    def _build_hypermodel(self, hypermodel, hp: HyperParameters, node: ast.Call, scope: Scope) -> None:
        """``keras_tuner.RandomSearch(build_model, ...)``: the tuner's constructor builds the hypermodel once with
        ``hp`` (each hyperparameter's default), so a model that fails there fails here."""
        if isinstance(hypermodel, FunctionValue):
            self._invoke(hypermodel.node, hypermodel.scope or scope, [hp], {}, me=None, where=node, scope=scope)
        elif isinstance(hypermodel, Instance) and hypermodel.cls.kind == "plain":
            found = hypermodel.cls.method("build")
            if found is not None and _binding(found[0]) not in ("static", "class"):
                self._invoke(found[0], found[1].scope or scope, [hp], {}, me=hypermodel, where=node, scope=scope,
                             cls=found[1])

    def _call_of_unknown(self, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        """A call of UNKNOWN or of a symbol: a weight initializer's result, an opaque step on tensors, else
        unknown."""
        if "shape" in kwargs and "init" in _unparse(node.func).lower():
            return _weight(kwargs["shape"])  # w_init(shape=(d, k)) with w_init = an initializer
        tensors = _tensors_in(args, kwargs)
        if tensors:
            return self._unknown_function(_unparse(node.func), tensors, node, scope)
        return UNKNOWN

    def _call_arguments(self, node: ast.Call, scope: Scope) -> tuple[list, dict]:
        """Positional and keyword values of a call, ``*args``/``**kwargs`` expanded when they fold."""
        args = self._fold_elts(node.args, scope)
        kwargs: dict[str, Any] = {}
        for kw in node.keywords:
            value = _EXPR_HANDLERS[type(kw.value)](self, kw.value, scope)
            if kw.arg is not None:
                kwargs[kw.arg] = value
            elif isinstance(value, dict):
                kwargs.update(value)
            else:
                self._unknown_splats.add(id(node))  # f(x, **cfg): any keyword may be in cfg
        return args, kwargs

    def _unknown_function(self, label: str, tensors: list[TensorRef], node: ast.Call, scope: Scope):
        """A call shapedoctor cannot follow, applied to tensors: an opaque step, never a silent drop."""
        return self._op_node(scope, "<opaque>", {}, tensors[:1], node,
                             f"`{_short(label)}(...)` is a call shapedoctor cannot follow")

    # ------------------------------------------------------- following user code
    def _invoke(self, fn: ast.FunctionDef, defining: Scope, args: list, kwargs: dict, me, where: ast.AST,
                scope: Scope, symbolic: bool = False, cls: ClassValue | None = None):
        """Walk ``fn``'s body with its parameters bound to the call's values; the value it returns.

        Models it builds join the caller's graph and model list. Recursion, depth and a file-wide
        statement budget stop following: what the call returns is then opaque, never guessed.
        """
        self._followed.add(id(fn))
        recursion = self._call_stack.count(fn)  # a recursive builder (U-Net levels) with a depth that folds: followed
        if recursion >= MAX_RECURSION or len(self._call_stack) >= MAX_CALL_DEPTH \
                or self._statements > MAX_STATEMENTS:
            tensors = _tensors_in(args, kwargs)
            if recursion >= MAX_RECURSION:
                why = f"`{fn.name}()` is recursive more than {MAX_RECURSION} levels deep to follow"
            elif len(self._call_stack) >= MAX_CALL_DEPTH:
                why = f"`{fn.name}()` is nested too deeply to follow"
            else:
                why = (f"`{fn.name}()` is not followed: the walk of this file has spent its budget of "
                       f"{MAX_STATEMENTS:,} statements (a loop building a model for each of many settings?)")
            if tensors:
                return self._op_node(scope, "<opaque>", {}, tensors[:1], where, why)
            return UNKNOWN
        site = not _FOREIGN_SITES and is_foreign(fn)
        if site:  # into an imported module's code: what it makes is shown at this call
            _FOREIGN_SITES.append(dataclasses.replace(span_of(where), foreign=True))
        # a KerasTuner build: the models it makes say with which hyperparameters' values
        hp = next(a for a in args if type(a) is HyperParameters) if HyperParameters in map(type, args) else None
        made, read = len(scope.models), len(hp.read) if hp is not None else 0
        try:
            return self._invoke_body(fn, defining, args, kwargs, me, where, scope, symbolic, cls)
        finally:
            if site:
                _FOREIGN_SITES.pop()
            if hp is not None:
                values = {name: hp.values[name] for name in hp.read[read:]}
                for model in scope.models[made:]:
                    self._tuned.setdefault(id(model), values)

    def _invoke_body(self, fn: ast.FunctionDef, defining: Scope, args: list, kwargs: dict, me, where: ast.AST,
                     scope: Scope, symbolic: bool, cls: ClassValue | None):
        inner = scope.inner(fn.name, defining)
        if me is not None:
            inner.bindings["__class_instance__"] = me
            inner.bindings["__class_def__"] = cls or (me.cls if isinstance(me, Instance) else None)
        self._bind_parameters(fn, inner, args, kwargs, me, symbolic=symbolic,
                              call=where if isinstance(where, ast.Call) else None)
        self._call_stack.append(fn)
        try:
            self._run_body(fn.body, inner)
        finally:
            self._call_stack.pop()
        return self._returned_value(inner, fn, where, scope)

    def _returned_value(self, inner: Scope, fn: ast.FunctionDef, where: ast.AST, scope: Scope):
        values = inner.returned
        if not values:
            return None
        first = values[0]
        if all(v is first for v in values):
            return first
        if all(isinstance(v, TensorRef) for v in values):
            shapes = [v.builder.shape_of(v) for v in values]
            if shapes[0] is not None and all(sh == shapes[0] for sh in shapes):
                return values[-1]  # every return gives the same shape
            return self._op_node(scope, "<opaque>", {}, [first], where,
                                 f"`{fn.name}()` returns different tensors depending on a run-time condition")
        plain = [v for v in values if is_plain(v)]
        if len(plain) == len(values) and all(v == plain[0] for v in plain):
            return plain[0]
        either = one_of(*values)
        return UNKNOWN if either is None else either

    def _instantiate(self, cls: ClassValue, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        self._followed.add(id(cls.node))
        inputs = args[0] if args else kwargs.get("inputs")
        outputs = args[1] if len(args) > 1 else kwargs.get("outputs")
        if cls.kind == "model" and cls.method("call") is None and _as_tensor_list(inputs) \
                and _as_tensor_list(outputs):
            # class CustomModel(keras.Model) overriding train_step only, built as CustomModel(inputs, outputs)
            name = kwargs.get("name")
            return self._functional_model(inputs, outputs, name, node, scope)
        instance = Instance(cls, span_of(node).line, name=kwargs["name"] if isinstance(kwargs.get("name"), str) else "")
        if cls.kind == "plain":
            self._plain_instances[id(cls.node)] = instance  # its methods nothing here calls are walked on it
        if cls.kind == "plain" and cls.name in _MODEL_CLASSES and scope.uncertain == 0:
            bases = ", ".join(f"`{_unparse(base)}`" for base in cls.node.bases)
            self.skipped_models.append(SkippedModel(span_of(node).line, (
                f"`{cls.name}` is this code's own class{f' (a subclass of {bases})' if bases else ''}, not a Keras "
                "model")))
        if cls.kind in ("layer", "model"):
            self._layer_objects += 1  # model code: a loop making blocks (`self.blocks.append(Block(...))`) is unrolled
        init = cls.method("__init__")
        if cls.kind == "layer" and any(k in kwargs for k in INPUT_SHAPE_KWARGS) and _passes_on_keywords(init):
            instance.input_args = input_args_from_layer_kwargs(
                {k: kwargs[k] for k in (*INPUT_SHAPE_KWARGS, "batch_size") if k in kwargs})
        if init is not None:
            self._invoke(init[0], init[1].scope or scope, args, kwargs, me=instance, where=node, scope=scope,
                         cls=init[1])
        if cls.keras_base is not None:
            if init is None:  # the constructor is the Keras layer's own: its arguments are written here
                instance.base_layer = self._layer_object(cls.keras_base, cls.name, node, scope)
            elif instance.base_layer is not None:
                # made of super().__init__'s arguments, inside the class: shown, and any fix aimed, here
                instance.base_layer = dataclasses.replace(instance.base_layer, span=span_of(node),
                                                          written_factors={})
        if cls.kind == "model":
            scope.models.append(instance)
        return instance

    def _call_instance(self, instance: Instance, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        """``layer(x)`` / ``model(x)`` of a user class: ``build(input_shape)`` once, then ``call()``."""
        if instance.cls.kind == "plain":
            found = instance.cls.method("__call__")
            if found is None:
                return UNKNOWN
            return self._invoke(found[0], found[1].scope or scope, args, kwargs, me=instance, where=node,
                                scope=scope, cls=found[1])
        if args:
            first = args[0]
        else:  # Keras takes the first argument of call() by its name too: layer(logits=x, targets=y)
            name = _first_call_parameter(instance.cls)
            first = kwargs.get(name, kwargs.get("inputs", UNKNOWN))
            kwargs = {k: v for k, v in kwargs.items() if k != name}
        tensors = _as_tensor_list(first)
        if instance.functional is not None and tensors:
            return self._inline_functional(instance.functional, first, node, scope)
        if not tensors:
            self._record_data_shapes(instance, first)
            return UNKNOWN
        return self._apply_instance(instance, first, args[1:], kwargs, node, scope)

    def _apply_instance(self, instance: Instance, inputs, rest: list, kwargs: dict, node: ast.AST,
                        scope: Scope):
        tensors = _as_tensor_list(inputs)
        if instance.cls.kind == "model" and not instance.called_on_tensor and instance.build_shape is None \
                and isinstance(inputs, TensorRef):
            # Keras builds a subclassed model on its first call: it is a model of its own, of that input shape
            shape = inputs.builder.shape_of(inputs)
            if shape is not None:
                instance.build_shape = tuple(shape)
        instance.called_on_tensor = True
        call = instance.cls.method("call")
        if not instance.built:
            build = instance.cls.method("build")
            if build is not None and len(build[0].args.args) >= 2:
                shapes = [t.builder.shape_of(t) for t in tensors]
                shape_value = shapes[0] if isinstance(inputs, TensorRef) else list(shapes)
                if all(sh is not None for sh in shapes):  # else built where a call's shape is known
                    for t in tensors:  # build(input_shape) reads the shape: its weights may depend on it
                        t.builder.shapes_read = True
                    instance.built = True
                    self._built_instances.append(instance)
                    self._invoke(build[0], build[1].scope or scope, [shape_value], {}, me=instance, where=node,
                                 scope=scope, cls=build[1])
                else:
                    self._builds_deferred += 1
                    if not isinstance(inputs, TensorRef) and any(sh is not None for sh in shapes):
                        # a list of inputs, some of a shape only later code settles (an input whose rank no layer
                        # fixed yet): build() reads the shapes it can now, the weights of the others stay unknown;
                        # left unbuilt, so a call that knows every shape builds it again
                        for t in tensors:
                            t.builder.shapes_read = True
                        partial = [sh if sh is not None else UNKNOWN for sh in shapes]
                        self._invoke(build[0], build[1].scope or scope, [partial], {}, me=instance, where=node,
                                     scope=scope, cls=build[1])
            else:
                instance.built = True
        if instance.base_layer is not None:
            # named after its class when it is made, as Keras names it (one name for every call of it)
            instance.name = instance.name or self.namer(instance.cls.name)
            if call is None:
                return self._layer_on(dataclasses.replace(instance.base_layer, name=instance.name), [inputs, *rest],
                                      dict(kwargs), node, scope)
        if call is None and instance.cls.removed_base:
            gone = instance.cls.removed_base
            return self._op_node(scope, "<opaque>", {}, tensors[:1], node, (
                f"`{instance.cls.name}` extends `{gone}`, a Keras 2 class that Keras 3 removed (there is no "
                f"keras.layers.{gone}: the import fails on Keras 3)"))
        if call is None:
            return self._op_node(scope, "<opaque>", {}, tensors[:1], node,
                                 f"`{instance.cls.name}` has no call() shapedoctor can read")
        kwargs = {k: v for k, v in kwargs.items() if k != "inputs"}
        builder = tensors[0].builder if tensors else None
        first_new = len(builder.nodes) if builder is not None else 0
        self._layer_calls += 1
        try:
            result = self._invoke(call[0], call[1].scope or scope, [inputs, *rest], kwargs, me=instance, where=node,
                                  scope=scope, cls=call[1])
        finally:
            self._layer_calls -= 1
        if isinstance(result, TensorRef) and result.builder is builder and result.node < first_new \
                and instance.cls.kind == "layer" and builder is not None:
            # call() gives back a tensor it was given (a loss layer returning y_pred): Keras still makes the
            # layer's own output tensor, so the layer is a step of the model
            result = self._op_node(scope, "ops.copy", {"x": TensorArg(0)}, [result], node, instance.cls.name)
        if builder is not None and instance.cls.kind == "layer":
            # what call() computes on the side (a loss for add_loss) belongs to the layer, not outside a model
            builder.used.update(range(first_new, len(builder.nodes)))
        if isinstance(result, TensorRef) and result.builder is builder and result.node >= first_new \
                and instance.cls.kind == "layer":
            # The node that computes the layer's output stands for the layer in traces, as in Keras' summary.
            _stand_for_layer(result, instance.name or self.namer(instance.cls.name), instance.cls.name,
                             f"`{instance.cls.name}.call()`")
        elif isinstance(result, (tuple, list)) and result and instance.cls.kind == "layer" and builder is not None \
                and all(isinstance(r, TensorRef) and r.builder is builder and r.node >= first_new for r in result):
            # (output, kernel): the first output's node stands for the layer, and remembers all of them
            _stand_for_layer(result[0], instance.name or self.namer(instance.cls.name), instance.cls.name,
                             f"`{instance.cls.name}.call()`")
            builder.layer_outputs[result[0].node] = tuple(result)
        if _as_tensor_list(result) or isinstance(result, TensorRef):
            return result
        declared = self._declared_output(instance, inputs, tensors, node, scope)
        if declared is not None:
            return declared
        return self._op_node(scope, "<opaque>", {}, tensors[:1], node,
                             f"`{instance.cls.name}.call()` returns a value shapedoctor cannot follow")

    def _declared_output(self, instance: Instance, inputs, tensors: list, node: ast.AST, scope: Scope):
        """call() could not be followed, but ``compute_output_shape(input_shape)`` can: Keras 3 uses that method
        for the symbolic output of a layer that defines it (Layer.compute_output_spec), so shapedoctor does too."""
        found = instance.cls.method("compute_output_shape")
        shapes = [t.builder.shape_of(t) for t in tensors]
        if found is None or not shapes or any(sh is None for sh in shapes):
            return None
        shape_value = shapes[0] if isinstance(inputs, TensorRef) else list(shapes)
        declared = self._invoke(found[0], found[1].scope or scope, [shape_value], {}, me=instance, where=node,
                                scope=scope, cls=found[1])
        if isinstance(declared, list):
            declared = tuple(declared)
        if not isinstance(declared, tuple) or not all(
                d is None or (isinstance(d, (int, Symbol)) and not isinstance(d, bool)) for d in declared):
            return None
        made = self._op_node(scope, "<declared>", {"shape": declared}, tensors, node,
                             f"{instance.cls.name}.compute_output_shape")
        if isinstance(made, TensorRef):
            _stand_for_layer(made, instance.name or self.namer(instance.cls.name), instance.cls.name,
                             f"`{instance.cls.name}.compute_output_shape()`")
        return made

    def _unique_items(self, node: ast.expr, scope: Scope) -> list | None:
        """``set(x)`` of a folded string or sequence of plain items: its distinct items; None otherwise."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "set"
                and len(node.args) == 1 and not node.keywords and scope.lookup("set") is UNKNOWN):
            return None
        items = self._fold(node.args[0], scope)
        if not isinstance(items, (str, tuple, list)) or len(items) > MAX_UNROLL or not all(is_plain(i) for i in items):
            return None
        return list(dict.fromkeys(items))

    def _builtin_call(self, name: str, node: ast.Call, scope: Scope):
        if name in ("sorted", "len") and len(node.args) == 1 and not node.keywords:
            unique = self._unique_items(node.args[0], scope)
            if unique is not None:  # sorted(set(text)), len(set(labels)): the set itself is never a value
                return sorted(unique) if name == "sorted" else len(unique)
        args = [self._fold(a, scope) for a in node.args]
        if name == "isinstance" and len(args) == 2 and not node.keywords:
            return self._isinstance(args[0], node.args[1], scope)
        if name == "type" and len(args) == 1 and not node.keywords and isinstance(args[0], (LayerObject, _LayerHandle)):
            return _layer_class(args[0])
        if name == "len" and len(args) == 1 and isinstance(args[0], (tuple, list, str, dict)):
            return len(args[0])
        if name == "len" and len(args) == 1 and isinstance(args[0], UnknownSequence):
            return Symbol(f"len({args[0].name})")
        if name == "len" and len(args) == 1 and isinstance(args[0], ArrayValue) and args[0].shape:
            return args[0].shape[0]
        if name in ("int", "round") and len(args) == 1 and isinstance(args[0], (int, float)) \
                and abs(args[0]) < 2 ** MAX_INT_BITS:  # not inf, nan or huge
            return int(args[0]) if name == "int" else round(args[0])
        if name in ("int", "float") and len(args) == 1 and type(args[0]) is str and len(args[0]) <= 40:
            try:  # int(os.environ.get("UNITS", "64")), float(config["rate"]): a number written as text
                return bounded(int(args[0]) if name == "int" else float(args[0]))
            except ValueError:
                return UNKNOWN
        if name == "bool" and len(args) == 1 and (is_plain(args[0]) or type(args[0]) in (list, dict)):
            return bool(args[0])  # global_query=bool(i % 2); a list of known length
        if name == "bool" and not args:
            return False
        if name == "str" and len(args) == 1 and not node.keywords and isinstance(args[0], (str, int, float)):
            # "conv_" + str(i): a name made in a loop
            return str(args[0]) if not isinstance(args[0], int) or args[0].bit_length() < 64 else UNKNOWN
        numbers = all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in args)
        if name == "pow" and len(args) == 2 and numbers and abs(args[0]) < 2 ** MAX_INT_BITS \
                and -64 <= args[1] <= 64 and (args[0] != 0 or args[1] >= 0) and (args[0] >= 0 or type(args[1]) is int):
            return args[0] ** args[1]  # pow(vocabulary, 0.25): an embedding width rule
        if name in ("abs", "float") and len(args) == 1 and numbers and abs(args[0]) < 2 ** MAX_INT_BITS:
            return abs(args[0]) if name == "abs" else float(args[0])
        if name in ("tuple", "list", "sorted") and len(args) == 1 and isinstance(args[0], dict):
            args = [list(args[0])]  # a dict iterates over its keys
        if name in ("tuple", "list") and len(args) == 1 and isinstance(args[0], (tuple, list)):
            return tuple(args[0]) if name == "tuple" else list(args[0])
        if name in ("tuple", "list") and not args and not node.keywords:
            return () if name == "tuple" else []  # self.blocks = list(), appended to in a loop
        if name in ("getattr", "setattr") and len(args) >= 2 and isinstance(args[1], str) and args[1].isidentifier():
            # getattr(self, f"dec_layer_{i}") / setattr(self, f"dec_layer_{i}", layer): the attribute, by name
            if name == "setattr" and len(args) == 3 and isinstance(args[0], Instance):
                args[0].attributes[args[1]] = args[2]
                return None
            if name == "getattr":
                found = self._attribute_of(args[0], ast.copy_location(ast.Attribute(node.args[0], args[1],
                                                                                    ast.Load()), node), scope)
                return args[2] if found is UNKNOWN and len(args) == 3 else found
        if name in ("max", "min") and args and all(isinstance(a, (int, float)) and not isinstance(a, bool)
                                                    for a in args):
            return max(args) if name == "max" else min(args)
        if name == "range" and 1 <= len(args) <= 3 and all(isinstance(a, int) for a in args):
            r = range(*args)
            return list(r) if len(r) <= MAX_UNROLL else UNKNOWN
        sequences = [a for a in args if isinstance(a, (list, tuple)) and len(a) <= MAX_UNROLL]
        if name == "enumerate" and len(args) == 1 and sequences:
            return list(enumerate(args[0]))
        if name == "zip" and args and len(sequences) == len(args):
            return [tuple(items) for items in zip(*args)]
        if name == "reversed" and len(args) == 1 and sequences:
            return list(reversed(args[0]))
        if name == "sorted" and len(args) == 1 and sequences and all(is_plain(a) for a in args[0]):
            try:
                return sorted(args[0])
            except TypeError:
                return UNKNOWN
        if name == "sum" and len(args) == 1 and sequences and all(isinstance(a, int) for a in args[0]):
            return sum(args[0])
        if name == "dict":  # dict(pairs), dict(mapping), dict(a=1): the outputs dict of a feature extractor
            kwargs = {kw.arg: self._fold(kw.value, scope) for kw in node.keywords if kw.arg}
            if not args:
                return kwargs if len(kwargs) == len(node.keywords) else UNKNOWN
            source = args[0]
            if isinstance(source, dict):
                return {**source, **kwargs}
            if isinstance(source, (list, tuple)) and len(source) <= MAX_ITEMS and all(
                    isinstance(p, (list, tuple)) and len(p) == 2 and is_plain(p[0]) and not isinstance(p[0], tuple)
                    for p in source):
                return {**dict(source), **kwargs}
            return UNKNOWN
        if name == "super" and not args:
            return _Super(scope.lookup("__class_instance__"), scope.lookup("__class_def__"))
        return UNKNOWN

    # ---------------------------------------------------------- comprehensions
    def _comprehension(self, node, scope: Scope, element, padding=None):
        """``[Dense(n) for n in sizes]``, ``{name: Input(...) for name in FEATURES}``: unrolled when every
        iterable folds to a short list, else an unknown value (a list of unknown length)."""
        results: list = []
        inner = scope.inner("<comprehension>", scope)
        activity = self._activity()
        if not self._unroll_generators(node, node.generators, inner, element, padding, activity, results):
            return UNKNOWN
        return results

    def _unroll_generators(self, node, generators: list, inner: Scope, element, padding, activity: tuple,
                           results: list) -> bool:
        """``_comprehension``'s unrolling of ``generators`` (the first of them, then the rest for each item), its
        elements appended to ``results``; False when they cannot all be unrolled."""
        if not generators:
            results.append(element(inner))
            return True
        first = generators[0]
        iterable = _iterated(self._fold(first.iter, inner))
        if not isinstance(iterable, (list, tuple)) or len(iterable) > MAX_UNROLL:
            return False
        for position, item in enumerate(iterable):
            if position == PROBE_ITERATIONS and generators is node.generators and self._activity() == activity \
                    and all(_opaque_data(r) for r in results) and not _over_layers(iterable):
                # data preparation (`[featurize(s) for s in smiles_list]`): its first elements built no model
                # code and are not constants, so the other thousand are not interpreted either; a list
                # keeps its length (`len(labels)` may size a layer), its other elements unknown
                if padding is None or len(node.generators) > 1 or first.ifs:
                    return False
                results.extend([padding] * (len(iterable) - position))
                return True
            self._statements += 1  # nested comprehensions multiply: bounded like statements
            if self._statements > MAX_STATEMENTS:
                return False
            self._bind(first.target, item, inner)
            conditions = [self._fold(c, inner) for c in first.ifs]
            if not all(is_plain(c) for c in conditions):
                return False
            if all(conditions) and not self._unroll_generators(node, generators[1:], inner, element, padding,
                                                               activity, results):
                return False
        return True

    def _expr_ListComp(self, node: ast.ListComp, scope: Scope):
        result = self._comprehension(node, scope, lambda inner: self._fold(node.elt, inner), padding=UNKNOWN)
        return result if result is not UNKNOWN else UnknownSequence("[...]")

    _expr_GeneratorExp = _expr_ListComp

    def _expr_DictComp(self, node: ast.DictComp, scope: Scope):
        pairs = self._comprehension(node, scope,
                                    lambda inner: (self._fold(node.key, inner), self._fold(node.value, inner)))
        if pairs is UNKNOWN or not all(_dict_key(k) for k, _ in pairs):
            return UNKNOWN
        return dict(pairs)

    def _numpy_call(self, func: NumpyName, node: ast.Call, scope: Scope):
        leaf = func.qualname.rsplit(".", 1)[-1]
        args = [self._fold(a, scope) for a in node.args]
        kwargs = {kw.arg: self._fold(kw.value, scope) for kw in node.keywords if kw.arg}
        if leaf in _NUMPY_CREATORS:
            if leaf in ("zeros_like", "ones_like"):
                return args[0] if args and isinstance(args[0], ArrayValue) else UNKNOWN
            if leaf in ("rand", "randn"):
                shape = tuple(args)
            elif leaf == "randint":
                shape = kwargs.get("size", args[2] if len(args) > 2 else UNKNOWN)
            elif leaf in ("normal", "uniform"):
                shape = kwargs.get("size", args[2] if len(args) > 2 else UNKNOWN)
            else:
                shape = kwargs.get("shape", kwargs.get("size", args[0] if args else UNKNOWN))
            if isinstance(shape, int) and not isinstance(shape, bool):
                shape = (shape,)
            if isinstance(shape, (tuple, list)) and all(isinstance(d, (int, Symbol)) for d in shape):
                return ArrayValue(tuple(shape))
            return UNKNOWN
        if leaf == "arange":
            vector = _numpy_arange(args, kwargs)
            if vector is not None:
                return vector
        if leaf in ("eye", "identity"):
            shape = _eye_shape(args[:1] if leaf == "identity" else args, kwargs)
            return ArrayValue(shape) if shape is not None else UNKNOWN
        if leaf == "choice" and func.qualname.endswith("random.choice"):  # np.random.choice(a, size, replace=...)
            size = kwargs.get("size", args[1] if len(args) > 1 else None)
            if isinstance(size, (int, Symbol)) and not isinstance(size, bool):
                return ArrayValue((size,))
            if type(size) is tuple and all(isinstance(d, (int, Symbol)) and not isinstance(d, bool) for d in size):
                return ArrayValue(size)
            return UNKNOWN
        if leaf == "linspace":  # np.linspace(start, stop, num=50)
            num = kwargs.get("num", args[2] if len(args) > 2 else 50)
            if type(num) is not int or num < 0:
                return UNKNOWN
            return ArrayValue((num,), _linspace_values(kwargs.get("start", args[0] if args else None),
                                                       kwargs.get("stop", args[1] if len(args) > 1 else None), num,
                                                       kwargs.get("endpoint", args[3] if len(args) > 3 else True)))
        if leaf == "shape" and len(args) == 1:  # np.shape(X): as X.shape
            if isinstance(args[0], ArrayValue):
                return args[0].shape
            if args[0] is UNKNOWN or isinstance(args[0], Symbol):
                return UnknownShape(f"{_unparse(node.func)}({_unparse(node.args[0])})",
                                    whole_data=not _indexes(node.args[0]))
        if leaf in ("array", "asarray") and args and isinstance(args[0], ArrayValue):
            return args[0]
        if leaf == "expand_dims" and len(args) >= 1 and isinstance(args[0], ArrayValue):
            axis = args[1] if len(args) > 1 else kwargs.get("axis", UNKNOWN)
            if isinstance(axis, int):
                shape = list(args[0].shape)
                axis = axis if axis >= 0 else len(shape) + 1 + axis
                shape.insert(axis, 1)
                return ArrayValue(tuple(shape))
        if leaf == "reshape" and len(args) >= 2 and isinstance(args[0], ArrayValue):
            return reshape_array(args[0], args[1])
        if leaf in ("prod", "product", "sum") and len(args) == 1 and not kwargs and type(args[0]) in (tuple, list) \
                and all(type(d) is int for d in args[0]):  # np.prod(K.int_shape(x)[1:]): a layer's size
            return math.prod(args[0]) if leaf != "sum" else sum(args[0])
        if leaf == "meshgrid":
            return _meshgrid(args, kwargs.get("indexing", "xy"))
        if leaf in _NUMPY_SCALAR_FUNCTIONS and len(args) == 1 and not kwargs and type(args[0]) in (int, float):
            return _numpy_scalar(leaf, args[0])  # int(np.round(float(h) / pool_factor)): a pooling size
        if leaf in _NUMPY_AS_OPS and any(isinstance(a, ArrayValue) or type(a) is list and a and all(
                isinstance(i, ArrayValue) for i in a) for a in args[:1]):
            return self._constant_op(_resolved_op(f"keras.ops.{leaf}"), args, kwargs)
        return UNKNOWN

    # ---------------------------------------------------------- keras calls
    def _keras_call(self, func: KerasName, node: ast.Call, scope: Scope):
        leaf = func.leaf
        if leaf == "image_data_format" and not node.args and not node.keywords:
            return self._image_data_format
        if leaf == "set_image_data_format":
            return self._set_image_data_format(node, scope)
        if leaf in _CONFIG_DEFAULTS and not node.args and not node.keywords:
            # keras.backend.image_data_format(): the default configuration, which every rule assumes too
            return _CONFIG_DEFAULTS[leaf]
        if leaf in _MODEL_CLASSES:
            return self._model_constructor(leaf, node, scope)
        if leaf in _INPUT_FUNCTIONS:
            layer = self._layer_object("InputLayer", leaf, node, scope)
            _name_unknown_sizes(layer.args, node)
            return self._apply_layer(layer, [], node, scope, False)
        if leaf in _FUNCTIONAL_MERGES and "ops" not in func.qualname.split(".")[:-1]:  # not ops.add(a, b)
            tensors = self._fold(node.args[0], scope) if node.args else UNKNOWN
            layer = self._layer_object(_FUNCTIONAL_MERGES[leaf], leaf, node, scope, skip_first=True)
            if isinstance(tensors, (list, tuple)) and all(isinstance(t, TensorRef) for t in tensors):
                return self._apply_layer(layer, list(tensors), node, scope, True)
            return UNKNOWN
        if leaf == "merge" and func.qualname.startswith("keras.") and node.args:
            return self._keras1_merge(node, scope)
        if func.qualname.startswith("tensorflow.ops."):
            return self._function_call("tensorflow." + leaf, *self._call_arguments(node, scope), node, scope)
        if leaf == "Variable":  # keras.Variable(ops.zeros((1, 1, d))): a weight, not a layer
            return self._function_call(func.qualname, *self._call_arguments(node, scope), node, scope)
        if func.qualname.split(".")[-2:-1] in (["ops"], ["backend"], ["image"]) or not leaf[:1].isupper():
            return self._function_call(func.qualname, *self._call_arguments(node, scope), node, scope)
        if func.qualname.startswith("keras_hub."):
            return self._layer_object(f"keras_hub.{leaf}", leaf, node, scope)
        if func.qualname == "tensorflow_addons.layers.WeightNormalization" and node.args:
            # TensorFlow Addons' WeightNormalization(layer) reparameterises the layer's kernel: its shapes are the
            # layer's own (Keras 3 has no such wrapper; SpectralNormalization is the nearest)
            inner = self._fold(node.args[0], scope)
            return inner if isinstance(inner, LayerObject) else UNKNOWN
        if func.qualname == "tensorflow_addons.layers.InstanceNormalization":
            # TensorFlow Addons' InstanceNormalization is GroupNormalization with one group per channel, which
            # is how Keras 3 documents its replacement: GroupNormalization(groups=-1)
            layer = self._layer_object("GroupNormalization", leaf, node, scope)
            layer.args.setdefault("groups", -1)
            return layer
        layer = self._layer_object(canonical_type(leaf), leaf, node, scope)
        namespace = _not_layer_namespace(func.qualname)
        if namespace:
            layer.not_a_layer = namespace
        return layer

    def _keras1_merge(self, node: ast.Call, scope: Scope):
        """Keras 1's ``merge([a, b], mode="concat", concat_axis=1)``: Keras 3 has no ``merge`` (the import fails),
        so it is a finding; the merge layer it meant is checked, as U-Nets written for Theano's axes need."""
        args, kwargs = self._call_arguments(node, scope)
        tensors = args[0]
        mode = kwargs.get("mode", "sum")  # Keras 1's default
        if mode not in _KERAS1_MERGE_MODES or not isinstance(tensors, (list, tuple)) \
                or not all(isinstance(t, TensorRef) for t in tensors):
            return self._unknown_function("merge", _tensors_in(args, kwargs), node, scope)
        type_, function = _KERAS1_MERGE_MODES[mode]
        layer_args = {}
        if type_ == "Concatenate":
            layer_args["axis"] = kwargs.get("concat_axis", -1)
        elif type_ == "Dot":
            layer_args["axes"] = kwargs.get("dot_axes", -1)
            layer_args["normalize"] = mode == "cos"
        spelled = ", ".join(f"{k}={v!r}" for k, v in layer_args.items() if not (k == "normalize" and not v))
        layer_args[REMOVED_SPELLING] = removed_merge_message(
            mode, f"{function}({_short(_unparse(node.args[0]), 30)}{', ' + spelled if spelled else ''})")
        self._layer_objects += 1
        layer = LayerObject(type_, "merge", layer_args, span_of(node), f"layer{next(self._keys)}")
        return self._apply_layer(layer, list(tensors), node, scope, True)

    def _set_image_data_format(self, node: ast.Call, scope: Scope):
        """``keras.config.set_image_data_format("channels_first")``: layers made after it without a data_format
        read channels first, as Keras' global configuration makes them (in a branch that may not run: unknown)."""
        value = self._fold(node.args[0], scope) if node.args else None
        if value in ("channels_first", "channels_last") and scope.uncertain == 0:
            self._image_data_format = value
        return None

    # ------------------------------------------------------------- tensor ops
    def _environment_variable(self, qualname: str, args: list, kwargs: dict, scope: Scope):
        """``os.environ.get("DEBUG", 0)``, ``os.getenv(name)``, ``os.environ.setdefault(name, value)``: what the
        file set it to, else its default (None without one): the model is checked as it runs in an environment
        that does not set the variable."""
        name = args[0]
        if name in self._environment:
            return self._environment[name]
        default = args[1] if len(args) > 1 else kwargs.get("default", kwargs.get("value"))
        value = default if is_plain(default) else UNKNOWN
        if qualname == "os.environ.setdefault":
            self._environment[name] = value if not scope.uncertain else UNKNOWN
        return value

    def _function_call(self, qualname: str, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        """``tf.reshape(x, ...)``, ``ops.mean(x, axis=1)``, ``K.int_shape(x)``: an op node, a shape, or
        (applied to tensors but unknown) an opaque step."""
        qualname = _normal_qualname(qualname)
        leaf = qualname.rsplit(".", 1)[-1]
        if leaf == "image_data_format" and qualname.startswith("keras.") and not args and not kwargs:
            return self._image_data_format
        if leaf == "set_image_data_format" and qualname.startswith("keras."):
            return self._set_image_data_format(node, scope)
        if leaf in _CONFIG_DEFAULTS and qualname.startswith("keras.") and not args and not kwargs:
            return _CONFIG_DEFAULTS[leaf]  # keras.config.image_data_format()
        if leaf in ("shape", "int_shape") and args and isinstance(args[0], (TensorRef, WeightValue)):
            if isinstance(args[0], WeightValue):
                return args[0].shape
            return self._tensor_attribute(args[0], ast.Attribute(node.args[0], "shape"), scope)
        if qualname in _ENVIRONMENT_READS and args and isinstance(args[0], str):
            return self._environment_variable(qualname, args, kwargs, scope)
        if leaf in _CREATION_OPS:
            return _created_constant(leaf, args, kwargs)
        if qualname == "tensorflow.signal.linear_to_mel_weight_matrix":
            return _mel_weight_matrix(args, kwargs)
        if leaf in _COMPARISONS and len(args) == 2 and not kwargs and all(_number_like(a) and is_plain(a)
                                                                          for a in args):
            return _COMPARISONS[leaf](args[0], args[1])  # tf.math.equal(x.shape[-1], filters) on known sizes
        if leaf == "correct_pad" and qualname.endswith("imagenet_utils.correct_pad") and args \
                and isinstance(args[0], TensorRef):
            kernel_size = args[1] if len(args) > 1 else kwargs.get("kernel_size")
            return _correct_pad(args[0].builder.shape_of(args[0]), kernel_size, self._image_data_format)
        if leaf == "Variable":  # tf.Variable(initial_value=w_init(shape=...)), keras.Variable(init, shape=...)
            initial = kwargs.get("initial_value", args[0] if args else None)
            if isinstance(initial, (WeightValue, ArrayValue)):
                return WeightValue(tuple(initial.shape))
            if "shape" in kwargs:
                return _weight(kwargs["shape"])
            written = _nested_shape(initial) if type(initial) in (list, tuple) or _number_like(initial) else None
            return WeightValue(written) if written is not None else UNKNOWN  # tf.Variable(5.0): a scalar
        if leaf in _DATA_TO_TENSOR and args and isinstance(args[0], ArrayValue):
            return args[0]  # ops.array(np.random.uniform(size=(1, 224, 224, 3))): data of that shape still
        if leaf in _DATA_TO_TENSOR and args and type(args[0]) in (list, tuple) and args[0]:
            shape = _nested_shape(args[0])  # tf.convert_to_tensor([0.1, 0.1, 0.2, 0.2]): a constant of shape (4,)
            if shape is not None:
                return WeightValue(shape)
        if leaf in _IDENTITY_FUNCTIONS or qualname in PREPROCESS_FUNCTIONS:
            if args and _number_like(args[0]):  # ops.cast(self.scale, q.dtype): still that number
                return args[0]
            return args[0] if args and isinstance(args[0], (TensorRef, WeightValue)) else UNKNOWN
        spec = _resolved_op(qualname)
        tensors = _tensors_in(args, kwargs)
        if spec is not None and tensors and qualname.startswith("keras.random.") and not self._layer_calls:
            # not an op: on a Keras tensor outside a layer's call() Keras 3 raises (TypeError with torch,
            # "A KerasTensor is symbolic" for shuffle)
            return self._op_node(scope, "<opaque>", {}, tensors[:1], node,
                                 f"`{_short(_unparse(node.func))}` takes backend tensors, inside a layer's call(): on "
                                 f"a Keras tensor Keras raises")
        if spec is not None and tensors:
            if spec.op in _SCALAR_OPERAND_OPS:  # tf.math.floordiv(index, self.num_buckets): a named size, a scalar
                args = [_scalar_operand(a) for a in args]
                kwargs = {k: _scalar_operand(v) for k, v in kwargs.items()}
            if spec.op == "ops.reshape" and len(args) > 1 and len(node.args) > 1:
                args[1] = _named_unknown_sizes(args[1], node.args[1])
            # K.sum: checked as the op meant, and said to fail
            removed = removed_backend_message(_short(_unparse(node.func), 40), leaf, spec.op) \
                if self._gone_from_backend(qualname, leaf) else None
            return self._tensor_op(spec, args, kwargs, node, scope, _unparse(node.func), removed)
        if spec is None and tensors and self._gone_from_backend(qualname, leaf):
            written = _short(_unparse(node.func), 40)
            return self._op_node(scope, "<removed-function>", {"message": removed_backend_message(written, leaf, None)},
                                 tensors[:1], node, written)
        if spec is not None and any(isinstance(v, (WeightValue, ArrayValue)) or type(v) is list and v and all(
                isinstance(i, (WeightValue, ArrayValue)) or _number_like(i) for i in v)
                and any(isinstance(i, WeightValue) for i in v) for v in list(args) + list(kwargs.values())):
            return self._constant_op(spec, args, kwargs)  # tf.stack([offsets, offsets + sizes], axis=1)
        if tensors:
            return self._unknown_function(_unparse(node.func), tensors, node, scope)
        if spec is not None and leaf in _TENSOR_SCALAR_FUNCTIONS and len(args) == 1 and not kwargs \
                and _number_like(args[0]):
            if isinstance(args[0], (Symbol, UnknownNumber)):  # ops.sqrt(ops.cast(hidden_dim, "float32")): a scale
                return UnknownNumber(_unparse(node))
            return _numpy_scalar(leaf, args[0])  # self.scale = tf.sqrt(gain / fan_in): a number beside weights
        return UNKNOWN

    def _index_key(self, index: ast.expr, scope: Scope):
        """A subscript as ``ops.getitem`` takes it: ints, ``slice`` objects, ``Ellipsis``, ``None``."""
        if isinstance(index, ast.Tuple):
            return tuple(self._index_key(item, scope) for item in index.elts)
        if isinstance(index, ast.Slice):
            written = (index.lower, index.upper, index.step)
            parts = [self._fold(p, scope) if p is not None else None for p in written]
            # a bound written as an expression that folds to None is a size the shape leaves unknown (batch_len =
            # tf.shape(x)[1]; c[:, :batch_len]), a run-time count: not Python's "to the end"
            parts = [UNKNOWN if p is None and w is not None and not _is_none_literal(w) else
                     p if p is None or (isinstance(p, (int, Symbol)) and not isinstance(p, bool)) else UNKNOWN
                     for p, w in zip(parts, written)]
            return UNKNOWN if UNKNOWN in parts else slice(*parts)
        value = self._fold(index, scope)
        if value is None or value is Ellipsis or (isinstance(value, (int, Symbol)) and not isinstance(value, bool)):
            return value
        if isinstance(value, (NumpyName, Module, KerasName)) and value.qualname.endswith("newaxis"):
            return None  # np.newaxis, tf.newaxis
        return UNKNOWN

    def _gone_from_backend(self, qualname: str, leaf: str) -> bool:
        """Keras 2's ``keras.backend.<leaf>``, which Keras 3 lacks; not said in a try: body, whose except: may be
        the Keras 3 fallback for that AttributeError."""
        return qualname.startswith("keras.backend.") and removed_from_backend(leaf) and not self._guarded

    def _tensor_op(self, spec, args: list, kwargs: dict, node: ast.AST, scope: Scope, label: str,
                   removed: str | None = None):
        """An op on graph tensors: a node ``ops.<name>`` whose arguments name the tensors it takes (``removed``:
        why Keras 3 has no function of that spelling, and what to write)."""
        if spec is None:
            return self._unknown_function(label, _tensors_in(args, kwargs), node, scope)
        inputs: list[TensorRef] = []
        bound = {k: _encoded_operand(v, inputs) for k, v in spec.bind(list(args), dict(kwargs)).items()}
        if removed is not None:
            bound[REMOVED_SPELLING] = removed
        if len({id(t.builder) for t in inputs}) != 1:
            return UNKNOWN
        layer = LayerObject(spec.op, _short(label, 40), bound, span_of(node), f"op{next(self._keys)}", "",
                            _unfolded_operands(spec, bound, node))  # by position (name ""): see FunctionalBuilder.add
        result = self._apply_layer(layer, inputs, node, scope, False)
        outputs = result.builder.outputs_of(result) if isinstance(result, TensorRef) else None
        if outputs is None and isinstance(result, TensorRef):
            outputs = _pieces_written(spec.op, bound)  # `a, b = tf.split(x, 2, -1)` of an x of unknown shape
        if outputs is not None and outputs > 1:
            refs = [TensorRef(result.builder, result.node, i) for i in range(outputs)]
            # split / unstack give a Python list (x_splits[0] = ... then works); the others a tuple
            return refs if spec.op in ("ops.split", "ops.unstack", "ops.array_split") else tuple(refs)
        return result

    @staticmethod
    def _constant_op(spec, args: list, kwargs: dict):
        """An op on constants only (``positions = ops.arange(n)`` then ``positions[None]``): its shape."""
        from ..rules import RULES, LayerCall

        if spec is None:
            return UNKNOWN

        def encoded(value):
            if isinstance(value, (WeightValue, ArrayValue)):
                return ConstTensor(tuple(value.shape))
            if isinstance(value, list) and any(isinstance(v, (WeightValue, ArrayValue)) for v in value):
                return [encoded(v) for v in value]  # np.stack([a, b])
            return _scalar_operand(value)

        operands = list(args) + list(kwargs.values())
        data = any(isinstance(v, ArrayValue) or isinstance(v, list) and any(isinstance(i, ArrayValue) for i in v)
                   for v in operands)
        try:
            shape = RULES[spec.op].fn(LayerCall(spec.op, {k: encoded(v) for k, v in
                                                          spec.bind(list(args), dict(kwargs)).items()}), [])
        except Exception:  # a constant whose shape cannot be told: unknown, as any unfolded value
            return UNKNOWN
        if not isinstance(shape, tuple):
            return UNKNOWN
        # numpy data computed from numpy data is still data (X / 255.0 is fed to fit like X)
        return ArrayValue(tuple(shape)) if data else WeightValue(tuple(shape))

    def _inline_sequential(self, model: SequentialModel, tensor: TensorRef, node: ast.Call, scope: Scope):
        """``inner(x)`` with ``inner`` a Sequential: its layers applied in turn (its Input is dropped).

        A Sequential that declares no input is also checked as a model of its own, on the shape of the
        first tensor it is called on.
        """
        model.used_inside = True
        if model.call_shape is None:
            model.call_shape = tensor.builder.shape_of(tensor)
        return self._apply_items(_flatten_items(model.items), tensor, node, scope)

    def _apply_items(self, items: list, tensor: TensorRef, node: ast.AST, scope: Scope):
        """A Sequential's layers applied in turn: Keras layers, user layers and models, nested models."""
        for item in items:
            if isinstance(item, TensorRef) or (isinstance(item, LayerObject) and item.type == "InputLayer"):
                continue  # the inner model's own Input
            followed = self._follow_lambda(item, tensor, node, scope) if self._followed_lambda(item) else None
            if followed is not None:  # Lambda(lambda x: x / 255 - 0.5): its function traced on the tensor
                tensor = followed
            elif isinstance(item, LayerObject):
                tensor = self._apply_layer(item, [tensor], node, scope, False)
            elif isinstance(item, Instance):
                tensor = self._call_instance(item, [tensor], {}, node, scope)
            elif isinstance(item, FunctionalModel):
                tensor = self._inline_functional(item, tensor, node, scope)
            elif isinstance(item, SequentialModel):
                tensor = self._inline_sequential(item, tensor, node, scope)
            else:
                reason = item.reason if isinstance(item, Opaque) else "a layer shapedoctor cannot read"
                return self._op_node(scope, "<opaque>", {}, [tensor], node, reason)
            if not isinstance(tensor, TensorRef):
                return UNKNOWN
        return tensor

    def _application_tensor(self, layer: LayerObject, attr: str, node: ast.AST, scope: Scope):
        """``base.input`` / ``base.output`` of a ``keras.applications`` backbone: the model it builds on its
        own Input (or on ``input_tensor=``), made once per backbone object."""
        from ..rules.applications import APPS, default_input_shape
        from ..rules.base import ShapeProblem, Unresolved

        if layer.type not in APPS:
            return UNKNOWN
        if layer.key not in self._application_tensors:
            given = layer.args.get("input_tensor")
            if isinstance(given, TensorRef):
                tensor = given
            else:
                try:
                    shape = default_input_shape(layer.type, dict(layer.args))
                except (ShapeProblem, Unresolved):
                    shape = (None, None, None, None)  # the backbone's own rule reports why
                inp = LayerObject("InputLayer", "Input", {"batch_shape": shape}, layer.span,
                                  f"layer{next(self._keys)}")
                tensor = self._apply_layer(inp, [], node, scope, False)
            self._application_tensors[layer.key] = (tensor, self._apply_layer(layer, [tensor], node, scope, False))
        tensor, output = self._application_tensors[layer.key]
        return {"input": tensor, "inputs": [tensor], "output": output, "outputs": [output]}[attr]

    def _sequential_tensors(self, model: SequentialModel, node: ast.AST, scope: Scope):
        """(input tensor, {layer key: (its input, its output)}, output tensor) of a Sequential that declares its
        input, its layers applied once in the scope's graph: what ``model.inputs``, ``model.outputs`` and
        ``model.layers[i].output`` give (``Model(inputs=model.inputs, outputs=[model.layers[1].output])``, a
        feature extractor or Grad-CAM on a Sequential), as Keras builds them; None when it declares none."""
        items = _flatten_items(model.items)
        count = len(items)  # the layers added so far: a later add() makes the model anew
        made = self._sequential_tensors_made.get(id(model))
        if made is not None and made[0] == count:
            return made[1]
        first = _layer_of_input_ref(items[0]) if items and isinstance(items[0], TensorRef) else \
            items[0] if items else None
        shape_args = _declared_input_args(first)
        if isinstance(first, LayerObject) and first.type == "InputLayer":
            items = items[1:]
        if shape_args is None and model.build_shape is not None:
            shape_args = {"batch_shape": model.build_shape}
        if shape_args is None:
            return None
        _symbolic_input(shape_args, self._rank_hints)
        builder = scope.builder
        start = len(builder.nodes)
        span = first.span if isinstance(first, LayerObject) else model.span  # where the input is declared
        input_layer = LayerObject("InputLayer", "Input", shape_args, span, f"layer{next(self._keys)}")
        tensor = self._apply_layer(input_layer, [], node, scope, False)
        first_tensor, per_layer = tensor, {}
        for item in items:
            if not isinstance(tensor, TensorRef):
                break
            before, tensor = tensor, self._apply_items([item], tensor, node, scope)
            if isinstance(item, LayerObject):
                per_layer[item.key] = (before, tensor)
        # the Sequential's own layers, checked in its own graph: not a fragment of layers called outside a Model
        builder.used.update(range(start, len(builder.nodes)))
        made = (first_tensor, per_layer, tensor if isinstance(tensor, TensorRef) else UNKNOWN)
        self._sequential_tensors_made[id(model)] = (count, made)
        return made

    def _tensor_of_a_sequentials_layer(self, layer: LayerObject, node: ast.AST, scope: Scope):
        """(input, output) of ``layer`` as a layer of the Sequential that holds it, built on that model's own
        input (``seq.layers[-4].output``); None when no Sequential that declares its input holds it."""
        for model in (*scope.models, *self._constructed.values()):
            if isinstance(model, SequentialModel) and any(i is layer or isinstance(i, LayerObject) and
                                                          i.key == layer.key for i in _flatten_items(model.items)):
                made = self._sequential_tensors(model, node, scope)
                return made[1].get(layer.key) if made is not None else None
        return None

    def _application_model(self, layer: LayerObject, node: ast.AST, scope: Scope):
        """The backbone as a functional model of its own layers (``get_layer``, ``.layers``), replayed once
        per backbone object on the same input tensor as its ``.input``; why not, as an Opaque."""
        from .applications import application_graph, correct_pad, correct_pad_kernels

        if layer.key in self._application_models:
            return self._application_models[layer.key]
        tensor = self._application_tensor(layer, "input", node, scope)
        graph = application_graph(layer.type, {k: v for k, v in layer.args.items() if is_plain(v)})
        if isinstance(graph, str) or not isinstance(tensor, TensorRef):
            result = Opaque(graph if isinstance(graph, str) else f"`{layer.written_type}` has no input tensor",
                            layer.span)
            self._application_models[layer.key] = result
            return result
        builder = tensor.builder
        whole = self._application_tensors[layer.key][1]  # the backbone as one step: part of this model now
        builder.used.update({tensor.node, whole.node} if isinstance(whole, TensorRef) else {tensor.node})
        pads = correct_pad_kernels(layer.type)
        refs: dict[int, TensorRef] = {}
        nested: dict[int, str] = {}
        for old in graph.nodes:
            if old.type == "InputLayer":
                refs[old.index] = tensor
                continue
            inputs = [TensorRef(builder, refs[ref[0]].node, ref[1]) for ref in old.inputs]
            args = old.args
            if old.name in pads and inputs:
                shape = builder.shape_of(inputs[0])
                args = {**args, "padding": correct_pad(tuple(shape[1:3]) if shape else (), pads[old.name])}
            new = builder.add(old.type, args, inputs, layer.span, old.name, old.written_type, old.list_input,
                              f"{layer.key}/{old.layer_key or old.name}")
            if old.layer_key and "/" in old.layer_key:  # inside a nested model (ConvNeXt's stem)
                nested[new.index] = old.layer_key.split("/")[0]
            new.call_span = layer.span
            builder.used.add(new.index)
            refs[old.index] = TensorRef(builder, new.index, 0)
        outputs = [TensorRef(builder, refs[ref[0]].node, ref[1]) for ref in graph.outputs]
        model = FunctionalModel(name=layer.args.get("name") if isinstance(layer.args.get("name"), str)
                                else graph.name, line=layer.span.line if layer.span else 0, builder=builder,
                                inputs=[tensor], outputs=outputs, layer_of_node=nested)
        self._application_models[layer.key] = model
        return model

    def _inline_functional(self, model: FunctionalModel, given, node: ast.Call, scope: Scope):
        """``encoder(x)`` with ``encoder`` a functional model: its layers replayed on ``x``, sharing their
        weights (same layer keys), its Input layers replaced by the given tensors."""
        tensors = _as_tensor_list(given)
        if isinstance(given, dict) and all(isinstance(k, str) for k in given):
            by_name = {model.builder.nodes[i.node].name: i for i in model.inputs}
            tensors = [given.get(name) for name in by_name] if set(given) == set(by_name) else []
        if len(tensors) != len(model.inputs) or not all(isinstance(t, TensorRef) for t in tensors):
            return self._op_node(scope, "<opaque>", {}, _tensors_in([given], {})[:1], node,
                                 f"model `{model.name}` called on {len(tensors)} tensors but it has "
                                 f"{len(model.inputs)} inputs")
        source = model.builder
        target = tensors[0].builder
        if any(t.builder is not target for t in tensors):
            return UNKNOWN
        mapping: dict[int, TensorRef] = {}
        for position, (inp, tensor) in enumerate(zip(model.inputs, tensors)):
            expected = source.shape_of(inp)
            if expected is not None:  # the model's InputSpec, checked where it is called
                spec = LayerObject("<model-input>", f"{model.name}", {"expected": tuple(expected), "position": position,
                                                                        "model": model.name,
                                                                        "name": f"{model.name}_input_{position}",
                                                                        # where the Input is written: what a repair
                                                                        # of the call's mismatch edits
                                                                        "declared_at": source.nodes[inp.node].span},
                                   span_of(node), f"layer{next(self._keys)}")
                tensor = self._apply_layer(spec, [tensor], node, scope, False)
            mapping[inp.node] = tensor
        needed = sorted(_ancestors(source, [o.node for o in model.outputs], stop=set(mapping)))
        copies: dict[int, int] = {}
        for index in needed:
            if index in mapping:
                continue
            old = source.nodes[index]
            inputs = []
            for ref in old.inputs:
                inputs.append(mapping[ref[0]] if ref[0] in mapping else TensorRef(target, copies[ref[0]], ref[1]))
            new = target.add(old.type, old.args, inputs, old.span, old.name, old.written_type, old.list_input,
                             old.layer_key)
            new.call_span = span_of(node)
            copies[index] = new.index
        source.used.update(needed)
        return _replayed_value(model.output_value if model.output_value is not None else model.outputs, mapping,
                               copies, target)

    def _op_node(self, scope: Scope, type_: str, args: dict, inputs: list[TensorRef], node: ast.AST,
                 written: str):
        layer = LayerObject(type_, written, args, span_of(node), f"op{next(self._keys)}")
        return self._apply_layer(layer, inputs, node, scope, False)

    def _layer_object(self, type_: str, written: str, node: ast.Call, scope: Scope,
                      skip_first: bool = False) -> LayerObject:
        written_args = node.args[1 if skip_first else 0:]
        starred = ast.Starred in map(type, written_args)  # Resizing(*TARGET_SIZE)
        positional = self._fold_elts(written_args, scope) if starred else \
            [_EXPR_HANDLERS[type(a)](self, a, scope) for a in written_args]
        keywords: dict[str, Any] = {}
        unknown_splats = []
        for kw in node.keywords:
            value = _EXPR_HANDLERS[type(kw.value)](self, kw.value, scope)
            if kw.arg is None:
                if isinstance(value, dict):
                    keywords.update(value)
                else:
                    unknown_splats.append(f"**{_unparse(kw.value)}")
                continue
            keywords[kw.arg] = value
        opaque = unknown = False
        for p in positional:
            if type(p) is Opaque:
                opaque = True
            elif p is UNKNOWN:
                unknown = True
        if opaque:
            positional = [UNKNOWN if type(p) is Opaque else p for p in positional]
        # Dense(len(vocab)) with the vocabulary read from data: a size named after what was written
        if (opaque or unknown) and not starred:
            positional = [_named_unknown(p, e) for p, e in zip(positional, written_args)]
        for kw in node.keywords:
            if kw.arg is not None and kw.arg != "name" and keywords[kw.arg] is UNKNOWN:
                keywords[kw.arg] = _named_unknown(UNKNOWN, kw.value)
        if type_ == "Lambda":
            self._lambda_function(node, scope, skip_first, positional, keywords)
        args = map_arguments(type_, positional, keywords)
        if unknown_splats and type_ not in SHAPE_NEUTRAL:
            args[UNKNOWN_KEYWORDS] = ", ".join(unknown_splats)
        accepted = accepted_keywords(written, type_)
        if accepted is not None and not accepted.issuperset(keywords):
            args[UNRECOGNIZED_KEYWORDS] = {k: v for k, v in keywords.items() if k not in accepted}
        if type_ == "InputLayer" and "input_shape" in args and "shape" not in args:
            args["shape"] = args.pop("input_shape")
        if type_ == "InputLayer":
            _symbolic_input(args, self._rank_hints)
        for key, value in list(args.items()):
            if isinstance(value, LayerObject):
                args[key] = _nested(value)
            elif isinstance(value, FunctionalModel) and len(value.inputs) == 1 and len(value.outputs) == 1 \
                    and type_ == "TimeDistributed":
                args[key] = _nested_model(value)  # TimeDistributed(face_encoder): the model on every frame
            elif isinstance(value, (list, tuple)) and value and all(isinstance(v, LayerObject) for v in value):
                # RNN([LSTMCell(16), LSTMCell(4)]), StackedRNNCells([...]), Pipeline([Dense(5), Dense(2)])
                args[key] = [_nested(v) for v in value]
        if self._image_data_format != "channels_last" and args.get("data_format") is None \
                and "data_format" in getattr(RULES.get(type_), "params", ()):
            args["data_format"] = self._image_data_format  # the global configuration, as Keras reads it
        self._layer_objects += 1
        # by position (name ""): see FunctionalBuilder.add
        made = LayerObject(type_, written, args, span_of(node), f"layer{next(self._keys)}", "",
                           dict(_written_factors(type_, node, skip_first)))
        if type_ in APPLICATION_TYPES:  # keras.applications.ResNet50(...) is a Functional model made here
            scope.models.append(_Backbone(made, node))
        return made

    def _lambda_function(self, node: ast.Call, scope: Scope, skip_first: bool, positional: list,
                         keywords: dict) -> None:
        """``Lambda(fn)``: a function Keras returns its input's shape from (``preprocess_input``) becomes the
        identity; a user function or a ``lambda`` is remembered, to be followed where the layer is called."""
        written = node.args[1 if skip_first else 0] if len(node.args) > (1 if skip_first else 0) else next(
            (kw.value for kw in node.keywords if kw.arg == "function"), None)
        if written is None:
            return
        value = self._fold(written, scope) if not isinstance(written, ast.Lambda) else written
        qualname = getattr(value, "qualname", None)
        identity = isinstance(qualname, str) and (_normal_qualname(qualname) in PREPROCESS_FUNCTIONS
                                                   or qualname.rsplit(".", 1)[-1] in _IDENTITY_FUNCTIONS)
        if identity:
            replacement = LambdaBody("identity")
            if "function" in keywords:
                keywords["function"] = replacement
            elif positional:
                positional[0] = replacement
        elif isinstance(value, (FunctionValue, ast.Lambda)) or isinstance(qualname, str):
            self._lambda_callees[span_of(node)] = (value, scope)

    def _followed_lambda(self, item) -> bool:
        """A ``Lambda(fn)`` whose function is followed where the layer is applied (no ``output_shape``)."""
        return isinstance(item, LayerObject) and item.type == "Lambda" and item.span in self._lambda_callees \
            and "output_shape" not in item.args

    def _follow_lambda(self, layer: LayerObject, tensor, node: ast.Call, scope: Scope):
        """``Lambda(fn)(x)`` / ``Lambda(fn)([a, b])`` without ``output_shape``: Keras traces ``fn`` on its input;
        so does shapedoctor."""
        value, defined_in = self._lambda_callees[layer.span]
        builder = _as_tensor_list(tensor)[0].builder
        first_new = len(builder.nodes)
        if isinstance(value, ast.Lambda):
            body = [ast.copy_location(ast.Return(value.body), value)]  # placed as fix_missing_locations would
            fn = ast.FunctionDef(name="<lambda>", args=value.args, body=body, decorator_list=[], returns=None,
                                 type_params=[])
            ast.copy_location(fn, value)
            result = self._invoke(fn, defined_in, [tensor], {}, me=None, where=node, scope=scope)
        elif isinstance(value, FunctionValue):
            result = self._invoke(value.node, value.scope or defined_in, [tensor], {}, me=None, where=node,
                                  scope=scope)
        else:
            result = self._function_call(value.qualname, [tensor], {}, node, scope)
        # one tensor, or a list of them (keras.ops.split(x, 3, axis=1)): each made here from the layer's input
        refs = [result] if isinstance(result, TensorRef) else list(result) if isinstance(result, (list, tuple)) \
            and result else []
        if not refs or not all(isinstance(r, TensorRef) and r.builder is builder and r.node >= first_new
                               for r in refs):
            return None
        name = layer.args.get("name")
        name = name if isinstance(name, str) else self.namer("Lambda")
        for node_index in dict.fromkeys(r.node for r in refs):
            _stand_for_layer(TensorRef(builder, node_index), name, "Lambda", "the function of a `Lambda`")
        return result

    def _call_layer(self, layer: LayerObject, node: ast.Call, scope: Scope):
        """``layer(x)``, ``layer([a, b])``, ``mha(query, value)`` / ``mha(query=q, value=v, key=k)``."""
        args, kwargs = self._call_arguments(node, scope)
        return self._layer_on(layer, args, kwargs, node, scope)

    def _layer_on(self, layer: LayerObject, args: list, kwargs: dict, node: ast.AST, scope: Scope):
        """The layer applied to the call's folded arguments."""
        if layer.not_a_layer:
            return _not_a_layer_called(layer, args, kwargs)
        if not args and "inputs" in kwargs:  # layer(inputs=x): Layer.__call__'s first argument by name
            args = [kwargs.pop("inputs")]
        if layer.type == "Lambda" and layer.span in self._lambda_callees and "output_shape" not in layer.args \
                and len(args) == 1 and not kwargs and _one_graph_tensors(args[0]):
            followed = self._follow_lambda(layer, args[0], node, scope)
            if followed is not None:
                return followed
        call_flags = {k: kwargs[k] for k in _ATTENTION_CALL_FLAGS if isinstance(kwargs.get(k), bool)}
        if call_flags and layer.type in _ATTENTION_LAYERS:  # mha(q, v, return_attention_scores=True)
            layer = dataclasses.replace(layer, args={**layer.args, **call_flags})
        if layer.type in _REVERSIBLE and "reverse" in kwargs:
            # embedding(h, reverse=True): the same weights projected back to the vocabulary; not a second call of
            # the embedding lookup (whose input size the first call fixed)
            reverse = kwargs["reverse"] if isinstance(kwargs["reverse"], bool) else UNKNOWN
            layer = dataclasses.replace(layer, args={**layer.args, "reverse": reverse},
                                        key=f"{layer.key}:reverse" if reverse is True else layer.key)
        tensor_keywords = [kwargs[k] for k in _TENSOR_KEYWORDS if isinstance(kwargs.get(k), TensorRef)]
        states = kwargs.get("initial_state")  # lstm(x, initial_state=[h, c]): the states are inputs too
        if layer.type in _RECURRENT_WITH_STATE and states is not None:
            state_list = [states] if isinstance(states, TensorRef) else list(states) \
                if isinstance(states, (list, tuple)) else []
            if state_list and all(isinstance(t, TensorRef) for t in state_list):
                tensor_keywords += state_list
        if args:  # a constant called on, or in a list beside graph tensors: a graph input of its shape
            args[0] = self._constant_node(args[0], node, scope) if isinstance(args[0], (WeightValue, ArrayValue)) \
                else self._constants_beside_tensors(args[0], node, scope)
        value = args[0] if args else (tensor_keywords.pop(0) if tensor_keywords else None)
        if isinstance(value, TensorRef):
            extra = [a for a in args[1:] if isinstance(a, TensorRef)] + tensor_keywords
            if extra and layer.type in RULES and RULES[layer.type].multi_input and layer.type != "Lambda":
                return self._apply_layer(layer, [value, *extra], node, scope, False)
            return self._apply_layer(layer, [value], node, scope, False)
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, TensorRef) for v in value):
            return self._apply_layer(layer, list(value), node, scope, True)
        if isinstance(value, dict) and value and all(isinstance(v, TensorRef) for v in value.values()):
            return self._apply_layer(layer, list(value.values()), node, scope, True)
        tensors = _tensors_in(args, kwargs)
        if tensors:
            return self._op_node(scope, "<opaque>", {}, tensors[:1], node,
                                 f"{layer.written_type} called on arguments shapedoctor cannot read")
        if isinstance(value, Opaque):  # why its input is not known travels to the Model(...) that uses it
            return value
        return UNKNOWN

    def _constants_beside_tensors(self, value, node: ast.AST, scope: Scope):
        """``block([x, cls_tokens])`` with ``cls_tokens`` a weight tiled to the batch: in a list of inputs beside
        graph tensors, a constant is a graph input of its shape too."""
        if isinstance(value, (list, tuple)) and any(isinstance(v, TensorRef) for v in value) \
                and any(isinstance(v, (WeightValue, ArrayValue)) for v in value):
            made = [self._constant_node(v, node, scope) if isinstance(v, (WeightValue, ArrayValue)) else v
                    for v in value]
            return made if isinstance(value, list) else tuple(made)
        return value

    def _constant_node(self, value, node: ast.AST, scope: Scope) -> TensorRef:
        """A constant (``ops.arange(n)``, a numpy array) fed to a layer: a graph node of fixed shape."""
        layer = LayerObject("Constant", "constant", {"shape": tuple(value.shape)}, span_of(node),
                            f"const{next(self._keys)}")
        return self._apply_layer(layer, [], node, scope, False)

    def _apply_layer(self, layer: LayerObject, inputs: list[TensorRef], call_node: ast.AST, scope: Scope,
                     list_input: bool):
        builder = None  # the graph of the inputs: tensors of two graphs cannot meet in one layer
        for ref in inputs:
            if builder is None:
                builder = ref.builder
            elif ref.builder is not builder:
                return UNKNOWN
        if builder is None:
            builder = scope.builder
        args = dict(layer.args)
        if layer.type != "InputLayer" and not _INPUT_KEYS.isdisjoint(args):
            _layer_input_args(args, layer.type)  # ignored when called on a tensor, as Keras does
        if layer.type == "<opaque>":
            name = "<unknown>"
        else:
            known = layer.type in RULES and not layer.type.startswith("keras_hub.")
            # one name per layer object, as Keras gives it once: a shared layer's every call has it
            name = _given_name(args, layer.name) or self._layer_names.get(layer.key) \
                or self.namer(layer.type if known else layer.written_type)
            self._layer_names.setdefault(layer.key, name)
        layer_node = builder.add(layer.type, args, inputs, layer.span, name, layer.written_type, list_input,
                                 layer.key, layer.written_factors)
        layer_node.call_span = span_of(call_node)
        count = _output_count(layer)
        if count is None:  # as many states as its cells carry: the layer's rule counts them on its input
            count = builder.outputs_of(TensorRef(builder, layer_node.index, 0)) or 1
        if count == 1:
            return TensorRef(builder, layer_node.index, 0)
        return tuple(TensorRef(builder, layer_node.index, i) for i in range(count))

    def _model_constructor(self, leaf: str, node: ast.Call, scope: Scope):
        kwargs = {kw.arg: kw.value for kw in node.keywords if kw.arg}
        name_value = self._fold(kwargs["name"], scope) if "name" in kwargs else None
        if _MODEL_CLASSES[leaf] == "sequential":
            model = SequentialModel(name=name_value if isinstance(name_value, str) else _default_name(scope),
                                    line=span_of(node).line, span=span_of(node),
                                    user_name=name_value if isinstance(name_value, str) else None,
                                    made_uncertain=self._uncertain, made_in_branches=self._branches)
            layers_expr = node.args[0] if node.args else kwargs.get("layers")
            if layers_expr is not None:
                items = self._fold(layers_expr, scope)
                if isinstance(items, (list, tuple)):
                    model.items.extend(items)
                else:
                    model.items.append(Opaque("a layer list shapedoctor cannot read", span_of(layers_expr)))
            scope.models.append(model)
            self._constructed.setdefault(span_of(node).line, model)
            return model
        self._constructed.setdefault(span_of(node).line, None)
        args, kw_values = self._call_arguments(node, scope)
        kw_values = self._keras1_model_keywords(node, kw_values, span_of(node).line)
        inputs = args[0] if args else kw_values.get("inputs", UNKNOWN)
        outputs = args[1] if len(args) > 1 else kw_values.get("outputs", UNKNOWN)
        return self._functional_model(inputs, outputs, name_value, node, scope)

    def _respell(self, line: int, respelling: Respelling, written: ast.AST) -> None:
        """Note ``respelling`` for the model made at ``line``; ``written``: the code spelled the old way.  Written in
        another file of the project, it is reported at the place in this file that reached that code, saying where
        it is written, and its fix has no edit (no fix edits another file)."""
        if is_foreign(written):
            site = span_of(written)
            respelling = dataclasses.replace(
                respelling, span=(site.line, site.col, site.end_line, site.end_col),
                message=site.written_at(respelling.message), insertions=(), written=())
        self._respellings.setdefault(line, []).append(respelling)

    def _keras1_model_keywords(self, node: ast.Call, kwargs: dict, line: int) -> dict:
        """``Model(input=x, output=y)``: Keras 1's keywords, which Keras 3 refuses ("Unrecognized keyword arguments
        passed to Model"); the model is checked as the ``inputs=``/``outputs=`` it means, and the spelling is a
        finding of its own at the model's line."""
        old = [k for k in node.keywords if k.arg in ("input", "output") and f"{k.arg}s" not in kwargs]
        if not old:
            return kwargs
        kwargs = {(f"{k}s" if k in ("input", "output") and f"{k}s" not in kwargs else k): v for k, v in kwargs.items()}
        first = old[0]
        spelled = ", ".join(f"{k.arg}=..." for k in old)
        meant = " and ".join(f"{k.arg}s=" for k in old)
        self._respell(line, Respelling(
            span=(first.lineno, first.col_offset, first.lineno, first.col_offset + len(first.arg)), called="Model",
            message=f"Model({spelled}): Keras 3 takes {meant}; Keras 1's spelling raises \"Unrecognized keyword "
                    f"arguments passed to Model\"",
            explanation="Keras 1 named the functional model's tensors input= and output=; Keras 2 took them as "
                        "aliases, Keras 3 no longer does. The model is checked as the inputs and outputs meant.",
            fix_title=f"write {meant}",
            insertions=tuple((k.lineno, k.col_offset + len(k.arg), "s") for k in old),
            written=tuple(((k.lineno, k.col_offset, k.lineno, k.col_offset + len(k.arg)), k.arg) for k in old)),
            node)
        return kwargs

    def _functional_model(self, inputs, outputs, name_value, node: ast.Call, scope: Scope):
        input_refs, output_refs = _as_tensor_list(inputs), _as_tensor_list(outputs)
        reason = None
        lost = next((v for v in (outputs if isinstance(outputs, (list, tuple)) else [outputs])
                     if isinstance(v, Opaque)), None)
        if not output_refs:
            reason = "its outputs are not tensors shapedoctor could follow" + (f": {lost.reason}" if lost else "")
        elif not input_refs:
            lost = next((v for v in (inputs if isinstance(inputs, (list, tuple)) else [inputs])
                         if isinstance(v, Opaque)), None)
            reason = "its inputs are not tensors shapedoctor could follow" + (f": {lost.reason}" if lost else "")
        elif len({id(t.builder) for t in output_refs + input_refs}) != 1:
            reason = "its inputs and outputs come from different graphs"
        if reason is not None:
            span = span_of(node)
            self.skipped_models.append(SkippedModel(span.line, span.written_at(f"model not built: {reason}")))
            return UNKNOWN
        model = FunctionalModel(name=name_value if isinstance(name_value, str) else "",
                                line=span_of(node).line,
                                builder=output_refs[0].builder, inputs=input_refs, outputs=output_refs)
        model.default_name = _default_name(scope)
        model.given_name = name_value if isinstance(name_value, str) else None
        model.output_value = outputs
        model.builder.used.update(t.node for t in input_refs)  # an input only a loss layer reads is still its input
        scope.models.append(model)
        return model

    def _removed_node_method(self, target, attr: str, node: ast.Call, scope: Scope):
        """Keras 2's ``layer.get_output_at(1)``, which Keras 3 layers and models no longer have: an error at this
        call, on the tensor it asked for (so a model built from it reports it)."""
        tensors = target.tensors("outputs") if isinstance(target, _LayerHandle) else list(target.outputs)
        tensors = [t for t in tensors if isinstance(t, TensorRef)] if isinstance(tensors, list) else []
        if not tensors or self._guarded:  # in a try: body, its except: may be the Keras 3 spelling
            return UNKNOWN
        written = _short(_unparse(node.func), 40)
        return self._op_node(scope, "<removed-function>", {"message": (
            f"`{written}()` is a Keras 2 method that Keras 3 removed (AttributeError): write "
            f"`.{_REMOVED_NODE_METHODS[attr]}`")}, tensors[:1], node, written)

    def _method_call(self, method: "_BoundMethod", node: ast.Call, scope: Scope):
        target, attr = method.target, method.attr
        args, kwargs = self._call_arguments(node, scope)
        if isinstance(target, HyperParameters):
            return hyperparameter(target, attr, args, kwargs)
        if isinstance(target, ArrayValue):
            if attr == "reshape" and args:
                return reshape_array(target, args[0] if len(args) == 1 else tuple(args))
            if attr in ("astype", "copy"):
                return target
            if attr == "tolist" and not args and target.values is not None:
                return list(target.values)
            if attr in ("transpose", "squeeze") and len(args) > 1 and all(type(a) is int for a in args):
                args = [tuple(args)]  # x.transpose(1, 2, 0)
            op = _ARRAY_METHODS.get(attr)
            return self._constant_op(_resolved_op(f"keras.ops.{op}"), [target, *args], kwargs) if op else UNKNOWN
        if isinstance(target, UnknownArray):
            if attr == "reshape" and args:
                return _reshape_unknown(target, args[0] if len(args) == 1 else tuple(args))
            return UNKNOWN
        if isinstance(target, tuple):
            return target if attr == "as_list" else UNKNOWN
        if type(target) is str:
            return string_method(target, attr, args, kwargs)
        if isinstance(target, (list, UnknownSequence)):
            return self._list_mutation(target, attr, args, node, scope)
        if isinstance(target, TensorRef):
            if attr == "get_shape":
                return self._tensor_attribute(target, ast.Attribute(node.func.value, "shape"), scope) \
                    if isinstance(node.func, ast.Attribute) else UNKNOWN
            return self._unknown_function(_unparse(node.func), [target], node, scope)
        if isinstance(target, _Super):
            return self._super_call(target, attr, args, kwargs, node, scope)
        if attr in _REMOVED_NODE_METHODS and isinstance(target, (_LayerHandle, FunctionalModel)):
            return self._removed_node_method(target, attr, node, scope)
        if isinstance(target, LayerObject) and attr == "get_layer" and target.type in APPLICATION_TYPES:
            backbone = target
            target = self._application_model(target, node, scope)
            if not isinstance(target, FunctionalModel):
                return target
            name = args[0] if args else kwargs.get("name")
            if isinstance(name, str) and not any(h.name == name for h in _model_attribute(target, "layers")):
                missing = self._op_node(scope, "<no-such-layer>", {
                    "message": f"{backbone.written_type} has no layer named {name!r}: Keras raises ValueError "
                               f"(No such layer) at get_layer"}, list(target.inputs[:1]), node, "get_layer")
                return _LayerHandle(missing.builder, missing.node) if isinstance(missing, TensorRef) else missing
        if isinstance(target, SequentialModel) and attr == "get_layer":  # its layers, without its InputLayer
            name = args[0] if args else kwargs.get("name")
            index = args[1] if len(args) > 1 else kwargs.get("index")
            if isinstance(name, str):
                return next((i for i in _flatten_items(target.items) if isinstance(i, LayerObject)
                             and i.type != "InputLayer" and (i.args.get("name") or i.name) == name), UNKNOWN)
            layers = _sequential_layers(target)  # by position: only when every layer is known
            if layers is not None and isinstance(index, int) and not isinstance(index, bool) \
                    and -len(layers) <= index < len(layers):
                return layers[index]
            return UNKNOWN
        if isinstance(target, FunctionalModel) and attr == "get_layer":
            name = args[0] if args else kwargs.get("name")
            index = args[1] if len(args) > 1 else kwargs.get("index")
            layers = _model_attribute(target, "layers")
            if isinstance(name, str):
                return next((h for h in layers if h.name == name), UNKNOWN)
            if isinstance(index, int) and -len(layers) <= index < len(layers):
                return layers[index]
            return UNKNOWN
        if isinstance(target, dict):
            return self._dict_method(target, attr, args, kwargs, node, scope)
        if isinstance(target, ClassValue):
            fn, owner = target.method(attr)
            binding = _binding(fn)  # through the class: self is passed explicitly to a plain method
            return self._invoke(fn, owner.scope or scope, args, kwargs, me=target if binding == "class" else None,
                                where=node, scope=scope, cls=owner)
        if isinstance(target, Instance):
            found = target.cls.method(attr)
            if found is not None:
                if attr == "build":
                    target.built = True
                binding = _binding(found[0])
                me = None if binding == "static" else target.cls if binding == "class" else target
                result = self._invoke(found[0], found[1].scope or scope, args, kwargs, me=me, where=node,
                                      scope=scope, cls=found[1])
                if attr == "build" and target.cls.kind == "model":
                    self._record_build_shape(target, args, kwargs)
                if attr == "compile" and target.cls.kind == "model":
                    # compile() of the model's own (compile(self, optimizer, loss_fn, metrics)): it decides the loss
                    # Keras gets; no target is compared against a loss that was not read
                    target.loss = UNKNOWN
                return result
            if attr == "build":
                self._record_build_shape(target, args, kwargs)
                return UNKNOWN
            if attr == "convolution_op" and target.base_layer is not None and args:
                # BaseConv.convolution_op(inputs, kernel): the convolution the layer's own call() makes
                return self._layer_on(_inner_base_layer(target), args[:1], {}, node, scope)
            if attr == "add_weight" and target.cls.kind in ("layer", "model"):
                return _weight(kwargs.get("shape", args[0] if args and not isinstance(args[0], str) else
                                      args[1] if len(args) > 1 else ()))
            if attr == "add_variable" and target.cls.kind in ("layer", "model") \
                    and not (args and isinstance(args[0], str)):
                # Keras 3's add_variable(shape, initializer, ...): no name first, as Keras 2's alias of add_weight
                # took it (add_variable("P", shape=...) gives shape twice: TypeError)
                return _weight(kwargs.get("shape", args[0] if args else ()))
        if attr == "add" and isinstance(target, SequentialModel) and args:
            # model.add(keras.Input(...)) adds the Input's tensor (_sequential_graph reads it back).
            self._sequential_adds += 1
            target.items.append(args[0] if isinstance(args[0], (LayerObject, Opaque, TensorRef, SequentialModel,
                                                                Instance, FunctionalModel))
                                else Opaque("a layer shapedoctor cannot read", span_of(node)))
        elif attr == "build" and isinstance(target, SequentialModel):
            self._record_build_shape(target, args, kwargs)
        elif attr == "save" and isinstance(target, (SequentialModel, FunctionalModel)) and args \
                and isinstance(args[0], str):
            self._saved_models[args[0]] = target  # load_model(the same path) later in the file gives it back
        elif attr == "compile" and isinstance(target, (SequentialModel, FunctionalModel, Instance)):
            target.loss = kwargs.get("loss", args[1] if len(args) > 1 else None)
            respelling = _keras2_compile_positionals(node, args)
            if respelling is not None:
                self._respell(target.line, respelling, node)
                if isinstance(target, Instance) and target.functional is not None:  # made by super().__init__
                    self._respell(target.functional.line, respelling, node)
        elif attr in ("fit", "train_on_batch", "evaluate") and isinstance(target, (SequentialModel, FunctionalModel,
                                                                                   Instance)):
            x = args[0] if args else kwargs.get("x")
            y = args[1] if len(args) > 1 else kwargs.get("y")
            if isinstance(y, ArrayValue):
                target.target_shape = (None, *y.shape[1:])
            if isinstance(target, SequentialModel) and not target.fitted:
                # the first fit builds it: later data of another shape does not rebuild it (Keras then refuses it)
                target.fitted = True
                if isinstance(x, ArrayValue):
                    target.input_array_shape = (None, *x.shape[1:])
            elif isinstance(target, FunctionalModel) and isinstance(x, ArrayValue):
                target.fit_data_shape = (None, *x.shape[1:])
                target.fed_shapes.append(x.shape)
            self._record_data_shapes(target, x)
        elif attr in ("predict", "predict_on_batch") and isinstance(target, Instance):
            self._record_data_shapes(target, args[0] if args else kwargs.get("x"))
        elif attr in ("predict", "predict_on_batch") and isinstance(target, FunctionalModel):
            x = args[0] if args else kwargs.get("x")
            if isinstance(x, ArrayValue):
                target.fed_shapes.append(x.shape)
        elif attr == "pop" and isinstance(target, SequentialModel) and target.items:
            target.items.pop()
        return UNKNOWN

    def _super_call(self, target: "_Super", attr: str, args: list, kwargs: dict, node: ast.Call, scope: Scope):
        """``super().__init__(inputs=..., outputs=...)`` makes a subclassed model functional; other methods
        of a user base class are followed; Keras' own ones do nothing to shapes."""
        instance, cls = target.instance, target.cls
        if not isinstance(instance, Instance) or not isinstance(cls, ClassValue):
            return UNKNOWN
        for base in cls.bases:
            found = base.method(attr)
            if found is not None:
                return self._invoke(found[0], found[1].scope or scope, args, kwargs, me=instance, where=node,
                                    scope=scope, cls=found[1])
        if instance.cls.keras_base is not None:
            if attr == "__init__":
                instance.base_layer = self._layer_object(instance.cls.keras_base, instance.cls.name, node, scope)
            elif attr == "call" and instance.base_layer is not None:
                return self._layer_on(_inner_base_layer(instance), args, kwargs, node, scope)
            return UNKNOWN
        if attr == "__init__" and instance.cls.kind == "model":
            kwargs = self._keras1_model_keywords(node, kwargs, span_of(node).line)
        inputs = args[0] if args else kwargs.get("inputs")
        outputs = args[1] if len(args) > 1 else kwargs.get("outputs")
        if attr == "__init__" and instance.cls.kind == "model" and _as_tensor_list(outputs):
            model = self._functional_model(inputs, outputs, kwargs.get("name"), node, scope)
            if isinstance(model, FunctionalModel):
                instance.functional = model
                model.name = model.name if isinstance(kwargs.get("name"), str) else instance.cls.name
        return UNKNOWN

    @staticmethod
    def _record_data_shapes(target, x) -> None:
        """A subclassed model is built on the first data it gets: the shape of one array, or of each of a dict's
        or a list's."""
        if isinstance(target, Instance) and target.build_shape is None:
            if isinstance(x, ArrayValue):
                target.build_shape = (None, *x.shape[1:])
            else:
                target.data_shapes = _data_shapes(x) or target.data_shapes

    @staticmethod
    def _record_build_shape(target, args: list, kwargs: dict) -> None:
        shape = args[0] if args else kwargs.get("input_shape")
        if isinstance(shape, (tuple, list)):
            target.build_shape = tuple(shape)

    def _list_mutation(self, target, attr: str, args: list, node: ast.Call, scope: Scope):
        """``names.append(x)``: followed in straight-line code; in a branch or loop the length is unknown."""
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if attr in _LIST_QUERIES:  # critic.input.index(action_input): where a tensor is in a model's inputs
            return _list_query(target, attr, args)
        if isinstance(target, UnknownSequence) or attr not in _LIST_MUTATORS:
            return UNKNOWN
        if scope.uncertain:
            if isinstance(receiver, ast.Name):
                scope.bindings[receiver.id] = UnknownSequence(receiver.id)
            return UNKNOWN
        if attr == "append" and len(args) == 1:
            target.append(args[0])
        elif attr == "extend" and len(args) == 1 and isinstance(args[0], (list, tuple)):
            target.extend(args[0])
        elif attr == "insert" and len(args) == 2 and isinstance(args[0], int):
            target.insert(args[0], args[1])
        elif attr == "pop" and target and not args:
            return target.pop()
        elif isinstance(receiver, ast.Name):
            scope.bindings[receiver.id] = UnknownSequence(receiver.id)
        return UNKNOWN

    # --------------------------------------------------------------- models out
    def _finish_scope(self, scope: Scope) -> None:
        for model in scope.models:
            made = len(self.graphs)
            self._finish_model(model, scope)
            values = self._tuned.get(id(model))
            if values:
                for graph in self.graphs[made:]:
                    graph.hyperparameters = values
        builder = scope.builder
        leftover = [n for n in builder.nodes if n.index not in builder.used]
        if leftover:
            consumed = {r[0] for m in leftover for r in m.inputs}
            sinks = [n for n in leftover if n.index not in consumed]
            refs = [TensorRef(builder, n.index, 0) for n in sinks]
            graph = builder.subgraph(f"{scope.name} (layers called outside a Model)", leftover[0].span.line
                                     if leftover[0].span else 1, refs)
            self.graphs.append(graph)

    def _finish_model(self, model, scope: Scope) -> None:
        """The graph of one model made in ``scope``, added to the file's."""
        if isinstance(model, _Backbone):
            output = self._application_tensor(model.layer, "output", model.node, scope)
            if isinstance(output, TensorRef):
                name = model.layer.args.get("name")
                graph = output.builder.subgraph(name if isinstance(name, str) else model.layer.type.lower(),
                                                model.node.lineno, [output])
                self.graphs.append(graph)
        elif isinstance(model, SequentialModel):
            graph = self._sequential_graph(model, scope)
            if not (graph.unbuildable_reason and model.used_inside):  # checked where it is used
                self.graphs.append(graph)
        elif isinstance(model, Instance):
            graph = self._subclassed_graph(model, scope)
            if graph is not None:
                self.graphs.append(graph)
        else:
            graph = model.builder.subgraph(model.name or model.default_name, model.line, model.outputs,
                                           model.inputs)
            graph.loss = model.loss
            graph.target_shape = model.target_shape
            graph.data_shape = model.fit_data_shape
            _inputs_of_one_sample(graph, model.fed_shapes)
            self.graphs.append(graph)

    def _sequential_graph(self, model: SequentialModel, scope: Scope) -> ModelGraph:
        items = _flatten_items(model.items)
        if any(isinstance(item, (Instance, FunctionalModel)) or self._followed_lambda(item) for item in items):
            return self._sequential_of_objects(model, items, scope)
        graph = ModelGraph(name=model.name, kind="sequential", line=model.line, loss=model.loss,
                           target_shape=model.target_shape)
        previous = None
        declared = True  # the input is the model's own, not taken from the arrays fit() is given
        for position, item in enumerate(items):
            if isinstance(item, Opaque):
                node = graph.add("<opaque>", {}, [previous] if previous else [], span=item.span,
                                 name="<unknown>", written_type=item.reason)
                previous = (node.index, 0)
                continue
            if isinstance(item, TensorRef):
                item = _layer_of_input_ref(item)
                if item is None:
                    continue
            if not isinstance(item, LayerObject):
                node = graph.add("<opaque>", {}, [previous] if previous else [], span=model.span,
                                 name="<unknown>", written_type="a layer shapedoctor cannot read")
                previous = (node.index, 0)
                continue
            args = dict(item.args)
            if position == 0 and item.type != "InputLayer":
                input_args = _first_item_input_args(args, item.type)
                shape = model.build_shape if model.build_shape is not None else model.call_shape
                if input_args is None and shape is not None:
                    input_args = {"batch_shape": shape}
                if input_args is not None:
                    _symbolic_input(input_args, self._rank_hints)
                    node = graph.add("InputLayer", input_args, [], span=item.span, name=self.namer("InputLayer"),
                                     written_type="Input")
                    previous = (node.index, 0)
                elif model.input_array_shape is not None:
                    node = graph.add("InputLayer", {"batch_shape": model.input_array_shape}, [], span=item.span,
                                     name=self.namer("InputLayer"), written_type="Input")
                    previous = (node.index, 0)
                    declared = False
                elif not model.used_inside:
                    # no input declared anywhere: checked for every input shape its first layer accepts
                    node = graph.add("InputLayer", {"shape": SymbolicShape(UNDECLARED)}, [], span=item.span,
                                     name=self.namer("InputLayer"), written_type="Input")
                    previous = (node.index, 0)
                else:
                    graph.unbuildable_reason = (f"Sequential model '{model.name}' declares no input shape "
                                                f"(no Input, input_shape= or build()); its shapes are not checked")
            elif item.type != "InputLayer":
                _layer_input_args(args, item.type)
            node = graph.add(item.type, args, [previous] if previous else [], span=item.span,
                             name=_given_name(args, item.name) or self._layer_names.get(item.key)
                             or self.namer(item.type),
                             written_type=item.written_type,
                             layer_key=item.key, written_factors=item.written_factors)
            previous = (node.index, 0)
        if previous:
            graph.outputs = [previous]
        if declared:
            graph.data_shape = model.input_array_shape
        return graph


    def _sequential_of_objects(self, model: SequentialModel, items: list, scope: Scope) -> ModelGraph:
        """A Sequential holding user layers or models: built as a graph, following their ``call()``."""
        where = ast.Constant(None, lineno=model.span.line, col_offset=model.span.col, end_lineno=model.span.end_line,
                             end_col_offset=model.span.end_col)
        walk = Scope(model.name, parent=scope)
        first = items[0] if items else None
        if isinstance(first, TensorRef):
            first = _layer_of_input_ref(first)
        shape_args = _declared_input_args(first)
        shape = model.build_shape if model.build_shape is not None else model.call_shape
        if shape_args is None:
            shape_args = {"batch_shape": shape} if shape is not None else {"shape": SymbolicShape(UNDECLARED)}
        _symbolic_input(shape_args, self._rank_hints)
        input_layer = LayerObject("InputLayer", "Input", shape_args, model.span, f"layer{next(self._keys)}")
        tensor = self._apply_layer(input_layer, [], where, walk, False)
        output = self._apply_items(items, tensor, where, walk)
        graph = walk.builder.subgraph(model.name, model.line, _as_tensor_list(output) or [tensor])
        graph.kind = "sequential"
        graph.loss, graph.target_shape = model.loss, model.target_shape
        if "batch_shape" in shape_args or not isinstance(shape_args.get("shape"), SymbolicShape):
            graph.data_shape = model.input_array_shape
        return graph

    def _subclassed_graph(self, model: Instance, scope: Scope) -> ModelGraph | None:
        """``class M(keras.Model)`` as a model of its own: ``call()`` followed on an Input of the shape
        ``build(shape)``, ``fit(X)`` or ``model(X)`` gave, else on a symbolic input (its rank found later).

        A model only ever called on tensors of another graph is checked there.
        """
        if model.cls.method("call") is None or model.functional is not None:
            return None
        if model.build_shape is None and model.called_on_tensor:
            return None
        if model.build_shape is None and not _input_structure(model.cls.method("call")[0]):
            return self._subclassed_graph_of_some_rank(model, scope)
        return self._walk_subclassed(model, scope)

    def _subclassed_graph_of_some_rank(self, model: Instance, scope: Scope) -> ModelGraph | None:
        """A subclassed model of unknown input shape: walked on a symbolic input, whose rank is settled from the
        layers afterwards.  Where that walk loses the model (a layer's ``build(input_shape)`` needs the shape while
        it is walked), it is walked again on an input of each rank, sizes named, and the rank whose model is
        followed furthest and builds is kept, as the settling does."""
        state = self._walk_state()
        deferred = self._builds_deferred
        graph = self._walk_subclassed(model, scope)
        if self._builds_deferred == deferred:
            return graph  # nothing waited for the shape: another rank would be walked the same way
        best = None
        for rank in range(1, MAX_RANK + 1):
            self._restore_walk_state(state)
            shape = (None, *SymbolicShape("inputs").dims(rank))
            attempt = self._walk_subclassed(model, scope, shape)
            if attempt is None:
                continue
            inference = infer(attempt)
            clean, built = build_score(inference)
            whole = not _has_opaque(attempt) and built == len(inference.results)
            score = (whole, clean, built, -rank)
            if best is None or score > best[0]:
                best = (score, rank)
            if whole and clean:
                # every layer builds, cleanly: a higher rank could only tie, and the smaller rank wins ties (as
                # settle_symbolic_inputs decides); this walk is the one kept, not walked again
                return attempt
        self._restore_walk_state(state)
        if best is None or best[0][0] is False:
            return self._walk_subclassed(model, scope)  # no rank does better: the symbolic walk, said as it is
        return self._walk_subclassed(model, scope, (None, *SymbolicShape("inputs").dims(best[1])))

    def _walk_state(self) -> tuple:
        return (dict(self.namer._counts), len(self.skipped_models), len(self.graphs), len(self._built_instances))

    def _restore_walk_state(self, state: tuple) -> None:
        """Undo what a walk left behind: names taken, models reported, layers built for its input shape."""
        counts, skipped, graphs, built = state
        self.namer._counts = dict(counts)
        del self.skipped_models[skipped:]
        del self.graphs[graphs:]
        for instance in self._built_instances[built:]:
            instance.built = False
        del self._built_instances[built:]

    def _walk_subclassed(self, model: Instance, scope: Scope, shape: tuple | None = None) -> ModelGraph | None:
        walk = Scope(model.cls.name, parent=model.cls.scope or scope)
        span = _span_of_class(model.cls.node, self.text)
        structure = _input_structure(model.cls.method("call")[0]) if model.build_shape is None else None
        if structure:
            # call() takes its input apart (source = inputs[0]; target = inputs[1]; inputs["ids"]): a list or a
            # dict of inputs, each of the shape fit() was given for it, else symbolic
            data = model.data_shapes
            keys = range(structure) if isinstance(structure, int) else structure

            def item_input(key):
                shape = data.get(key) if isinstance(data, dict) else \
                    data[key] if isinstance(data, list) and isinstance(key, int) and key < len(data) else None
                args = {"batch_shape": shape} if shape is not None else {"shape": SymbolicShape(f"inputs[{key!r}]")}
                return self._apply_layer(LayerObject("InputLayer", "Input", args, span, f"layer{next(self._keys)}"),
                                         [], model.cls.node, walk, False)

            tensor = [item_input(i) for i in keys] if isinstance(structure, int) else \
                {key: item_input(key) for key in keys}
        else:
            shape_args = {"batch_shape": model.build_shape} if model.build_shape is not None else \
                {"batch_shape": shape} if shape is not None else {"shape": SymbolicShape("inputs")}
            input_layer = LayerObject("InputLayer", "Input", shape_args, span, f"layer{next(self._keys)}")
            tensor = self._apply_layer(input_layer, [], model.cls.node, walk, False)
        model.built = False  # build(input_shape) is walked again with this input
        outputs = _as_tensor_list(self._apply_instance(model, tensor, [], {}, model.cls.node, walk))
        if not outputs:
            self.skipped_models.append(SkippedModel(model.line, f"model not built: `{model.cls.name}.call()` "
                                                                "returns nothing shapedoctor could follow"))
            return None
        graph = walk.builder.subgraph(model.name or model.cls.name, model.line, outputs)
        graph.kind = "subclassed"
        graph.loss, graph.target_shape = model.loss, model.target_shape
        for extra in walk.models:
            if extra is not model:
                scope.models.append(extra)
        return graph

    def _bind_parameters(self, fn: ast.FunctionDef, scope: Scope, args: list | tuple = (),
                         kwargs: dict | None = None, me=None, symbolic: bool = True,
                         call: ast.Call | None = None) -> None:
        """Parameters get the values passed, else their defaults, else a symbol named after them.

        ``me``: the ``self`` object of a method (bound to the first parameter).  ``call``: the call written, whose
        int literals (and the defaults' ones) bind as ``WrittenInt``: a repair can edit them.
        """
        self_name, pairs, positional_names, names = _signature(fn, me is not None)
        if self_name is not None:
            scope.bindings[self_name] = me
        # f(x, *rest) / f(x, **cfg) with rest or cfg not folded: any parameter not written out may be in them, so
        # it is unknown, not its default
        starred = None
        if args and Opaque in map(type, args):  # (C-level scan: a body is walked per call)
            starred = next((i for i, a in enumerate(args) if type(a) is Opaque and a.reason == _STARRED_UNKNOWN),
                           None)
        if starred is not None:
            args = args[:starred]
        unwritten_unknown = starred is not None or call is not None and id(call) in self._unknown_splats
        given = dict(zip(positional_names, args))
        extra_args = list(args[len(positional_names):])
        kwargs = dict(kwargs or {})
        given.update({k: v for k, v in kwargs.items() if k in names})
        if fn.args.vararg is not None:
            scope.bindings[fn.args.vararg.arg] = tuple(extra_args) if args is not None and starred is None \
                else UNKNOWN
        if fn.args.kwarg is not None:
            scope.bindings[fn.args.kwarg.arg] = UNKNOWN if unwritten_unknown and starred is None else \
                {k: v for k, v in kwargs.items() if k not in names}
        defining_scope = scope.parent or scope  # defaults are evaluated where the function is defined
        written = _written_arguments(call, positional_names, args) if call is not None else {}
        for param, default in pairs:
            if param.arg in given:
                value = given[param.arg]
                # a size passed from a call shapedoctor could not fold: a symbol named after the parameter
                scope.bindings[param.arg] = Symbol(param.arg) if value is UNKNOWN else \
                    _as_written(value, written.get(param.arg), param.arg, "call", fn, self.text)
            elif default is None or unwritten_unknown:
                scope.bindings[param.arg] = Symbol(param.arg)
            else:
                scope.bindings[param.arg] = _as_written(self._fold(default, defining_scope), default, param.arg,
                                                        "default", fn, self.text)


def _signature(fn: ast.FunctionDef, bound: bool) -> tuple:
    """``fn``'s parameters as ``_bind_parameters`` binds them, made once per file (a body is walked per call):
    the name ``self`` is bound to (``bound``: a method called on an instance), the other (parameter, default)
    pairs, the positional ones' names, all their names."""
    key = (fn, bound)
    found = _SIGNATURES.get(key)
    if found is None:
        params = fn.args.posonlyargs + fn.args.args
        defaults = [None] * (len(params) - len(fn.args.defaults)) + list(fn.args.defaults)
        pairs = list(zip(params, defaults)) + list(zip(fn.args.kwonlyargs, fn.args.kw_defaults))
        self_name = params[0].arg if bound and params else None
        if self_name is not None:
            pairs = pairs[1:]
        positional_names = [param.arg for param, _ in pairs[:len(params) - (1 if bound else 0)]]
        found = _SIGNATURES[key] = (self_name, pairs, positional_names, {param.arg for param, _ in pairs})
    return found


_SIGNATURES: dict = {}  # (function node, bound) -> _signature's answer, for the file being walked


def _written_arguments(call: ast.Call, positional_names: list[str], args) -> dict[str, ast.expr]:
    """The argument expression written for each parameter at ``call`` (positional ones only when the call's own
    positional arguments are the ones bound: no ``*args``, as many as given)."""
    written = {kw.arg: kw.value for kw in call.keywords if kw.arg is not None}
    if len(call.args) == len(args) and not any(isinstance(a, ast.Starred) for a in call.args):
        written.update(zip(positional_names, call.args))
    return written


def _reads(fn: ast.FunctionDef, param: str, text: str) -> int:
    """How often ``fn``'s body names ``param`` (a keyword ``param=`` and an attribute ``.param`` not counted; a
    docstring or comment naming it counts: too many is the safe side). On the text: an AST walk per function
    costs more than the whole rest of binding its parameters."""
    counts = _READS.get(fn)
    if counts is None:
        lines = _LINES.get(text)
        if lines is None:
            _LINES.clear()
            lines = _LINES[text] = text.splitlines()
        first = fn.body[0].lineno if fn.body else fn.lineno
        counts = _READS[fn] = Counter(_NAME_READ.findall("\n".join(lines[first - 1:fn.end_lineno or first])))
    return counts.get(param, 0)


_NAME_READ = re.compile(r"(?<![.\w])([A-Za-z_]\w*)\b(?!\s*=(?!=))")
_READS: dict = {}  # function node -> how often its body names each identifier, for the file being walked
_LINES: dict = {}  # the text being walked -> its lines


def _as_written(value, expr: ast.expr | None, param: str, where: str, fn: ast.FunctionDef, text: str):
    """``value`` as a WrittenInt when ``expr`` is the int literal it came from and ``fn``'s body reads it once: a
    literal that reaches one place can be edited for it (``def mlp(n_features=20)`` also sizing the Input must not
    be widened for a Dense)."""
    if type(value) is int and isinstance(expr, ast.Constant) and type(expr.value) is int and expr.value == value \
            and not is_foreign(expr) and not is_foreign(fn) and _reads(fn, param, text) == 1:
        return WrittenInt(value, span_of(expr), param, where)
    return value


def _written_factors(type_: str, node: ast.Call, skip_first: bool) -> dict:
    """``Dense(8 * 8 * 16)``: {"units": (8, 8, 16)} for each argument written as a product of int literals;
    ``Dense(units)``: {"units": ()}, a size that follows a variable (a parameter: other calls give other sizes).
    Made once per file for a constructor call walked again and again (callers get their own copy)."""
    key = (node, type_, skip_first)
    factors = _FACTORS.get(key)
    if factors is None:
        factors = _FACTORS[key] = _factors_written(type_, node, skip_first)
    return factors


_FACTORS: dict = {}  # (call node, layer type, skip_first) -> _written_factors' answer, for the file being walked


def _factors_written(type_: str, node: ast.Call, skip_first: bool) -> dict:
    factors = {}
    positional = node.args[1 if skip_first else 0:]
    params = RULES[type_].params if type_ in RULES else ()
    if "strides" in params[:len(positional)] and not any(isinstance(a, ast.Starred) for a in positional):
        # Conv2D(32, 3, 3): Keras 1's Convolution2D(nb_filter, nb_row, nb_col), whose third argument is now strides
        factors[POSITIONAL_STRIDES] = ()
    written = [(name, value) for name, value in zip(params, positional)]
    written += [(kw.arg, kw.value) for kw in node.keywords if kw.arg is not None]
    for name, value in written:
        if name in ("shape", "input_shape", "batch_shape") and isinstance(value, (ast.Tuple, ast.List)) \
                and value.elts and isinstance(value.elts[0], (ast.Name, ast.Attribute)):
            first = value.elts[0]
            factors[NAMED_FIRST_AXIS] = (first.id if isinstance(first, ast.Name) else first.attr,)
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):
            product = _literal_product(value)
            if product is not None:
                factors[name] = product
                continue
        if not isinstance(value, ast.Constant) and _literal_product(value) is None:
            factors[name] = ()
    return factors


def _literal_product(node: ast.expr) -> tuple[int, ...] | None:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        left, right = _literal_product(node.left), _literal_product(node.right)
        return left + right if left is not None and right is not None else None
    if isinstance(node, ast.Constant) and type(node.value) is int and 0 < node.value < 2 ** 31:
        return (node.value,)
    return None


def _opaque_data(value) -> bool:
    """A value of data code that the walk cannot know: no constant, no tensor, layer or model in it."""
    if isinstance(value, tuple):
        return all(_opaque_data(item) for item in value)
    return value is UNKNOWN or isinstance(value, (UnknownArray, UnknownShape, UnknownNumber, UnknownSequence))


class UnknownShape:
    """``X.shape`` of an array whose shape could not be folded: indexing it gives named sizes."""

    def __init__(self, text: str, whole_data: bool = True, of_tensor: bool = False) -> None:
        self.text = text
        self.whole_data = whole_data  # the shape of a data array (its first axis the samples), not a tensor's
        self.of_tensor = of_tensor  # a graph tensor's (rank not known here): its axis 0 is the batch


class UnknownArray:
    """An array whose shape is unknown (loaded from data), as the receiver of ``.reshape(...)``."""

    def __init__(self, text: str) -> None:
        self.text = text


def _rows_kept(node: ast.expr) -> bool:
    """``data[:, 0:3]`` / ``X[:800]``: columns or rows of an array named directly, its first axis still the samples
    (``X[0]`` is one sample)."""
    if not isinstance(node, ast.Subscript) or _indexes(node.value):
        return False
    first = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) and node.slice.elts else node.slice
    return isinstance(first, ast.Slice)


def _breaks(body: list[ast.stmt]) -> bool:
    """Whether a loop's body may leave it early: a ``break`` of its own, not of a loop inside it."""
    pending = list(body)
    while pending:
        stmt = pending.pop()
        if isinstance(stmt, ast.Break):
            return True
        if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            pending += stmt.orelse  # `else: break` leaves the outer loop
        elif not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            pending += [child for child in ast.iter_child_nodes(stmt) if isinstance(child, ast.stmt)]
    return False


def _indexes(node: ast.expr) -> bool:
    """Whether an expression takes an item or a slice of something (``X[0]``, ``data["x"]``, ``X[0].images``)."""
    return any(isinstance(part, ast.Subscript) for part in ast.walk(node))


def _reshape_unknown(array: UnknownArray, shape):
    """``x.reshape(-1, 28, 28, 1)`` of data we cannot fold: the rank and the given sizes are known."""
    if isinstance(shape, int) and not isinstance(shape, bool):
        shape = (shape,)
    if not isinstance(shape, (tuple, list)) or not all(isinstance(d, (int, Symbol)) for d in shape):
        return UNKNOWN
    return ArrayValue(tuple(Symbol(f"{array.text}.shape[{i}]") if d == -1 else d for i, d in enumerate(shape)))


_MODEL_ATTRIBUTES = {"input", "inputs", "output", "outputs", "layers"}
_NAME_CONSTANTS = {"True": True, "False": False, "None": None}


@dataclass
class _Backbone:
    """A ``keras.applications`` constructor met in a scope: reported as a model at its line."""

    layer: LayerObject
    node: ast.Call


class _LayerHandle:
    """A layer of a functional model reached through ``model.layers[i]`` / ``model.get_layer(name)``."""

    def __init__(self, builder, index: int, group: str | None = None) -> None:
        self.builder, self.index, self.last = builder, index, index  # a nested model: first and last node
        self.group = group
        self.name = group or builder.nodes[index].name

    def layer(self) -> LayerObject | None:
        """The layer itself, to be called again (``decoder_lstm = model.layers[3]``; ``decoder_lstm(x, ...)``):
        the same layer object, so Keras' rule for a shared layer applies; None for a nested model or an op."""
        node = self.builder.nodes[self.index]
        if self.group is not None or node.type.startswith("ops.") or node.type in ("InputLayer", "Constant",
                                                                                   "<opaque>", "<declared>"):
            return None
        return LayerObject(node.type, node.written_type, node.args, node.span, node.layer_key or f"node{self.index}",
                           node.name, node.written_factors)

    def tensors(self, attr: str):
        node = self.builder.nodes[self.index]
        if attr in ("input", "inputs") and node.type != "InputLayer":  # an InputLayer's input is its output
            refs = [TensorRef(self.builder, ref[0], ref[1]) for ref in node.inputs]
            return refs if attr == "inputs" or len(refs) != 1 else refs[0]
        several = self.builder.layer_outputs.get(self.last)
        if several is not None:  # a custom layer's call() returned (output, kernel)
            return list(several) if attr == "outputs" else several
        count = self.builder.outputs_of(TensorRef(self.builder, self.last, 0)) or 1
        refs = [TensorRef(self.builder, self.last, i) for i in range(count)]
        return refs if attr in ("outputs", "inputs") or count != 1 else refs[0]


def _model_attribute(model: FunctionalModel, attr: str):
    """``model.input`` (one tensor, or the list when it has several), ``model.outputs``, ``model.layers``..."""
    if attr == "layers":
        needed = sorted(_ancestors(model.builder, [o.node for o in model.outputs], stop=set()))
        handles: dict = {}
        for index in needed:  # a shared layer is one entry of model.layers
            node = model.builder.nodes[index]
            if node.type.startswith("ops.") or node.type in ("Constant", "<opaque>"):
                continue  # `x + y` in functional code is an operation, not one of model.layers
            group = (model.layer_of_node or {}).get(index)
            if group is not None and group in handles:  # a nested model's later layer: its output now
                handles[group].last = index
                continue
            key = group if group is not None else node.layer_key or index
            if key not in handles:
                handles[key] = _LayerHandle(model.builder, index, group)
        rank = _keras_layer_order(model, lambda i: (model.layer_of_node or {}).get(i) or
                                  model.builder.nodes[i].layer_key or i)
        return [handle for _, handle in sorted(handles.items(), key=lambda kv: rank.get(kv[0], (0, 0)))]
    if attr in ("input", "inputs"):
        return model.inputs[0] if attr == "input" and len(model.inputs) == 1 else list(model.inputs)
    if attr == "output" and isinstance(model.output_value, (list, tuple)):
        return type(model.output_value)(model.outputs)  # Keras 3: `.output` keeps the structure written
    return model.outputs[0] if attr == "output" and len(model.outputs) == 1 else list(model.outputs)


def _model_shape_attribute(model: FunctionalModel, attr: str):
    """``Model(i, o).output_shape`` / ``.input_shape``: as Keras 3 gives them, the shape tuple of a model with one
    output (input), a list of tuples for several; UNKNOWN when a shape is not known."""
    refs = model.outputs if attr == "output_shape" else model.inputs
    shapes = []
    for ref in refs:
        shape = ref.builder.shape_of(ref) if isinstance(ref, TensorRef) else None
        if shape is None:
            return UNKNOWN
        shapes.append(tuple(shape))
    if not shapes:
        return UNKNOWN
    return shapes[0] if len(shapes) == 1 else shapes


_KERAS_2_MODULES = ("keras.layers.", "keras.engine.", "tensorflow.keras.layers.", "tensorflow.keras.engine.")
_KERAS_BASE_CLASSES = frozenset({"Layer", "Model", "Sequential", "Functional", "InputSpec", "Wrapper", "RNN",
                                 "Operation"})


def _removed_keras_class(name: KerasName) -> bool:
    """A class of Keras 2's ``keras.layers`` / ``keras.engine`` that Keras 3 no longer has (``Recurrent``,
    ``_Merge``, ``_Conv``): a class written in its ``keras.layers`` or ``keras.engine`` that is none of Keras 3's."""
    leaf = name.leaf
    return name.qualname.startswith(_KERAS_2_MODULES) and leaf.lstrip("_")[:1].isupper() \
        and leaf not in KERAS_LAYER_NAMES and leaf not in _KERAS_BASE_CLASSES and leaf not in KERAS_HUB_LAYERS


def _given_name(args: dict, already: str) -> str | None:
    """The name a layer is given: its ``name=`` string, else a name it already has (``already``), else
    ``<name not known>`` when a ``name=`` was written that does not fold (prefix + "_conv" of an unknown prefix:
    Keras names the layer that, so it takes no automatic name, which would shift the automatic names after it);
    None when it gets an automatic one."""
    written = args.get("name")
    if isinstance(written, str):
        return written
    return already or ("<name not known>" if written is not None else None)


def _is_none_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _over_layers(items) -> bool:
    """A loop or comprehension over a model's layers (``for layer in model.layers``): model code, walked pass by
    pass, never cut as a data loop whose first passes built nothing.  Its passes decide what is built at the
    n-th layer of a kind (``output = layer.output; break`` at the 4th convolution; ``Dense(layer.units) for layer
    in model.layers if isinstance(layer, Dense)``)."""
    return bool(items) and isinstance(items[0], (LayerObject, _LayerHandle))


@value_class
class _LayerClass:
    """``layer.__class__`` / ``type(layer)`` of a Keras layer the walk made: the Keras class ``type``."""

    type: str


def _layer_type(layer) -> str | None:
    """The Keras class of a layer the walk made (a ``LayerObject``, or one of ``model.layers``); None when it is
    not known exactly: a user subclass of a Keras layer (its class is the user's), a nested model, an op."""
    if isinstance(layer, _LayerHandle):
        if layer.group is not None:
            return None
        node = layer.builder.nodes[layer.index]
        type_, label = node.type, node.label
    else:
        if layer.not_a_layer or layer.type in APPLICATION_TYPES:
            return None
        type_, label = layer.type, layer.written_type or layer.type
    if type_ == "InputLayer":  # keras.Input(...) makes one too
        return type_
    if type_.startswith(("<", "ops.")) or type_ not in RULES or canonical_type(label) != type_:
        return None
    return type_


def _layer_class(layer):
    type_ = _layer_type(layer)
    return UNKNOWN if type_ is None else _LayerClass(type_)


def _same_layer_class(left, right) -> bool | None:
    """Whether two classes are one: a Keras layer's class against a Keras class written (an alias such as
    ``Convolution2D`` is the same class object as ``Conv2D`` in Keras 3); None when that is not known."""
    def named(value):
        if type(value) is _LayerClass:
            return value.type
        if isinstance(value, KerasName) and value.qualname.startswith(("keras.layers.", "tensorflow.keras.layers.")):
            return canonical_type(value.leaf)
        return None
    left_type, right_type = named(left), named(right)
    if left_type is None or right_type is None:
        return None
    return left_type == right_type


class _Super:
    """``super()`` inside a method: the instance, and the class whose bases to look in."""

    def __init__(self, instance, cls) -> None:
        self.instance = instance
        self.cls = cls


def _binding(fn: ast.FunctionDef) -> str:
    """How a method binds its first parameter: "static", "class" or "instance"."""
    names = {d.id if isinstance(d, ast.Name) else d.attr if isinstance(d, ast.Attribute) else ""
             for d in fn.decorator_list}
    return "static" if "staticmethod" in names else "class" if "classmethod" in names else "instance"


class _BoundMethod:
    def __init__(self, target, attr: str) -> None:
        self.target = target
        self.attr = attr


class _Namespace:
    """``types.SimpleNamespace(filters=4, input_shape=(160, 208, 1))`` (argparse's Namespace, an EasyDict): a
    configuration object whose attributes are what it was made with, then what the code assigns."""

    def __init__(self, attributes: dict) -> None:
        self.attributes = attributes


_NAMESPACE_TYPES = {"types.SimpleNamespace", "argparse.Namespace", "easydict.EasyDict", "ml_collections.ConfigDict"}


class _ImportedModule:
    """A module of the user's project imported whole (``import blocks``): the names it defines."""

    def __init__(self, names: Scope) -> None:
        self.names = names


class _Partial:
    """``functools.partial(f, *args, **kwargs)``: the call as written, and the scope its arguments are read in."""

    def __init__(self, node: ast.Call, scope: Scope) -> None:
        self.node, self.scope = node, scope


def _bound_name(inner: Scope, value: Any, prefix: str, at: ast.AST) -> ast.Name:
    """A name, at ``at``'s place, bound in ``inner`` to a value the walk folded already (``<prefix N>``)."""
    name = f"<{prefix} {len(inner.bindings)}>"
    inner.bindings[name] = value
    return ast.copy_location(ast.Name(name, ast.Load()), at)


def _one_shape_of(results: list):
    """The first of ``results`` when all are tensors of one graph with one known shape: which one a run-time
    condition picks, the same shape follows (``StochasticDepth(p)(x) if p else x``); else None."""
    first = results[0]
    if not all(isinstance(r, TensorRef) and r.builder is getattr(first, "builder", None) for r in results):
        return None
    shape = first.builder.shape_of(first)
    return first if shape is not None and all(r.builder.shape_of(r) == shape for r in results[1:]) else None


class _LayerChoice:
    """``DropPath(rate) if rate > 0 else layers.Identity()`` with a condition known only at run time: one of these
    callables (layers, models, functions); calling it applies each (``_call_layer_choice``)."""

    def __init__(self, options: tuple) -> None:
        self.options = options


class _Composition:
    """``compose(f, g, h)`` written as ``functools.reduce(lambda f, g: lambda *a, **kw: g(f(*a, **kw)), funcs)``
    (YOLO's Darknet blocks, and the code that copied them): the callables, in the order a call applies them."""

    def __init__(self, callables: tuple) -> None:
        self.callables = callables


def _composition_order(reducer: ast.expr) -> str | None:
    """``lambda f, g: lambda *a, **kw: g(f(*a, **kw))`` ("forward": f first) or ``... f(g(...))`` ("backward"):
    a reducer that composes two callables; None for any other function."""
    if not isinstance(reducer, ast.Lambda) or len(reducer.args.args) != 2 or not isinstance(reducer.body, ast.Lambda):
        return None
    first, second = (a.arg for a in reducer.args.args)
    outer = reducer.body.body
    if not (isinstance(outer, ast.Call) and isinstance(outer.func, ast.Name) and len(outer.args) == 1
            and not outer.keywords and isinstance(outer.args[0], ast.Call)
            and isinstance(outer.args[0].func, ast.Name)):
        return None
    inner_params, inner = reducer.body.args, outer.args[0]
    passed = [a.arg for a in inner_params.args]
    given = [a.value.id if isinstance(a, ast.Starred) and isinstance(a.value, ast.Name) else getattr(a, "id", None)
             for a in inner.args]
    if inner_params.vararg is not None:
        passed.append(inner_params.vararg.arg)
    keywords = [kw.value.id for kw in inner.keywords if kw.arg is None and isinstance(kw.value, ast.Name)]
    if given != passed or keywords != ([inner_params.kwarg.arg] if inner_params.kwarg else []) \
            or len(keywords) != len(inner.keywords):
        return None
    names = (inner.func.id, outer.func.id)
    return "forward" if names == (first, second) else "backward" if names == (second, first) else None


_STARRED_UNKNOWN = "a starred list shapedoctor cannot expand"
_BINDINGS = itertools.count(1)  # Symbol.binding: one per assignment of a value that does not fold
_BUILTINS = {"len", "int", "round", "tuple", "list", "max", "min", "range", "enumerate", "zip", "reversed",
             "sorted", "sum", "abs", "float", "str", "bool", "isinstance", "print", "dict", "getattr", "setattr",
             "super", "pow",
             # Python's questions about an object: never a step of a model (hasattr(actor.output, "__len__"))
             "hasattr", "type", "callable", "id", "repr", "hash", "dir", "vars", "issubclass"}
#: Keras 2's per-node accessors of a layer or model (measured: none is an attribute in Keras 3.15), and what Keras 3
#: has instead
_REMOVED_NODE_METHODS = {"get_output_at": "output", "get_input_at": "input", "get_output_shape_at": "output.shape",
                         "get_input_shape_at": "input.shape", "get_output_mask_at": "output._keras_mask",
                         "get_input_mask_at": "input._keras_mask"}
_PLAIN_TYPES = {"int": int, "float": float, "str": str, "bool": bool, "tuple": tuple, "list": list, "dict": dict}
_LIST_MUTATORS = {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse"}
_LIST_QUERIES = {"index", "count"}


def _list_query(items, attr: str, args: list):
    """``items.index(x)`` / ``items.count(x)`` when every item and ``x`` are plain values or tensors (a tensor is
    found as itself); UNKNOWN otherwise, and for an index Python would raise on."""
    decided = (lambda v: is_plain(v) or isinstance(v, TensorRef))
    if not isinstance(items, list) or len(args) != 1 or not decided(args[0]) or not all(map(decided, items)):
        return UNKNOWN
    hits = [i for i, item in enumerate(items) if type(item) is type(args[0]) and item == args[0]]
    if attr == "count":
        return len(hits)
    return hits[0] if hits else UNKNOWN


# Keyword arguments that carry further input tensors of a layer call (attention, RNN states).
_RECURRENT_WITH_STATE = {"LSTM", "GRU", "SimpleRNN"}
# tf.math.equal(a, b), ops.less(a, b)...: folded when both are known numbers
_COMPARISONS = {"equal": operator.eq, "not_equal": operator.ne, "greater": operator.gt, "greater_equal": operator.ge,
                "less": operator.lt, "less_equal": operator.le}
# Keras base classes that compute nothing of their own: a subclass's call() is all there is
_ABSTRACT_LAYER_BASES = {"Layer", "Wrapper", "Lambda", "InputLayer"}
# Call arguments of the attention layers that change their outputs (attention.py reads them from the node).
_ATTENTION_LAYERS = {"MultiHeadAttention", "GroupQueryAttention", "Attention", "AdditiveAttention"}
_ATTENTION_CALL_FLAGS = ("return_attention_scores", "use_causal_mask")
_REVERSIBLE = ("ReversibleEmbedding", "keras_hub.ReversibleEmbedding")
_TENSOR_KEYWORDS = ("query", "value", "key", "decoder_sequence", "encoder_sequence")
# Functions that give back their tensor argument's shape.
_DATA_TO_TENSOR = {"array", "asarray", "convert_to_tensor", "constant", "cast", "identity"}
_IDENTITY_FUNCTIONS = {"stop_gradient", "identity", "cast", "convert_to_tensor", "preprocess_input"}
_CREATION_OPS = {"arange", "range", "zeros", "ones", "eye", "linspace", "normal", "uniform", "truncated_normal",
                 "random_normal", "random_uniform", "constant", "fill", "full"}


@functools.lru_cache(maxsize=8192)  # pure, and asked for every `layers.X` a file spells
def _normal_qualname(qual: str) -> str:
    if qual.startswith("tf."):
        qual = "tensorflow." + qual[3:]
    # TF 2's compat.v1 / compat.v2 namespaces hold the same functions (`import tensorflow.compat.v1 as tf` in
    # TF 1-style code): tf.compat.v1.nn.relu is tf.nn.relu, tf.compat.v1.keras is tf.keras
    if qual.startswith(("tensorflow.compat.v1.", "tensorflow.compat.v2.")):
        qual = "tensorflow." + qual[len("tensorflow.compat.v1."):]
    for prefix in ("tensorflow.keras.", "keras_core.", "tf_keras."):
        if qual.startswith(prefix):
            return "keras." + qual[len(prefix):]
    return qual


def _tensor_shape(dims: Any) -> Any:
    """``tf.TensorShape([input_shape[-1], self.units])``: the shape those sizes make, a tuple (``.as_list()``
    of it reads back the list); UNKNOWN when the rank is not known (``TensorShape(None)``) or a size is no size."""
    if isinstance(dims, (tuple, list)) and all(d is None or isinstance(d, (int, Symbol)) and not isinstance(d, bool)
                                               for d in dims):
        return tuple(dims)
    if isinstance(dims, int) and not isinstance(dims, bool):
        return (dims,)  # TensorShape(5): a vector's
    return UNKNOWN


def _eye_shape(args: list, kwargs: dict) -> tuple | None:
    """The shape of ``eye(N, M=None)`` as numpy, keras.ops (``M=``) and tf (``num_columns=``, and ``batch_shape=``
    axes before them) spell it; None when a size does not fold."""
    rows = kwargs.get("N", kwargs.get("num_rows", args[0] if args else None))
    columns = kwargs.get("M", kwargs.get("num_columns", args[1] if len(args) > 1 else None))
    batch = kwargs.get("batch_shape", ())
    if type(batch) not in (list, tuple) or not all(d is None or isinstance(d, (int, Symbol)) for d in batch):
        return None  # tf.eye(3, batch_shape=[tf.shape(x)[0], 1]): (None, 1, 3, 3)
    matrix = (rows, rows if columns is None else columns)
    if not all(isinstance(d, (int, Symbol)) and not isinstance(d, bool) for d in matrix):
        return None
    return (*batch, *matrix)


def _created_constant(leaf: str, args: list, kwargs: dict):
    """``ops.arange(n)``, ``tf.range(start, stop)``, ``ops.zeros((2, 3))``: a constant of known shape."""
    def size(value):
        return value if isinstance(value, (int, Symbol)) and not isinstance(value, bool) else None

    if leaf in ("arange", "range"):
        args = list(args) + [kwargs[k] for k in ("start", "stop", "limit", "step", "delta") if k in kwargs]
        numbers = [size(a) for a in args[:3]]
        if len(args) == 1 and numbers[0] is not None:
            return WeightValue((numbers[0],))
        if len(args) == 1 and args[0] is None:  # tf.range(tf.shape(x)[0]): as long as the batch
            return WeightValue((None,))
        start, stop = (numbers[0], numbers[1]) if len(args) >= 2 else (None, None)
        step = numbers[2] if len(args) == 3 else 1
        if len(args) in (2, 3) and all(isinstance(n, int) for n in (start, stop, step)) and step:
            return WeightValue((len(range(start, stop, step)),))
        if len(args) in (2, 3) and start == 0 and step == 1 and stop is not None:
            return WeightValue((stop,))
        return UNKNOWN
    if leaf == "linspace":  # linspace(start, stop, num=50)
        num = kwargs.get("num", args[2] if len(args) > 2 else 50)
        return WeightValue((num,)) if size(num) is not None else UNKNOWN
    if leaf == "constant" and "shape" not in kwargs and len(args) < 3:
        # tf.constant(value): the value's own shape (a number: a scalar); a shape= argument broadcasts it instead
        value = kwargs.get("value", args[0] if args else None)
        if isinstance(value, (ArrayValue, WeightValue)):  # tf.constant(pos_emb.astype(np.float32)): that shape
            return WeightValue(tuple(value.shape))
        shape = _nested_shape(value) if type(value) in (int, float, bool, list, tuple) else None
        return WeightValue(shape) if shape is not None else UNKNOWN
    if leaf == "eye":
        shape = _eye_shape(args, kwargs)
        return WeightValue(shape) if shape is not None else UNKNOWN
    shape = kwargs.get("shape", args[0] if args else UNKNOWN)
    if isinstance(shape, (int, Symbol)) and not isinstance(shape, bool):
        shape = (shape,)
    # tf.random.normal(shape=(tf.shape(x)[0], dim)): a dynamic size (None) stays unknown, like a batch axis
    if isinstance(shape, (tuple, list)) and all(d is None or size(d) is not None for d in shape):
        return WeightValue(tuple(shape))
    return UNKNOWN


def _iterated(value):
    """What a loop or a comprehension walks over ``value``: a dict's keys (``for name in inputs:``); the rows of a
    constant of known length (``for rate in np.linspace(0, 0.1, depth)``), each a constant of the remaining shape
    (a number for a numpy vector); other values as they are."""
    if isinstance(value, dict):
        return list(value)
    if isinstance(value, (WeightValue, ArrayValue)) and value.shape and type(value.shape[0]) is int \
            and 0 <= value.shape[0] <= MAX_UNROLL:
        if isinstance(value, ArrayValue) and value.values is not None:
            return list(value.values)
        if isinstance(value, ArrayValue) and len(value.shape) == 1:
            return [UnknownNumber("an item of a numpy array")] * value.shape[0]  # a numpy scalar: a number
        return [type(value)(tuple(value.shape[1:]))] * value.shape[0]
    return value


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _tensors_in(args: list, kwargs: dict) -> list[TensorRef]:
    """Graph tensors among a call's arguments (also inside lists, tuples and dicts), in order."""
    out: list[TensorRef] = []
    for value in list(args) + list(kwargs.values()):
        _collect_tensors(value, out, 0)
    return out


# The recursive helpers below are module functions, not closures: a closure that calls itself is a reference
# cycle, which only the garbage collector frees (and a collection scans every young object to find it).
def _collect_tensors(value, out: list, depth: int) -> None:
    if isinstance(value, TensorRef):
        out.append(value)
    elif isinstance(value, (list, tuple)) and depth < 3:
        for item in value:
            _collect_tensors(item, out, depth + 1)
    elif isinstance(value, dict) and depth < 3:
        for item in value.values():
            _collect_tensors(item, out, depth + 1)


# Model.compile's positional parameters after (optimizer, loss) in Keras 2 (Keras 3: loss_weights, metrics)
_KERAS2_COMPILE = ("metrics", "loss_weights")


def _keras2_compile_positionals(node: ast.Call, args: list) -> Respelling | None:
    """``model.compile("adam", "mse", ["accuracy"])``: Keras 2 took the third positional argument as ``metrics``,
    Keras 3 takes it as ``loss_weights`` (and fails once training starts: "Invalid dtype: str256").  Reported where
    one of the arguments written in Keras 2's order can only be metrics (a string, or a list or dict holding one)."""
    written = node.args[2:]
    if len(args) < 3 or not 0 < len(written) <= len(_KERAS2_COMPILE) or any(isinstance(a, ast.Starred)
                                                                            for a in node.args) \
            or any(k.arg in _KERAS2_COMPILE for k in node.keywords):
        return None

    def metric_like(value) -> bool:
        items = list(value.values()) if isinstance(value, dict) else value if isinstance(value, (list, tuple)) \
            else [value]
        return any(isinstance(item, str) for item in items)

    if not metric_like(args[2]):
        return None
    texts = [_unparse(a) for a in written]
    named = ", ".join(f"{keyword}={text}" for keyword, text in zip(_KERAS2_COMPILE, texts))
    third = written[0]
    return Respelling(
        span=(third.lineno, third.col_offset, third.end_lineno, third.end_col_offset), called="compile",
        message=f"compile(): the third positional argument is `loss_weights` in Keras 3 (it was `metrics` in Keras "
                f"2), so {texts[0]} is taken as loss weights and training fails (Invalid dtype); pass it as "
                f"metrics={texts[0]}",
        explanation="Keras 3's signature is compile(optimizer, loss, loss_weights, metrics, ...); Keras 2's was "
                    "compile(optimizer, loss, metrics, loss_weights, ...). The model builds; fit() fails on its "
                    "first batch.",
        fix_title=f"pass {'them' if len(written) > 1 else 'it'} by keyword: {named}",
        insertions=tuple((a.lineno, a.col_offset, f"{keyword}=") for keyword, a in zip(_KERAS2_COMPILE, written)),
        written=tuple(((a.lineno, a.col_offset, a.end_lineno, a.end_col_offset), text)
                      for a, text in zip(written, texts)))


def _walk_summary(graphs: list[ModelGraph]) -> tuple[tuple[int, int], int]:
    """How far a walk's models are followed -- (models whose every layer has a shape and no gap, layers with one)
    -- and how many errors and warnings they have: each model inferred once."""
    complete = followed = findings = 0
    for graph in graphs:
        inference = infer(graph)
        _, built = build_score(inference)
        followed += built
        complete += built == len(inference.results) and not graph.gaps and not _has_opaque(graph)
        findings += sum(1 for d in inference.diagnostics if d.severity in ("error", "warning"))
    return (complete, followed), findings


def _unfolded_operands(spec, bound: dict, node: ast.AST) -> dict:
    """``{UNFOLDED_OPERANDS: ((parameter, text), ...)}`` for the op's arguments that did not fold to a value (or
    folded to a symbol only), as written (``self.kernel`` of ``tf.matmul(x, self.kernel)``, ``w`` of ``x @ w``),
    else {}."""
    unfolded = [name for name, value in bound.items()
                if value is UNKNOWN or type(value) is Symbol or _front_end_value(value)]
    if not unfolded:
        return {}
    if isinstance(node, ast.BinOp):
        written = {"x1": node.left, "x2": node.right}
    elif isinstance(node, ast.Call):
        try:
            written = spec.bind(list(node.args), {k.arg: k.value for k in node.keywords if k.arg})
        except Exception:  # a call Keras' signature does not take: no texts, the parameter names stay
            return {}
    else:
        return {}
    texts = tuple((name, _short(_unparse(written[name]), 40)) for name in unfolded
                  if isinstance(written.get(name), ast.expr) and not isinstance(written[name], ast.Starred))
    return {UNFOLDED_OPERANDS: texts} if texts else {}


def _encoded_operand(value, inputs: list, depth: int = 0):
    """An op's argument as its node holds it: a tensor as ``TensorArg`` (its position in ``inputs``, added there
    when new), a constant array as ``ConstTensor``, inside lists and tuples too."""
    if isinstance(value, TensorRef):
        if value not in inputs:
            inputs.append(value)
        return TensorArg(inputs.index(value))
    if isinstance(value, (WeightValue, ArrayValue)):
        return ConstTensor(tuple(value.shape))
    if isinstance(value, (list, tuple)) and depth < 3 and any(
            isinstance(v, (TensorRef, WeightValue, ArrayValue)) for v in value):
        return type(value)(_encoded_operand(v, inputs, depth + 1) for v in value)
    return value


def _replayed_value(value, mapping: dict, copies: dict, target):
    """A model's output value (tensors, nested in lists, tuples and dicts) with each tensor replaced by its
    counterpart where the model was called: a given input (``mapping``) or a copied node (``copies``)."""
    if isinstance(value, TensorRef):
        return mapping[value.node] if value.node in mapping else TensorRef(target, copies[value.node], value.output)
    if isinstance(value, (list, tuple)):
        return type(value)(_replayed_value(v, mapping, copies, target) for v in value)
    if isinstance(value, dict):
        return {k: _replayed_value(v, mapping, copies, target) for k, v in value.items()}
    return value


def _number_like(value) -> bool:
    return isinstance(value, (int, float, Symbol, UnknownNumber)) and not isinstance(value, bool)


# ops of two operands, as Python's operators are: a number there is a scalar operand, folded or not
_SCALAR_OPERAND_OPS = frozenset(op for op in OPERATORS.values() if op != "ops.matmul") | {
    "ops.divide", "ops.maximum", "ops.minimum", "ops.arctan2", "ops.divide_no_nan"}


def _pieces_written(op: str, bound: dict) -> int | None:
    """How many tensors a split gives, as its call writes it (``tf.split(x, 2)``, ``tf.split(x, [192, 384])``,
    ``ops.unstack(x, num=3)``), when its input's shape does not tell; None when the call does not say."""
    if op == "ops.split":
        pieces = bound.get("sizes", bound.get("indices_or_sections"))
        if isinstance(pieces, (list, tuple)) and all(type(p) is int for p in pieces):
            return len(pieces) + ("sizes" not in bound)  # Keras' indices cut one piece more than they list
    else:
        pieces = bound.get("indices_or_sections") if op == "ops.array_split" else \
            bound.get("num") if op == "ops.unstack" else None
    return pieces if type(pieces) is int and 0 < pieces <= MAX_ITEMS else None


def _scalar_operand(value):
    """In ``x * scale``: a size symbol or a number shapedoctor could not fold is still a scalar."""
    if isinstance(value, (Symbol, UnknownNumber)):
        return ConstTensor(())
    return value


# The keys input_args_from_layer_kwargs removes from a layer's arguments: without any of them it changes nothing.
_INPUT_KEYS = frozenset(INPUT_SHAPE_KWARGS) | {"batch_size"}


def _layer_input_args(args: dict, type_: str) -> dict | None:
    """Keras 2's ``input_shape=`` on a layer, except where it is the layer's own argument (a backbone's)."""
    rule_ = RULES.get(type_)
    if rule_ is not None and "input_shape" in rule_.params:
        return None
    return input_args_from_layer_kwargs(args, type_)


# Keras 3 layer classes other public layer classes derive from (isinstance of them is not decided by the type)
_KERAS_LAYER_CLASSES = frozenset(canonical_type(n) for n in KERAS_LAYER_NAMES)

_NAMED_VALUE = re.compile(r"[A-Za-z_][\w.]*\Z")  # a symbol that stands for a name (a parameter), not a sum

# Modules of Keras classes that are not layers: ``loss_fn(y, model(x))``, ``lr_schedule(step)`` compute values
_NOT_LAYER_NAMESPACES = frozenset({"losses", "metrics", "optimizers", "schedules", "initializers", "regularizers",
                                   "constraints", "callbacks"})


@functools.lru_cache(maxsize=4096)  # pure, and asked for every layer object a walk makes
def _not_layer_namespace(qualname: str) -> str:
    """The part of ``keras.losses.MeanSquaredError`` that says it is no layer ("losses"); "" for a layer."""
    return next((part for part in qualname.split(".")[:-1] if part in _NOT_LAYER_NAMESPACES), "")


def _not_a_layer_called(made: LayerObject, args: list, kwargs: dict):
    """A loss, metric, schedule... called: an initializer gives a weight of the shape it is asked for, anything
    else a value that is no part of a model."""
    if made.not_a_layer == "initializers":
        shape = args[0] if args else kwargs.get("shape")
        if isinstance(shape, (tuple, list)) and all(type(d) is int and d >= 0 for d in shape):
            return WeightValue(tuple(shape))
    return UNKNOWN


def _dict_key(key) -> bool:
    """A key a dict literal keeps: a string, a number, None or a tuple of them (as Python hashes them)."""
    if isinstance(key, tuple):
        return all(_dict_key(k) and not isinstance(k, tuple) for k in key)
    return key is None or type(key) in (str, int, float, bool)


def _passes_on_keywords(init) -> bool:
    """A user layer's ``__init__`` (None: it has none) hands Keras' own keywords (``input_shape=``) on to
    ``keras.layers.Layer.__init__``: it takes ``**kwargs`` and names none of them itself."""
    if init is None:
        return True
    arguments = init[0].args
    named = {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
    return arguments.kwarg is not None and not named & set(INPUT_SHAPE_KWARGS)


def _sequential_layers(model: SequentialModel) -> list | None:
    """``model.layers`` of a Sequential whose every item is a layer object: without its InputLayer, as Keras has it
    (``Sequential(model_a.layers[:-1])`` reuses the rest); None when an item is not known."""
    items = [_layer_of_input_ref(i) if isinstance(i, TensorRef) else i for i in _flatten_items(model.items)]
    if items and all(isinstance(i, LayerObject) for i in items):
        return [i for i in items if i.type != "InputLayer"]
    return None


def _declared_input_args(first) -> dict | None:
    """The input a Sequential whose first item is ``first`` declares: its Input's arguments, Keras 2's
    ``input_shape=`` on its first layer, or a user layer's (``**kwargs`` passed on); None when it declares none."""
    if isinstance(first, LayerObject) and first.type == "InputLayer":
        return dict(first.args)
    if isinstance(first, LayerObject):
        return _first_item_input_args(dict(first.args), first.type)
    if isinstance(first, Instance) and first.input_args is not None:
        return dict(first.input_args)
    return None


def _first_item_input_args(args: dict, type_: str) -> dict | None:
    """The input a Sequential gets from its first item: Keras 2's ``input_shape=`` on a layer, or a backbone's own
    ``input_shape`` (``Sequential([VGG16(include_top=False, input_shape=(150, 150, 3)), Flatten(), ...])``: the
    backbone is a functional model, whose input the Sequential takes)."""
    rule_ = RULES.get(type_)
    if rule_ is not None and "input_shape" in rule_.params:
        shape = args.get("input_shape")
        if isinstance(shape, (tuple, list)) and all(d is None or (isinstance(d, int) and not isinstance(d, bool)) for d in shape):
            return {"batch_shape": (None, *shape)}
        return None
    return input_args_from_layer_kwargs(args, type_)


# Each word found by str.find (a fast substring search), then the rest of the spelling matched where it ends: a
# regex for the whole spelling scanned the text character by character for S, M or F (over 1% of a corpus run).
# Every match is found: none of the three words holds an S, M or F after its first letter, so no spelling can
# start inside another one.
_CONSTRUCTOR_WORDS = ("Sequential", "Model", "Functional")
_CONSTRUCTOR_OPENING = re.compile(r"\s*\(")


def constructor_text_lines(text: str) -> set[int]:
    r"""Lines where ``Sequential(``/``Model(``/``Functional(`` is written (code, strings or comments alike), as the
    whole word (``\b(?:Sequential|Model|Functional)\s*\(``)."""
    starts = []
    for word in _CONSTRUCTOR_WORDS:
        start = text.find(word)
        while start >= 0:
            if _CONSTRUCTOR_OPENING.match(text, start + len(word)) \
                    and not (start and (text[start - 1].isalnum() or text[start - 1] == "_")):  # \w, as re has it
                starts.append(start)
            start = text.find(word, start + 1)
    lines, line, position = set(), 1, 0
    for start in sorted(starts):
        line += text.count("\n", position, start)  # counted once over the text, whatever the matches
        position = start
        lines.add(line)
    return lines


def _first_line(node: ast.AST) -> int | None:
    """The first line of ``node``'s text: a decorated function's or class's starts at its first decorator, above
    the ``def``/``class`` line its ``lineno`` gives."""
    decorators = getattr(node, "decorator_list", None)
    return decorators[0].lineno if decorators else getattr(node, "lineno", None)


def constructor_calls(statement: ast.stmt, candidates: set[int]) -> set[int]:
    """Lines of ``Sequential(``/``Model(``/``Functional(`` calls in ``statement``; ``candidates``, the lines where
    the text has such a spelling, keep the walk to the few statements that can hold one."""
    lines: set[int] = set()
    ordered = sorted(candidates)
    stack: list[ast.AST] = [statement]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Call) and node.lineno in candidates:
            leaf = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if leaf in _MODEL_CLASSES:
                lines.add(node.lineno)
        for child in ast.iter_child_nodes(node):
            first = _first_line(child)
            if first is None:  # arguments, comprehension...: no position of their own
                stack.append(child)
                continue
            at = bisect.bisect_left(ordered, first)  # only into children whose lines hold a candidate
            if at < len(ordered) and ordered[at] <= (getattr(child, "end_lineno", None) or first):
                stack.append(child)
    return lines


# A Keras layer's attributes its constructor stores exactly as given (Dense.units, Dropout.rate, Conv.filters,
# Embedding.input_dim...; kernel_size, strides, padding or activation are normalized, so they are not here)
_STORED_AS_GIVEN = frozenset({"units", "rate", "filters", "input_dim", "output_dim", "num_heads", "key_dim",
                              "return_sequences", "return_state", "use_bias"})

_BASE_LAYER_ATTRIBUTES = {"filters", "units", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                          "activation", "use_bias", "bias", "kernel", "num_heads", "key_dim", "output_dim",
                          "input_dim", "rate", "axis", "pool_size", "return_sequences", "return_state"}


def _correct_pad(shape, kernel_size, data_format: str):
    """keras.applications.imagenet_utils.correct_pad: the ZeroPadding2D padding MobileNets put before a strided
    'valid' convolution, worked out from the input's height and width as Keras does."""
    if isinstance(kernel_size, int) and not isinstance(kernel_size, bool):
        kernel_size = (kernel_size, kernel_size)
    if shape is None or len(shape) != 4 or not (isinstance(kernel_size, tuple) and len(kernel_size) == 2
                                                and all(type(k) is int for k in kernel_size)):
        return UNKNOWN
    height, width = shape[2:4] if data_format == "channels_first" else shape[1:3]
    if height is None:
        adjust = (1, 1)
    elif type(height) is int and type(width) is int:
        adjust = (1 - height % 2, 1 - width % 2)
    else:
        return UNKNOWN  # a named size: its parity is not known
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    return ((correct[0] - adjust[0], correct[0]), (correct[1] - adjust[1], correct[1]))


MAX_INPUT_ITEMS = 16


def _has_opaque(graph: ModelGraph) -> bool:
    return any(node.type == "<opaque>" for node in graph.nodes)


def _input_structure(call: ast.FunctionDef) -> int | tuple[str, ...] | None:
    """How ``call(self, inputs)`` takes its input apart, when it does: into that many items (``inputs[0]``,
    ``inputs[1]``; ``source, target = inputs``: a subclassed model fed a list of tensors), or by those keys
    (``inputs["ids"]``: a dict of tensors, in the order they are first read).  Made once per file: a subclassed
    model's call() is asked again for each walk of it (every rank tried)."""
    found = _STRUCTURES.get(call, _MISSING)
    if found is _MISSING:
        found = _STRUCTURES[call] = _input_structure_of(call)
    return found


_STRUCTURES: dict = {}  # call() node -> _input_structure's answer, for the file being walked


def _input_structure_of(call: ast.FunctionDef) -> int | tuple[str, ...] | None:
    params = call.args.posonlyargs + call.args.args
    if len(params) < 2:
        return None
    name = params[1].arg
    count = 0
    keys: dict[str, None] = {}
    for node in ast.walk(ast.Module(body=call.body, type_ignores=[])):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name \
                and isinstance(node.slice, ast.Constant) and type(node.slice.value) is str:
            keys[node.slice.value] = None
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name \
                and isinstance(node.slice, ast.Constant) and type(node.slice.value) is int and node.slice.value >= 0:
            count = max(count, node.slice.value + 1)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id == name \
                and len(node.targets) == 1 and isinstance(node.targets[0], (ast.Tuple, ast.List)) \
                and not any(isinstance(e, ast.Starred) for e in node.targets[0].elts):
            count = max(count, len(node.targets[0].elts))
    if keys and not count:
        return tuple(keys) if len(keys) <= MAX_INPUT_ITEMS else None
    return count if 0 < count <= MAX_INPUT_ITEMS and not keys else None


# numpy functions and array methods whose shapes are those of the keras.ops function of that name (same defaults)
_NUMPY_AS_OPS = {"stack", "concatenate", "transpose", "sum", "mean", "max", "min", "prod", "std", "var", "squeeze",
                 "tile", "repeat", "swapaxes", "moveaxis", "flip", "abs", "exp", "log", "sqrt", "square", "clip",
                 "matmul", "dot", "cumsum", "argmax", "argmin", "sin", "cos", "round", "floor", "ceil", "where",
                 "add", "subtract", "multiply", "divide", "maximum", "minimum"}
_ARRAY_METHODS = {"transpose": "transpose", "sum": "sum", "mean": "mean", "max": "max", "min": "min", "prod": "prod",
                  "std": "std", "var": "var", "squeeze": "squeeze", "flatten": "ravel", "ravel": "ravel",
                  "repeat": "repeat", "swapaxes": "swapaxes", "cumsum": "cumsum", "argmax": "argmax",
                  "argmin": "argmin", "clip": "clip", "round": "round", "dot": "dot"}


def _first_input_shape(graphs: list[ModelGraph], layer_key: str):
    """The input shape the layer ``layer_key`` gets where a reported model calls it (its first call there)."""
    for graph in graphs:
        for node in graph.nodes:
            if node.layer_key == layer_key:
                result = infer(graph).results[node.index]
                shapes = result.input_shapes
                return tuple(shapes[0]) if shapes and len(shapes) == 1 and shapes[0] is not None else None
    return None


def _nested_shape(value, depth: int = 0) -> tuple | None:
    """The shape of a (nested) list of numbers, as numpy reads it; None when it is ragged or holds anything
    else."""
    if type(value) in (int, float, bool):
        return ()
    if type(value) not in (list, tuple) or not value or depth > 8:
        return None
    inner = {_nested_shape(v, depth + 1) for v in value}
    if len(inner) != 1 or None in inner:
        return None
    return (len(value), *inner.pop())


def _numpy_arange(args: list, kwargs: dict):
    """``np.arange(n)``, ``np.arange(start=1, stop=10, step=1)``: an integer vector, its numbers too when they are
    few enough to unroll (``for depth in np.arange(1, 10)``); None when the arguments are not integers."""
    named = [kwargs.get(name, _MISSING) for name in ("start", "stop", "step")]
    if len(args) == 1 and named[0] is _MISSING and named[1] is _MISSING:
        named[1] = args[0]  # np.arange(stop)
    else:
        named = [args[i] if i < len(args) else named[i] for i in range(3)]
    start, stop, step = (0 if named[0] is _MISSING else named[0], named[1], 1 if named[2] is _MISSING else named[2])
    if len(args) > 3 or not all(type(v) is int for v in (start, stop, step)) or not step \
            or any(abs(v) >= 2 ** MAX_INT_BITS for v in (start, stop, step)):
        return None
    numbers = range(start, stop, step)
    return ArrayValue((len(numbers),), tuple(numbers) if len(numbers) <= MAX_UNROLL else None)


def _linspace_values(start, stop, num: int, endpoint) -> tuple | None:
    """``np.linspace``'s numbers (as numpy computes them: start + i * step), for a short vector of known ends."""
    if not all(type(v) in (int, float) for v in (start, stop)) or not isinstance(endpoint, bool) \
            or num > MAX_UNROLL or any(abs(v) >= 2 ** MAX_INT_BITS for v in (start, stop)):
        return None
    divisions = num - 1 if endpoint else num
    step = (stop - start) / divisions if divisions > 0 else 0.0
    values = [start + i * step for i in range(num)]
    if endpoint and num > 1:
        values[-1] = float(stop)
    return tuple(float(v) for v in values)


def _mel_weight_matrix(args: list, kwargs: dict):
    """``tf.signal.linear_to_mel_weight_matrix(num_mel_bins=20, num_spectrogram_bins=129, ...)``: a constant of
    shape (num_spectrogram_bins, num_mel_bins), as TensorFlow 2.21 gives it."""
    mel = kwargs.get("num_mel_bins", args[0] if args else 20)
    bins = kwargs.get("num_spectrogram_bins", args[1] if len(args) > 1 else 129)
    if all(isinstance(d, (int, Symbol)) and not isinstance(d, bool) for d in (mel, bins)):
        return WeightValue((bins, mel))
    return UNKNOWN


def _meshgrid(arrays: list, indexing) -> list | Any:
    """``np.meshgrid(a, b, indexing="ij")`` of 1-D arrays: one array per input, each of every input's length
    (``"xy"``, the default: the first two lengths swapped)."""
    if not arrays or indexing not in ("xy", "ij") or not all(isinstance(a, ArrayValue) and len(a.shape) == 1
                                                               for a in arrays):
        return UNKNOWN
    lengths = [a.shape[0] for a in arrays]
    if indexing == "xy" and len(lengths) >= 2:
        lengths[0], lengths[1] = lengths[1], lengths[0]
    return [ArrayValue(tuple(lengths)) for _ in arrays]


_ENVIRONMENT_READS = {"os.environ.get", "os.getenv", "os.environ.setdefault"}
_MATH_FUNCTIONS = {"ceil": math.ceil, "floor": math.floor, "sqrt": math.sqrt, "log": math.log, "log2": math.log2,
                   "log10": math.log10, "exp": math.exp, "pow": math.pow, "gcd": math.gcd, "prod": math.prod,
                   "isqrt": math.isqrt, "trunc": math.trunc, "fabs": math.fabs}


# tf.* / keras.ops functions of one number whose value a size or a scale may be computed from (a tensor of rank 0)
_TENSOR_SCALAR_FUNCTIONS = {"round", "floor", "ceil", "sqrt", "log", "exp", "abs", "absolute"}
# numpy's functions of one number, on a plain number, as numpy computes them (np.round: half to even, a float)
_NUMPY_SCALAR_FUNCTIONS = {"round": lambda x: float(round(x)), "around": lambda x: float(round(x)),
                           "rint": lambda x: float(round(x)), "floor": lambda x: float(math.floor(x)),
                           "ceil": lambda x: float(math.ceil(x)), "sqrt": math.sqrt, "log": math.log,
                           "log2": math.log2, "log10": math.log10, "exp": math.exp, "abs": abs, "absolute": abs,
                           "int32": int, "int64": int, "int_": int, "intc": int, "float32": float,
                           "float64": float}


def _numpy_scalar(name: str, value):
    if abs(value) >= 2 ** MAX_INT_BITS:
        return UNKNOWN
    try:
        return bounded(_NUMPY_SCALAR_FUNCTIONS[name](value))
    except (ValueError, OverflowError):
        return UNKNOWN


def _math_call(name: str, args: list):
    """``math.ceil(n / 2)``, ``math.log(10000)``, ``math.prod(shape)`` on known numbers: their value (sizes and the
    numbers beside them), within the folding bounds; else unknown."""
    function = _MATH_FUNCTIONS.get(name)
    items = args[0] if name == "prod" and len(args) == 1 and isinstance(args[0], (tuple, list)) else args
    if function is None or not items or not all(type(a) in (int, float) for a in items) \
            or any(abs(a) >= 2 ** MAX_INT_BITS for a in items):
        return UNKNOWN
    try:
        return bounded(function(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError):
        return UNKNOWN


def _activation_function(identifier):
    """``keras.activations.get("relu")``: the function ``keras.activations.relu`` (None: ``linear``; a function is
    itself), called on tensors like any other activation."""
    if identifier is None:
        identifier = "linear"
    if isinstance(identifier, (KerasName, Module)) and identifier.qualname.startswith("keras.activations."):
        return identifier
    if isinstance(identifier, str) and _resolved_op(f"keras.activations.{identifier}") is not None:
        return KerasName(f"keras.activations.{identifier}")  # as ``keras.activations.relu`` folds
    return UNKNOWN


def _one_graph_tensors(value) -> bool:
    """A tensor, or a list or tuple of tensors of one graph."""
    if isinstance(value, TensorRef):
        return True
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(t, TensorRef) for t in value) \
        and len({id(t.builder) for t in value}) == 1


def _first_call_parameter(cls: ClassValue) -> str:
    """The name of the first argument of ``cls``'s call() after ``self`` (``inputs`` when it has none)."""
    found = cls.method("call")
    params = (found[0].args.posonlyargs + found[0].args.args) if found is not None else []
    return params[1].arg if len(params) > 1 else "inputs"


def _data_shapes(x) -> dict | list | None:
    """``fit({"a": A, "b": B})`` / ``fit([A, B])`` with arrays of known shape: each input's shape, batch None."""
    if isinstance(x, dict) and x and all(isinstance(k, str) and isinstance(v, ArrayValue) and v.shape
                                         for k, v in x.items()):
        return {k: (None, *v.shape[1:]) for k, v in x.items()}
    if isinstance(x, (list, tuple)) and x and all(isinstance(v, ArrayValue) and v.shape for v in x):
        return [(None, *v.shape[1:]) for v in x]
    return None


def _inner_base_layer(instance: Instance) -> LayerObject:
    """The Keras layer's own computation inside a subclass's call() (``super().call(x)``,
    ``self.convolution_op(x, k)``): a step of that layer, shown under its name and the Keras class."""
    return dataclasses.replace(instance.base_layer, name=instance.name, written_type=instance.cls.keras_base)


def _base_layer_attribute(layer: LayerObject, attr: str):
    """``self.filters``, ``self.use_bias``, ``self.bias``... of a Keras layer subclass: what Keras' own
    constructor stored, from the arguments it was given."""
    if attr == "use_bias":
        return layer.args.get("use_bias", True)
    if attr == "bias":
        size = layer.args.get("filters", layer.args.get("units"))
        return WeightValue((size,)) if isinstance(size, int) and not isinstance(size, bool) else UNKNOWN
    return layer.args.get(attr, UNKNOWN)


def _data_the_input_is_written_from(graph: ModelGraph) -> tuple | None:
    """``input_shape=(X.shape[1], X.shape[2])`` of a folded 4-D ``X``: the model's one Input takes some of the
    data's axes, and ``X`` is what it will be fit on (Keras then fails: Invalid input shape)."""
    inputs = [n for n in graph.nodes if n.type == "InputLayer"]
    if len(inputs) != 1:
        return None, ""
    args = inputs[0].args
    shape = args.get("shape", args.get("input_shape"))
    if shape is None and isinstance(args.get("batch_shape"), (tuple, list)):
        shape = tuple(args["batch_shape"])[1:]
    data = data_of_dims(shape)
    return (data, shape[0].text) if data is not None else (None, "")


def _stand_for_layer(ref: TensorRef, name: str, written_type: str, inside: str) -> None:
    """The node computing a followed layer's output (a custom layer's call(), a Lambda's function) is shown as
    that layer: its name and class, as Keras' summary shows it.  A step that could not be followed keeps its
    reason, said to be ``inside`` the layer (``RandomCrop.call()``): the class name alone explains nothing."""
    node = ref.builder.nodes[ref.node]
    node.name = name
    node.written_type = f"in {inside}: {node.written_type}" if node.type == "<opaque>" else written_type


def _weight(shape) -> Any:
    """``self.add_weight(shape=(d, k))`` (Keras 3: ``shape`` first; Keras 2: ``name`` first), or an
    initializer called with ``shape=``: a weight of that shape, sizes known or named."""
    if isinstance(shape, (int, Symbol)) and not isinstance(shape, bool):
        shape = (shape,)
    if shape is None:
        shape = ()  # Keras 3's default: a scalar weight
    if isinstance(shape, (tuple, list)) and all(isinstance(d, (int, Symbol)) and not isinstance(d, bool)
                                                for d in shape):
        return WeightValue(tuple(shape))
    return UNKNOWN


def _named_unknown(value, written: ast.expr):
    if value is UNKNOWN and not isinstance(written, (ast.Lambda, ast.Starred)):
        return Symbol(_short(_unparse(written), 40))
    return value


def _membership(item, container) -> bool | None:
    """``name in NAMES`` where both are known; None when the answer is not."""
    if not is_plain(item) or isinstance(item, tuple):
        return None
    if isinstance(container, dict):
        return item in container
    if isinstance(container, str):
        return item in container if isinstance(item, str) else None
    if isinstance(container, (list, tuple)):
        if item in [c for c in container if is_plain(c)]:
            return True
        return False if all(is_plain(c) for c in container) else None
    return None


def _named_unknown_sizes(shape, written: ast.expr):
    """``tf.reshape(x, (-1, frames, features.size))`` with a size that does not fold: a size of the program, so
    a named symbol (Keras' static shape has that number), not None (a size only known when the model runs)."""
    if type(shape) in (tuple, list) and isinstance(written, (ast.Tuple, ast.List)) and len(shape) == len(written.elts) \
            and UNKNOWN in shape:
        return type(shape)(Symbol(_short(_unparse(elt), 40)) if dim is UNKNOWN else dim
                           for dim, elt in zip(shape, written.elts))
    return shape


def _name_unknown_sizes(args: dict, node: ast.Call) -> None:
    """``Input(shape=(maxlen, len(chars)))`` with ``len(chars)`` unknown: that size is a named symbol."""
    written = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "shape"), None)
    shape = args.get("shape")
    if isinstance(written, (ast.Tuple, ast.List)) and isinstance(shape, tuple) and len(shape) == len(written.elts):
        args["shape"] = tuple(Symbol(_short(_unparse(elt), 40)) if dim is UNKNOWN else dim
                              for dim, elt in zip(shape, written.elts))


_OBJECTS = (TensorRef, LayerObject, SequentialModel, FunctionalModel, Instance, FunctionValue, ClassValue, ArrayValue,
            WeightValue, KerasName, NumpyName, Module)
# what `a if condition else b` may choose between as a callable (a layer, a model, a function): see _LayerChoice
_CHOOSABLE_CALLABLES = (LayerObject, Instance, SequentialModel, FunctionalModel, FunctionValue, _LayerChoice)


def _surely_an_object(value: Any) -> bool:
    """A value the front-end knows is some object, never None (a tensor, a layer, a model, a function...)."""
    return isinstance(value, _OBJECTS)


def _symbolic_input(args: dict, rank_hints: dict) -> None:
    """``shape=input_shape`` that could not be folded: a shape of unknown rank with named sizes (of the rank in
    ``rank_hints`` when an earlier walk of the file settled it: see SourceFrontend._walked_again_with_ranks)."""
    for key in ("shape", "batch_shape"):
        value = args.get(key)
        if key == "shape" and isinstance(value, UnknownShape) and value.whole_data:
            args[key] = DataShape(value.text)  # X_train.shape: the sample count taken for an axis of each sample
        elif key == "shape" and isinstance(value, UnknownShape) and not value.of_tensor:
            args[key] = SymbolicShape(value.text)  # X[0].shape: one sample's shape, its rank found later
        elif key == "shape" and isinstance(value, ArrayShape) and value.text and len(value) >= 2:
            args[key] = DataShape(value.text, tuple(value))  # the same, of an array whose sizes are known
        elif key == "shape" and isinstance(value, ArrayShape):
            args[key] = tuple(value)  # np.random.randn(20).shape: one series, whose only axis is each sample's
        elif isinstance(value, Symbol):
            args[key] = SymbolicShape(value.name)
        elif isinstance(value, SymbolicShape) and key == "batch_shape":
            args[key] = SymbolicShape(value.base, value.offset, value.prefix)
    for key in ("shape", "batch_shape"):
        value = args.get(key)
        if isinstance(value, SymbolicShape) and value in rank_hints:
            del args[key]
            args["shape"] = value.dims(rank_hints[value])  # as settle_symbolic_inputs writes it


def _keras_layer_order(model: FunctionalModel, key_of) -> dict:
    """Where each layer (by ``key_of(node index)``) comes in ``model.layers``, as Keras orders them
    (keras/src/ops/function.py ``map_graph``): by depth from the outputs, deepest first (the inputs), and within
    a depth by the order a depth-first walk from the outputs first reaches them."""
    builder = model.builder
    inputs = {t.node for t in model.inputs}
    first_reached: dict = {}
    seen: set[int] = set()
    stack = [t.node for t in reversed(model.outputs)]
    while stack:  # pre-order, each node's inputs in order (_build_map)
        i = stack.pop()
        if i in seen:
            continue
        seen.add(i)
        first_reached.setdefault(key_of(i), len(first_reached))
        if i not in inputs:
            stack.extend(ref[0] for ref in reversed(builder.nodes[i].inputs))
    node_depth: dict[int, int] = {}
    layer_depth: dict = {}
    for i in sorted(seen, reverse=True):  # creation order is topological: consumers before what they consume
        key = key_of(i)
        depth = max(node_depth.get(i, 0), layer_depth.get(key, 0))
        layer_depth[key] = node_depth[i] = depth
        if i not in inputs:
            for ref in builder.nodes[i].inputs:
                node_depth[ref[0]] = max(node_depth.get(ref[0], 0), depth + 1)
    return {key: (-layer_depth[key], first_reached[key]) for key in first_reached}


def _ancestors(builder: FunctionalBuilder, starts: list[int], stop: set[int]) -> set[int]:
    seen: set[int] = set()
    stack = list(starts)
    while stack:
        i = stack.pop()
        if i in seen:
            continue
        seen.add(i)
        if i not in stop:
            stack.extend(ref[0] for ref in builder.nodes[i].inputs)
    return seen


def _definitions(module: Scope) -> list:
    """Functions and classes defined at module level, and methods nothing needs on their own."""
    return [v for v in module.bindings.values() if isinstance(v, (FunctionValue, ClassValue))
            and not is_foreign(v.node)]  # an imported one is followed where this file uses it


def _unwalked_methods(cls: ClassValue, followed: set[int]) -> list:
    """The methods of a plain class the walk never entered (``__init__`` apart; a static one without arguments
    neither).  A plain class's build() and call() are methods like any: a keras_tuner HyperModel's
    build(self, hp) makes the model."""
    return [stmt for stmt in cls.node.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
            and id(stmt) not in followed and stmt.name != "__init__" and stmt.args.args]


def _names_called(values: list) -> set[str]:
    """Names called inside the bodies of ``values`` (``f(...)``, ``self.f(...)``, ``C(...)``)."""
    names: set[str] = set()
    for value in values:
        for node in ast.walk(value.node):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name and name != value.name:
                    names.add(name)
    return names


def _span_of_class(node: ast.ClassDef, text: str | None = None) -> Span:
    """``class Name``: from the keyword to the end of the name, in UTF-8 bytes as every column (the name may
    follow ``class`` after several spaces, and be non-ASCII)."""
    from ..check import _line_of

    end = node.col_offset + len("class ") + len(node.name.encode("utf-8"))
    line = _line_of(text, node.lineno)
    if line is not None:
        head = line.encode("utf-8", "surrogatepass")
        found = head.find(node.name.encode("utf-8"), node.col_offset + len("class"))
        if found >= 0:
            end = found + len(node.name.encode("utf-8"))
    return Span(node.lineno, node.col_offset, node.lineno, end)



def _dedupe(graphs: list[ModelGraph]) -> list[ModelGraph]:
    """A builder called twice with the same arguments makes the same model twice: report it once.  Names numbered
    in a loop (``transformer(name=f"block_{i}")``) count as one name."""
    heads = [(graph.line, re.sub(r"\d+$", "", graph.name), graph.kind) for graph in graphs]
    # only graphs of the same line, name and kind can be the same model: their layers are compared, no other's
    shared = {head for head, count in Counter(heads).items() if count > 1}
    seen: set = set()
    out = []
    for graph, head in zip(graphs, heads):
        if head in shared:
            signature = (head, tuple((n.type, n.span, tuple(n.inputs),
                                      repr(sorted(n.args.items(), key=lambda kv: kv[0]))
                                      if n.type == "InputLayer" else None) for n in graph.nodes))
            if signature in seen:
                continue
            seen.add(signature)
        out.append(graph)
    return out


@functools.lru_cache(maxsize=8192)  # pure, and asked for every `layers.X` a file spells
def _star_names(module: str) -> list[str]:
    """The names ``from <module> import *`` brings that the front-end knows: for ``keras.layers`` (and its
    ``tensorflow.keras`` spellings) every layer class with a rule, Keras 2's spellings of them, ``Input`` and the
    functional merges; for ``keras.models``, the model classes and ``load_model``."""
    parts = _normal_qualname(module + ".").rstrip(".").split(".")
    if "keras" not in parts:
        return []
    if parts[-1] == "layers":
        return [*(t for t in RULES if t.isidentifier() and t[:1].isupper() and t != "InputLayer"), *ALIASES,
                "InputLayer", "Input", *_FUNCTIONAL_MERGES]
    if parts[-1] == "models":
        return ["Model", "Sequential", "load_model", "clone_model"]
    return []


@functools.lru_cache(maxsize=8192)  # pure (its values are frozen), and asked for every `layers.X` a file spells
def _classify_qualname(qual: str):
    parts = _normal_qualname(qual + ".").rstrip(".").split(".")  # keras_core.Sequential is keras.Sequential
    qual = ".".join(parts)
    if parts[0] in ("numpy", "np"):
        return NumpyName(qual) if len(parts) > 1 else Module(qual)
    if parts[0] in ("keras_hub", "keras_nlp") and parts[-1] in KERAS_HUB_LAYERS:
        return KerasName("keras_hub.layers." + parts[-1])
    if parts[0] == "tensorflow_addons" and parts[-1] in ("InstanceNormalization", "WeightNormalization"):
        return KerasName(f"tensorflow_addons.layers.{parts[-1]}")
    if "keras" in parts:
        leaf = parts[-1]
        if leaf.lstrip("_")[:1].isupper() or leaf in _FUNCTIONAL_MERGES or leaf in EXPAND | SQUEEZE \
                or parts[-2:-1] in (["ops"], ["backend"]) or leaf in ELEMENTWISE_OPS \
                or (leaf == "merge" and parts[-2:-1] == ["layers"]):  # Keras 1's keras.layers.merge
            return KerasName(qual)
        return Module(qual)
    if parts[0] == "tensorflow" and len(parts) == 2 and parts[1] in EXPAND | SQUEEZE | ELEMENTWISE_OPS:
        return KerasName("tensorflow.ops." + parts[1])
    return Module(qual)


def _default_name(scope: Scope) -> str:
    """A model that is never bound to a name (``return keras.Model(...)``) is named after its function."""
    return "model" if scope.name == "<module>" else scope.name


def _nested_model(model: FunctionalModel):
    from ..rules.nested import NESTED_MODEL, NestedLayer

    (given,), (made,) = model.inputs, model.outputs
    if not isinstance(given, TensorRef) or not isinstance(made, TensorRef):
        return UNKNOWN
    declared, output = given.builder.shape_of(given), made.builder.shape_of(made)
    if declared is None or output is None:
        return UNKNOWN
    return NestedLayer(NESTED_MODEL, {"input_shape": tuple(declared), "output_shape": tuple(output)},
                       model.name or "model")


def _nested(layer: LayerObject):
    from ..rules.nested import NestedLayer

    return NestedLayer(layer.type, layer.args, layer.written_type)


def _flatten_items(items: list) -> list:
    """A Sequential inside a Sequential's layer list contributes its layers (not its own Input)."""
    out = []
    for item in items:
        if isinstance(item, SequentialModel):
            item.used_inside = True
            inner = [i for i in _flatten_items(item.items)
                     if not isinstance(i, TensorRef) and not (isinstance(i, LayerObject) and i.type == "InputLayer")]
            if not out and item.items:
                first = item.items[0]
                if isinstance(first, TensorRef) or (isinstance(first, LayerObject) and first.type == "InputLayer"):
                    out.append(first)  # the nested model's Input is the outer model's input
            out.extend(inner)
        else:
            out.append(item)
    return out


def _inputs_of_one_sample(graph: ModelGraph, fed_shapes: list) -> None:
    """``Input(shape=x.shape)`` of an array ``x`` is taken for a data set's whole shape (``DataShape``: its first
    axis the number of samples), unless the model is given arrays of one more axis than ``x`` with ``x``'s sizes
    after it (``model.predict(x[np.newaxis])``): then ``x`` is one sample, and its shape is the Input's."""
    for node in graph.nodes:
        shape = node.args.get("shape") if node.type == "InputLayer" else None
        if isinstance(shape, DataShape) and shape.sizes is not None \
                and any(len(fed) == len(shape.sizes) + 1 and tuple(fed[1:]) == shape.sizes for fed in fed_shapes):
            node.args = {**node.args, "shape": shape.sizes}  # a new dict: the walk's inference is not replayed


def _output_count(layer: LayerObject) -> int | None:
    """How many tensors calling ``layer`` gives; None when only its rule can tell (``RNN([cells],
    return_state=True)``: the output, then each cell's states)."""
    args = layer.args
    if layer.type in _ATTENTION_LAYERS and args.get("return_attention_scores") is True:
        return 2  # [output, scores]
    if args.get("return_state") is True and layer.type in ("LSTM", "GRU", "SimpleRNN"):
        return 3 if layer.type == "LSTM" else 2
    if args.get("return_state") is True and layer.type in ("RNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"):
        return None
    if layer.type == "Bidirectional":  # [y] or [y, y_rev] (merge_mode=None), then both directions' states
        return bidirectional_output_count(args)
    return 1


def _as_tensor_list(value, depth: int = 0) -> list[TensorRef]:
    """The tensors of a model's inputs or outputs: one, a list, a dict, or nested lists of them."""
    if isinstance(value, TensorRef):
        return [value]
    if isinstance(value, dict):  # keras.tree.flatten orders a dict by its sorted keys
        items = [value[k] for k in sorted(value, key=str)]
    else:
        items = value if isinstance(value, (list, tuple)) else None
    if not items or depth > 3:
        return []
    out: list[TensorRef] = []
    for item in items:
        inner = _as_tensor_list(item, depth + 1)
        if not inner:
            return []
        out.extend(inner)
    return out


def _layer_of_input_ref(ref: TensorRef) -> LayerObject | None:
    """``Sequential([keras.Input(shape=...), ...])``: the Input's node becomes the first layer."""
    node = ref.builder.nodes[ref.node]
    if node.type != "InputLayer":
        return None
    ref.builder.used.add(ref.node)
    layer = LayerObject("InputLayer", node.written_type, node.args, node.span, node.layer_key or "input",
                        written_factors=dict(node.written_factors))
    layer.name = node.name
    return layer


@dataclass
class SourceModels:
    graphs: list[ModelGraph]
    skipped_models: list[SkippedModel]  # constructions that could not be built at all
    dependencies: dict[str, str] = field(default_factory=dict)  # project modules read: path -> SHA-256
    # Keras 2 modules imported: see SourceFrontend._note_removed_module
    removed_imports: dict[int, tuple[int, int, str]] = field(default_factory=dict)


def analyse_source(text: str, path: str = "<string>") -> SourceModels:
    """Raises SyntaxError for unparsable text; everything else degrades to unknown shapes."""
    frontend = SourceFrontend(text, path)
    graphs = frontend.models()
    return SourceModels(graphs, frontend.skipped_models, frontend.dependencies, frontend.removed_imports)


def _forget_file_memos() -> None:
    """Once a file is walked: its nodes' memos (unparsed text, spans, signatures, written factors, input
    structures) would only keep its syntax tree alive."""
    _UNPARSED.clear()
    _SPANS.clear()
    _SIGNATURES.clear()
    _READS.clear()
    _LINES.clear()
    _FACTORS.clear()
    _STRUCTURES.clear()


def graphs_from_source(text: str, path: str = "<string>") -> list[ModelGraph]:
    return analyse_source(text, path).graphs
