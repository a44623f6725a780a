"""Python source -> model graphs, with stdlib ``ast`` only. User code is never executed.

One walk over the statements of each scope (module, then each function body with its
default arguments bound), handlers per node type as in pyflakes.  Values bound to names
are folded constants, numpy array shapes, layer objects, tensors of the scope's
functional graph, or models under construction (see ``values.py``).  Anything that
cannot be folded becomes a symbol or ``UNKNOWN``: never a guess.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, field
from typing import Any

from ..graph import UNKNOWN, AutoNamer, Gap, LayerNode, ModelGraph, SkippedModel, Span, input_args_from_layer_kwargs
from ..rules import RULES, canonical_type, map_arguments
from ..rules.core import LambdaBody
from ..shapes import Symbol
from .folding import (EXPAND, ELEMENTWISE_OPS, SQUEEZE, binop, index_array, is_plain, lambda_body,
                      merge_uncertain, reshape_array, subscript_body, unpack)
from .values import (ArrayValue, FunctionalModel, FunctionValue, KerasName, LayerObject, Module, NumpyName,
                     Opaque, SequentialModel, TensorRef)

MAX_UNROLL = 64
# Layers that keep any input's shape and accept any rank: skipping them cannot change a verdict.
SHAPE_NEUTRAL = {"Dropout", "Activation", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ReLU", "LeakyReLU",
                 "ELU", "ActivityRegularization", "Identity"}

_MODEL_CLASSES = {"Sequential": "sequential", "Model": "functional", "Functional": "functional"}
_INPUT_FUNCTIONS = {"Input"}
# keras.layers.concatenate(...) and friends: functional forms of the merge layers.
_FUNCTIONAL_MERGES = {"add": "Add", "subtract": "Subtract", "multiply": "Multiply", "average": "Average",
                      "maximum": "Maximum", "minimum": "Minimum", "concatenate": "Concatenate", "dot": "Dot"}
_NUMPY_CREATORS = {"zeros", "ones", "empty", "full", "rand", "randn", "random", "random_sample", "normal",
                   "uniform", "randint", "standard_normal", "zeros_like", "ones_like"}


def span_of(node: ast.AST) -> Span:
    return Span(node.lineno, node.col_offset, node.end_lineno or node.lineno, node.end_col_offset or 0)


class FunctionalBuilder:
    """The functional graph of one scope: every layer call on a tensor becomes a node."""

    def __init__(self) -> None:
        self.nodes: list[LayerNode] = []
        self.used: set[int] = set()

    def add(self, type_: str, args: dict, inputs: list[TensorRef], span: Span | None, name: str,
            written_type: str, list_input: bool, key: str | None) -> LayerNode:
        node = LayerNode(index=len(self.nodes), type=type_, args=args,
                         inputs=[(ref.node, ref.output) for ref in inputs], span=span, name=name,
                         written_type=written_type, list_input=list_input, layer_key=key)
        self.nodes.append(node)
        return node

    def subgraph(self, name: str, line: int, outputs: list[TensorRef]) -> ModelGraph:
        """The nodes the outputs depend on, renumbered, as a functional ModelGraph."""
        needed: set[int] = set()
        stack = [ref.node for ref in outputs]
        while stack:
            i = stack.pop()
            if i in needed:
                continue
            needed.add(i)
            stack.extend(ref[0] for ref in self.nodes[i].inputs)
        self.used |= needed
        order = sorted(needed)
        renumber = {old: new for new, old in enumerate(order)}
        graph = ModelGraph(name=name, kind="functional", line=line)
        for old in order:
            n = self.nodes[old]
            graph.nodes.append(LayerNode(index=renumber[old], type=n.type, args=n.args,
                                         inputs=[(renumber[r[0]], r[1]) for r in n.inputs], span=n.span,
                                         name=n.name, written_type=n.written_type, list_input=n.list_input,
                                         layer_key=n.layer_key, call_span=n.call_span))
        graph.outputs = [(renumber[ref.node], ref.output) for ref in outputs]
        return graph


@dataclass
class Scope:
    name: str
    bindings: dict = field(default_factory=dict)
    builder: FunctionalBuilder = field(default_factory=FunctionalBuilder)
    models: list = field(default_factory=list)  # Sequential/Functional/SubclassedModel, in creation order
    returned: list = field(default_factory=list)  # values of `return` statements
    parent: "Scope | None" = None

    def lookup(self, name: str):
        scope: Scope | None = self
        while scope is not None:
            if name in scope.bindings:
                return scope.bindings[name]
            scope = scope.parent
        return UNKNOWN


class SourceFrontend:
    def __init__(self, text: str, path: str = "<string>") -> None:
        self.text = text
        self.path = path
        self.namer = AutoNamer()
        self._keys = itertools.count()
        self.graphs: list[ModelGraph] = []
        self.skipped_models: list[SkippedModel] = []

    # ------------------------------------------------------------------ entry
    def models(self) -> list[ModelGraph]:
        tree = ast.parse(self.text, filename=self.path)
        module = Scope("<module>")
        self._walk_body(tree.body, module)
        self._finish_scope(module)
        for name, value in list(module.bindings.items()):
            if isinstance(value, FunctionValue):
                self._walk_function(value, module)
        return self.graphs

    def _walk_function(self, fn: FunctionValue, parent: Scope) -> None:
        scope = Scope(fn.name, parent=parent)
        self._bind_parameters(fn.node, scope)
        self._walk_body(fn.node.body, scope)
        self._finish_scope(scope)

    # -------------------------------------------------------------- statements
    def _walk_body(self, body: list[ast.stmt], scope: Scope) -> None:
        for stmt in body:
            handler = getattr(self, "_stmt_" + type(stmt).__name__, None)
            if handler is not None:
                handler(stmt, scope)
            else:
                self._unknown_statement(stmt, scope)

    def _unknown_statement(self, stmt: ast.stmt, scope: Scope) -> None:
        """Statements we do not model: evaluate calls inside for their model effects, conservatively."""
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.expr):
                self._fold(child, scope)

    def _stmt_Import(self, stmt: ast.Import, scope: Scope) -> None:
        for alias in stmt.names:
            if alias.asname:
                scope.bindings[alias.asname] = Module(alias.name)
            else:
                top = alias.name.split(".")[0]
                scope.bindings[top] = Module(top)

    def _stmt_ImportFrom(self, stmt: ast.ImportFrom, scope: Scope) -> None:
        if not stmt.module or stmt.level:
            return
        for alias in stmt.names:
            qual = f"{stmt.module}.{alias.name}"
            scope.bindings[alias.asname or alias.name] = _classify_qualname(qual)

    def _stmt_FunctionDef(self, stmt, scope: Scope) -> None:
        scope.bindings[stmt.name] = FunctionValue(stmt.name, stmt)

    _stmt_AsyncFunctionDef = _stmt_FunctionDef

    def _stmt_ClassDef(self, stmt: ast.ClassDef, scope: Scope) -> None:
        bases = [self._fold(b, scope) for b in stmt.bases]
        if any(isinstance(b, KerasName) and b.leaf == "Model" for b in bases):
            scope.bindings[stmt.name] = ModelClass(stmt.name, stmt)
        else:
            scope.bindings[stmt.name] = UNKNOWN

    def _stmt_Expr(self, stmt: ast.Expr, scope: Scope) -> None:
        self._fold(stmt.value, scope)

    def _stmt_Return(self, stmt: ast.Return, scope: Scope) -> None:
        if stmt.value is not None:
            scope.returned.append(self._fold(stmt.value, scope))

    def _stmt_Assign(self, stmt: ast.Assign, scope: Scope) -> None:
        value = self._fold(stmt.value, scope)
        for target in stmt.targets:
            self._bind(target, value, scope, stmt.value)

    def _stmt_AnnAssign(self, stmt: ast.AnnAssign, scope: Scope) -> None:
        if stmt.value is not None:
            self._bind(stmt.target, self._fold(stmt.value, scope), scope, stmt.value)

    def _stmt_AugAssign(self, stmt: ast.AugAssign, scope: Scope) -> None:
        if isinstance(stmt.target, ast.Name):
            current = scope.lookup(stmt.target.id)
            value = binop(stmt.op, current, self._fold(stmt.value, scope))
            scope.bindings[stmt.target.id] = value if value is not UNKNOWN else Symbol(stmt.target.id)

    def _bind(self, target: ast.expr, value: Any, scope: Scope, source: ast.expr | None = None) -> None:
        if isinstance(target, ast.Name):
            if value is UNKNOWN and source is not None and not isinstance(source, (ast.Call, ast.Lambda)):
                value = Symbol(target.id)
            if isinstance(value, SequentialModel) and value.user_name is None:
                value.name = target.id
            if isinstance(value, (FunctionalModel, SubclassedModel)):
                value.name = target.id
            scope.bindings[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = unpack(value, len(target.elts))
            sources = source.elts if isinstance(source, (ast.Tuple, ast.List)) and \
                len(source.elts) == len(target.elts) else [None] * len(target.elts)
            for elt, item, item_source in zip(target.elts, items, sources):
                self._bind(elt, item, scope, item_source)
        elif isinstance(target, ast.Attribute) and isinstance(self._fold(target.value, scope), SelfObject):
            self._fold(target.value, scope).attributes[target.attr] = value
        # other attribute/subscript targets: nothing we track

    def _stmt_If(self, stmt: ast.If, scope: Scope) -> None:
        test = self._fold(stmt.test, scope)
        if is_plain(test):
            self._walk_body(stmt.body if test else stmt.orelse, scope)
            return
        self._walk_uncertain([stmt.body, stmt.orelse], scope, "inside an `if` whose condition is only known at "
                                                               "run time", stmt)

    def _walk_uncertain(self, bodies: list[list[ast.stmt]], scope: Scope, why: str, stmt: ast.stmt) -> None:
        """Walk branches that may or may not run; models they change become opaque from there on."""
        snapshots = {id(m): len(m.items) for m in scope.models if isinstance(m, SequentialModel)}
        before = dict(scope.bindings)
        first_new_node = len(scope.builder.nodes)
        for body in bodies:
            self._walk_body(body, scope)
        # Layer calls in a body that may run zero or many times are not checked on their own.
        scope.builder.used.update(range(first_new_node, len(scope.builder.nodes)))
        for model in scope.models:
            start = snapshots.get(id(model), 0)
            if isinstance(model, SequentialModel) and len(model.items) != start:
                added = model.items[start:]
                del model.items[start:]
                # Layers that never change a shape nor fail (Dropout...) give the same shapes either way.
                if not all(isinstance(item, LayerObject) and item.type in SHAPE_NEUTRAL for item in added):
                    model.items.append(Opaque(f"layers added {why}", span_of(stmt)))
        for name, value in scope.bindings.items():
            if before.get(name, None) is not value and name in before:
                old = before[name]
                if isinstance(old, TensorRef) and isinstance(value, TensorRef) and old.builder is value.builder:
                    # The tensor may or may not have gone through the body: same graph, unknown shape.
                    scope.bindings[name] = self._op_node(scope, "<opaque>", {}, [old], stmt, f"layers applied {why}")
                else:
                    scope.bindings[name] = merge_uncertain(old, value, name)

    def _stmt_For(self, stmt: ast.For, scope: Scope) -> None:
        iterable = self._fold(stmt.iter, scope)
        if isinstance(iterable, (tuple, list)) and len(iterable) <= MAX_UNROLL and not stmt.orelse:
            for item in iterable:
                self._bind(stmt.target, item, scope)
                self._walk_body(stmt.body, scope)
            return
        self._walk_uncertain([stmt.body, stmt.orelse], scope, "in a loop shapedoctor cannot unroll", stmt)

    def _stmt_While(self, stmt: ast.While, scope: Scope) -> None:
        self._walk_uncertain([stmt.body, stmt.orelse], scope, "in a `while` loop", stmt)

    def _stmt_With(self, stmt: ast.With, scope: Scope) -> None:
        for item in stmt.items:
            self._fold(item.context_expr, scope)
        self._walk_body(stmt.body, scope)

    def _stmt_Try(self, stmt: ast.Try, scope: Scope) -> None:
        self._walk_body(stmt.body, scope)
        self._walk_body(stmt.finalbody, scope)

    # ------------------------------------------------------------ expressions
    def _fold(self, node: ast.expr, scope: Scope) -> Any:
        handler = getattr(self, "_expr_" + type(node).__name__, None)
        if handler is None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self._fold(child, scope)
            return UNKNOWN
        return handler(node, scope)

    def _expr_Constant(self, node: ast.Constant, scope: Scope):
        return node.value

    def _expr_Name(self, node: ast.Name, scope: Scope):
        value = scope.lookup(node.id)
        if value is UNKNOWN and node.id in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[node.id]
        return value

    def _expr_Tuple(self, node: ast.Tuple, scope: Scope):
        return tuple(self._fold_elts(node.elts, scope))

    def _expr_List(self, node: ast.List, scope: Scope):
        return list(self._fold_elts(node.elts, scope))

    def _fold_elts(self, elts, scope):
        out = []
        for elt in elts:
            if isinstance(elt, ast.Starred):
                inner = self._fold(elt.value, scope)
                if isinstance(inner, (tuple, list)):
                    out.extend(inner)
                else:
                    out.append(Opaque("a starred list shapedoctor cannot expand", span_of(elt)))
            else:
                out.append(self._fold(elt, scope))
        return out

    def _expr_Dict(self, node: ast.Dict, scope: Scope):
        out = {}
        for k, v in zip(node.keys, node.values):
            key = self._fold(k, scope) if k is not None else UNKNOWN
            val = self._fold(v, scope)
            if isinstance(key, str):
                out[key] = val
        return out

    def _expr_BinOp(self, node: ast.BinOp, scope: Scope):
        return binop(node.op, self._fold(node.left, scope), self._fold(node.right, scope))

    def _expr_UnaryOp(self, node: ast.UnaryOp, scope: Scope):
        value = self._fold(node.operand, scope)
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
        values = [self._fold(v, scope) for v in node.values]
        if not all(is_plain(v) for v in values):
            return UNKNOWN
        if isinstance(node.op, ast.And):
            return all(values)
        return any(values)

    def _expr_IfExp(self, node: ast.IfExp, scope: Scope):
        test = self._fold(node.test, scope)
        if is_plain(test):
            return self._fold(node.body if test else node.orelse, scope)
        return UNKNOWN

    def _expr_Attribute(self, node: ast.Attribute, scope: Scope):
        base = self._fold(node.value, scope)
        if isinstance(base, Module):
            return _classify_qualname(f"{base.qualname}.{node.attr}")
        if isinstance(base, NumpyName):
            return NumpyName(f"{base.qualname}.{node.attr}")
        if isinstance(base, KerasName):
            return _classify_qualname(f"{base.qualname}.{node.attr}")
        if isinstance(base, ArrayValue) and node.attr == "shape":
            return base.shape
        if isinstance(base, ArrayValue) and node.attr == "ndim":
            return len(base.shape)
        if isinstance(base, ArrayValue) and node.attr == "T":
            return ArrayValue(tuple(reversed(base.shape)))
        if isinstance(base, SelfObject):
            return base.attributes.get(node.attr, UNKNOWN)
        if isinstance(base, (SequentialModel, FunctionalModel, ArrayValue, SubclassedModel)):
            return _BoundMethod(base, node.attr)
        if node.attr == "shape" and (base is UNKNOWN or isinstance(base, Symbol)):
            return UnknownShape(ast.unparse(node))
        return UNKNOWN

    def _expr_Subscript(self, node: ast.Subscript, scope: Scope):
        base = self._fold(node.value, scope)
        if isinstance(base, ArrayValue):
            return index_array(base, node.slice, self, scope)
        if isinstance(base, UnknownShape):
            # x_train.shape[1] of data we cannot fold: a named size, never a guess.
            index = self._fold(node.slice, scope) if not isinstance(node.slice, ast.Slice) else None
            return Symbol(ast.unparse(node)) if isinstance(index, int) and not isinstance(index, bool) else UNKNOWN
        if isinstance(base, TensorRef):
            body = subscript_body(node.slice)
            return self._op_node(scope, "Lambda", {"function": body if body else UNKNOWN}, [base], node,
                                 "subscript")
        index = self._fold(node.slice, scope) if not isinstance(node.slice, ast.Slice) else None
        if isinstance(node.slice, ast.Slice) and isinstance(base, (tuple, list)):
            parts = [self._fold(p, scope) if p is not None else None
                     for p in (node.slice.lower, node.slice.upper, node.slice.step)]
            if all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts):
                return type(base)(base[slice(*parts)])
            return UNKNOWN
        if isinstance(base, (tuple, list)) and isinstance(index, int) and not isinstance(index, bool):
            try:
                return base[index]
            except IndexError:
                return UNKNOWN
        if isinstance(base, dict) and isinstance(index, str):
            return base.get(index, UNKNOWN)
        return UNKNOWN

    def _expr_Lambda(self, node: ast.Lambda, scope: Scope):
        return lambda_body(node)

    def _expr_Call(self, node: ast.Call, scope: Scope):
        func = self._fold(node.func, scope)
        if isinstance(func, KerasName):
            return self._keras_call(func, node, scope)
        if isinstance(func, LayerObject):
            return self._call_layer(func, node, scope)
        if isinstance(func, (SequentialModel, FunctionalModel)):
            args = [self._fold(a, scope) for a in node.args]
            if args and isinstance(args[0], TensorRef):
                if isinstance(func, SequentialModel):
                    return self._inline_sequential(func, args[0], node, scope)
                return self._op_node(scope, "Model", {}, [args[0]], node, "nested model")
            return UNKNOWN
        if isinstance(func, _BoundMethod):
            return self._method_call(func, node, scope)
        if isinstance(func, NumpyName):
            return self._numpy_call(func, node, scope)
        if isinstance(func, ModelClass):
            model = SubclassedModel(func, node, scope, [self._fold(a, scope) for a in node.args],
                                    {kw.arg: self._fold(kw.value, scope) for kw in node.keywords if kw.arg})
            scope.models.append(model)
            return model
        if isinstance(func, SubclassedModel):
            value = self._fold(node.args[0], scope) if node.args else UNKNOWN
            if isinstance(value, ArrayValue):
                func.build_shape = (None, *value.shape[1:])
            return UNKNOWN
        if isinstance(func, FunctionValue):
            for arg in node.args:
                self._fold(arg, scope)
            return UNKNOWN
        if isinstance(node.func, ast.Name) and func is UNKNOWN:
            return self._builtin_call(node.func.id, node, scope)
        for arg in node.args:
            self._fold(arg, scope)
        for kw in node.keywords:
            self._fold(kw.value, scope)
        return UNKNOWN

    def _builtin_call(self, name: str, node: ast.Call, scope: Scope):
        args = [self._fold(a, scope) for a in node.args]
        if name == "len" and len(args) == 1 and isinstance(args[0], (tuple, list, str)):
            return len(args[0])
        if name == "len" and len(args) == 1 and isinstance(args[0], ArrayValue) and args[0].shape:
            return args[0].shape[0]
        if name in ("int", "round") and len(args) == 1 and isinstance(args[0], (int, float)):
            return int(args[0]) if name == "int" else round(args[0])
        if name in ("tuple", "list") and len(args) == 1 and isinstance(args[0], (tuple, list)):
            return tuple(args[0]) if name == "tuple" else list(args[0])
        if name in ("max", "min") and args and all(isinstance(a, (int, float)) and not isinstance(a, bool)
                                                    for a in args):
            return max(args) if name == "max" else min(args)
        if name == "range" and 1 <= len(args) <= 3 and all(isinstance(a, int) for a in args):
            r = range(*args)
            return list(r) if len(r) <= MAX_UNROLL else UNKNOWN
        return UNKNOWN

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
        if leaf == "arange" and len(args) == 1 and isinstance(args[0], int):
            return ArrayValue((args[0],))
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
        return UNKNOWN

    # ---------------------------------------------------------- keras calls
    def _keras_call(self, func: KerasName, node: ast.Call, scope: Scope):
        leaf = func.leaf
        if leaf in _MODEL_CLASSES:
            return self._model_constructor(leaf, node, scope)
        if leaf in _INPUT_FUNCTIONS:
            layer = self._layer_object("InputLayer", leaf, node, scope)
            return self._apply_layer(layer, [], node, scope, False)
        if leaf in _FUNCTIONAL_MERGES:
            tensors = self._fold(node.args[0], scope) if node.args else UNKNOWN
            layer = self._layer_object(_FUNCTIONAL_MERGES[leaf], leaf, node, scope, skip_first=True)
            if isinstance(tensors, (list, tuple)) and all(isinstance(t, TensorRef) for t in tensors):
                return self._apply_layer(layer, list(tensors), node, scope, True)
            return UNKNOWN
        if leaf in EXPAND | SQUEEZE or func.qualname.split(".")[-2:-1] in (["ops"], ["backend"]):
            return self._tensor_function(leaf, node, scope)
        return self._layer_object(canonical_type(leaf), leaf, node, scope)

    def _tensor_function(self, leaf: str, node: ast.Call, scope: Scope):
        args = [self._fold(a, scope) for a in node.args]
        kwargs = {kw.arg: self._fold(kw.value, scope) for kw in node.keywords if kw.arg}
        if not args or not isinstance(args[0], TensorRef):
            return UNKNOWN
        axis = args[1] if len(args) > 1 else kwargs.get("axis", UNKNOWN)
        body = UNKNOWN
        if leaf in EXPAND | SQUEEZE and isinstance(axis, int) and not isinstance(axis, bool):
            body = LambdaBody("expand_dims" if leaf in EXPAND else "squeeze", axis)
        elif leaf in ELEMENTWISE_OPS:
            body = LambdaBody("identity")
        return self._op_node(scope, "Lambda", {"function": body}, [args[0]], node, leaf)

    def _inline_sequential(self, model: SequentialModel, tensor: TensorRef, node: ast.Call, scope: Scope):
        """``inner(x)`` with ``inner`` a Sequential: its layers applied in turn (its Input is dropped)."""
        model.used_inside = True
        for item in _flatten_items(model.items):
            if isinstance(item, TensorRef):
                continue  # the inner model's own Input
            if not isinstance(item, LayerObject):
                return self._op_node(scope, "<opaque>", {}, [tensor], node, "a nested model shapedoctor cannot read")
            if item.type == "InputLayer":
                continue
            tensor = self._apply_layer(item, [tensor], node, scope, False)
            if not isinstance(tensor, TensorRef):
                return UNKNOWN
        return tensor

    def _op_node(self, scope: Scope, type_: str, args: dict, inputs: list[TensorRef], node: ast.AST,
                 written: str):
        layer = LayerObject(type_, written, args, span_of(node), f"op{next(self._keys)}")
        return self._apply_layer(layer, inputs, node, scope, False)

    def _layer_object(self, type_: str, written: str, node: ast.Call, scope: Scope,
                      skip_first: bool = False) -> LayerObject:
        positional = [self._fold(a, scope) for a in node.args[1 if skip_first else 0:]]
        keywords: dict[str, Any] = {}
        for kw in node.keywords:
            value = self._fold(kw.value, scope)
            if kw.arg is None:
                if isinstance(value, dict):
                    keywords.update(value)
                continue
            keywords[kw.arg] = value
        if any(isinstance(p, Opaque) for p in positional):
            positional = [UNKNOWN if isinstance(p, Opaque) else p for p in positional]
        args = map_arguments(type_, positional, keywords)
        if type_ == "InputLayer" and "input_shape" in args and "shape" not in args:
            args["shape"] = args.pop("input_shape")
        for key, value in list(args.items()):
            if isinstance(value, LayerObject):
                args[key] = _nested(value)
        return LayerObject(type_, written, args, span_of(node), f"layer{next(self._keys)}")

    def _call_layer(self, layer: LayerObject, node: ast.Call, scope: Scope):
        if not node.args:
            return UNKNOWN
        value = self._fold(node.args[0], scope)
        if isinstance(value, TensorRef):
            return self._apply_layer(layer, [value], node, scope, False)
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, TensorRef) for v in value):
            return self._apply_layer(layer, list(value), node, scope, True)
        return UNKNOWN

    def _apply_layer(self, layer: LayerObject, inputs: list[TensorRef], call_node: ast.AST, scope: Scope,
                     list_input: bool):
        builders = {id(ref.builder): ref.builder for ref in inputs}
        builder = next(iter(builders.values())) if len(builders) == 1 else scope.builder
        if len(builders) > 1:
            return UNKNOWN
        args = dict(layer.args)
        if layer.type != "InputLayer":
            input_args_from_layer_kwargs(args, layer.type)  # ignored when called on a tensor, as Keras does
        user_name = args.get("name") if isinstance(args.get("name"), str) else None
        if layer.type == "<opaque>":
            name = "<unknown>"
        else:
            name = user_name or self.namer(layer.type if layer.type in RULES else layer.written_type)
        layer_node = builder.add(layer.type, args, inputs, layer.span, name, layer.written_type, list_input,
                                 layer.key)
        layer_node.call_span = span_of(call_node)
        count = _output_count(layer)
        if count == 1:
            return TensorRef(builder, layer_node.index, 0)
        return tuple(TensorRef(builder, layer_node.index, i) for i in range(count))

    def _model_constructor(self, leaf: str, node: ast.Call, scope: Scope):
        kwargs = {kw.arg: kw.value for kw in node.keywords if kw.arg}
        name_value = self._fold(kwargs["name"], scope) if "name" in kwargs else None
        if _MODEL_CLASSES[leaf] == "sequential":
            model = SequentialModel(name=name_value if isinstance(name_value, str) else _default_name(scope),
                                    line=node.lineno, span=span_of(node),
                                    user_name=name_value if isinstance(name_value, str) else None)
            layers_expr = node.args[0] if node.args else kwargs.get("layers")
            if layers_expr is not None:
                items = self._fold(layers_expr, scope)
                if isinstance(items, (list, tuple)):
                    model.items.extend(items)
                else:
                    model.items.append(Opaque("a layer list shapedoctor cannot read", span_of(layers_expr)))
            scope.models.append(model)
            return model
        inputs_expr = node.args[0] if node.args else kwargs.get("inputs")
        outputs_expr = node.args[1] if len(node.args) > 1 else kwargs.get("outputs")
        if inputs_expr is None or outputs_expr is None:
            return UNKNOWN
        inputs = _as_tensor_list(self._fold(inputs_expr, scope))
        outputs = _as_tensor_list(self._fold(outputs_expr, scope))
        if not outputs or not inputs:
            return UNKNOWN
        builders = {id(t.builder) for t in outputs + inputs}
        if len(builders) != 1:
            return UNKNOWN
        model = FunctionalModel(name=name_value if isinstance(name_value, str) else _default_name(scope),
                                line=node.lineno,
                                builder=outputs[0].builder, inputs=inputs, outputs=outputs)
        scope.models.append(model)
        return model

    def _method_call(self, method: "_BoundMethod", node: ast.Call, scope: Scope):
        target, attr = method.target, method.attr
        args = [self._fold(a, scope) for a in node.args]
        kwargs = {kw.arg: self._fold(kw.value, scope) for kw in node.keywords if kw.arg}
        if isinstance(target, ArrayValue):
            if attr == "reshape" and args:
                return reshape_array(target, args[0] if len(args) == 1 else tuple(args))
            if attr in ("astype", "copy"):
                return target
            return UNKNOWN
        if attr == "add" and isinstance(target, SequentialModel) and args:
            # model.add(keras.Input(...)) adds the Input's tensor (_sequential_graph reads it back).
            target.items.append(args[0] if isinstance(args[0], (LayerObject, Opaque, TensorRef, SequentialModel))
                                else Opaque("a layer shapedoctor cannot read", span_of(node)))
        elif attr == "build" and isinstance(target, SubclassedModel):
            shape = args[0] if args else kwargs.get("input_shape")
            if isinstance(shape, (tuple, list)):
                target.build_shape = tuple(shape)
        elif attr == "build" and isinstance(target, SequentialModel):
            shape = args[0] if args else kwargs.get("input_shape")
            if isinstance(shape, (tuple, list)):
                target.build_shape = tuple(shape)
        elif attr == "compile":
            target.loss = kwargs.get("loss", args[1] if len(args) > 1 else None)
        elif attr in ("fit", "train_on_batch", "evaluate"):
            x = args[0] if args else kwargs.get("x")
            y = args[1] if len(args) > 1 else kwargs.get("y")
            if isinstance(y, ArrayValue):
                target.target_shape = (None, *y.shape[1:])
            if isinstance(target, SequentialModel) and isinstance(x, ArrayValue):
                target.input_array_shape = (None, *x.shape[1:])
            if isinstance(target, SubclassedModel) and isinstance(x, ArrayValue) and target.build_shape is None:
                target.build_shape = (None, *x.shape[1:])
        elif attr == "pop" and isinstance(target, SequentialModel) and target.items:
            target.items.pop()
        return UNKNOWN

    # --------------------------------------------------------------- models out
    def _finish_scope(self, scope: Scope) -> None:
        for model in scope.models:
            if isinstance(model, SequentialModel):
                graph = self._sequential_graph(model, scope)
                if not (graph.unbuildable_reason and model.used_inside):  # checked where it is used
                    self.graphs.append(graph)
            elif isinstance(model, SubclassedModel):
                graph = self._subclassed_graph(model)
                if graph is not None:
                    self.graphs.append(graph)
            else:
                graph = model.builder.subgraph(model.name, model.line, model.outputs)
                graph.loss = model.loss
                graph.target_shape = model.target_shape
                self.graphs.append(graph)
        builder = scope.builder
        leftover = [n for n in builder.nodes if n.index not in builder.used]
        if leftover:
            sinks = [n for n in leftover if not any(n.index == r[0] for m in leftover for r in m.inputs)]
            refs = [TensorRef(builder, n.index, 0) for n in sinks]
            graph = builder.subgraph(f"{scope.name} (layers called outside a Model)", leftover[0].span.line
                                     if leftover[0].span else 1, refs)
            self.graphs.append(graph)

    def _sequential_graph(self, model: SequentialModel, scope: Scope) -> ModelGraph:
        graph = ModelGraph(name=model.name, kind="sequential", line=model.line, loss=model.loss,
                           target_shape=model.target_shape)
        items = _flatten_items(model.items)
        previous = None
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
                input_args = input_args_from_layer_kwargs(args, item.type)
                shape = model.build_shape
                if input_args is None and shape is not None:
                    input_args = {"batch_shape": shape}
                if input_args is not None:
                    node = graph.add("InputLayer", input_args, [], span=item.span, name=self.namer("InputLayer"),
                                     written_type="Input")
                    previous = (node.index, 0)
                elif model.input_array_shape is not None:
                    node = graph.add("InputLayer", {"batch_shape": model.input_array_shape}, [], span=item.span,
                                     name=self.namer("InputLayer"), written_type="Input")
                    previous = (node.index, 0)
                else:
                    graph.unbuildable_reason = (f"Sequential model '{model.name}' declares no input shape "
                                                f"(no Input, input_shape= or build()); its shapes are not checked")
            elif item.type != "InputLayer":
                input_args_from_layer_kwargs(args, item.type)
            user_name = args.get("name") if isinstance(args.get("name"), str) else item.name
            node = graph.add(item.type, args, [previous] if previous else [], span=item.span,
                             name=user_name or self.namer(item.type), written_type=item.written_type,
                             layer_key=item.key)
            previous = (node.index, 0)
        if previous:
            graph.outputs = [previous]
        return graph


    def _subclassed_graph(self, model: "SubclassedModel") -> ModelGraph | None:
        """``class M(keras.Model)``: ``self.x = Layer(...)`` in ``__init__``, applied in ``call``.

        Checked only when the input shape is known (``build(shape)``, ``fit(X)``, ``model(X)``) and
        ``call`` is plain enough to fold; anything else in it degrades to unknown shapes.
        """
        methods = {s.name: s for s in model.cls.node.body if isinstance(s, ast.FunctionDef)}
        init, call = methods.get("__init__"), methods.get("call")
        if call is None or model.build_shape is None:
            return None
        scope = Scope(model.cls.name, parent=model.scope)
        me = SelfObject()
        if init is not None:
            self._bind_parameters(init, scope, model.args, model.kwargs, me)
            self._walk_body(init.body, scope)
        call_scope = Scope(model.cls.name, parent=model.scope)
        call_scope.builder = scope.builder
        params = [a.arg for a in call.args.args]
        if len(params) < 2:
            return None
        call_scope.bindings[params[0]] = me
        input_layer = LayerObject("InputLayer", "Input", {"batch_shape": model.build_shape}, span_of(call),
                                  f"layer{next(self._keys)}")
        call_scope.bindings[params[1]] = self._apply_layer(input_layer, [], call, call_scope, False)
        for extra in params[2:]:
            call_scope.bindings[extra] = None
        self._walk_body(call.body, call_scope)
        outputs = _as_tensor_list(call_scope.returned[-1]) if call_scope.returned else []
        if not outputs:
            return None
        graph = call_scope.builder.subgraph(model.name or model.cls.name, model.line, outputs)
        graph.kind = "subclassed"
        graph.loss, graph.target_shape = model.loss, model.target_shape
        return graph

    def _bind_parameters(self, fn: ast.FunctionDef, scope: Scope, args: tuple = (), kwargs: dict | None = None,
                         me=None) -> None:
        """Parameters get the values passed, else their defaults, else a symbol named after them.

        ``me``: the ``self`` object of a method (bound to the first parameter).
        """
        params = fn.args.posonlyargs + fn.args.args
        defaults = [None] * (len(params) - len(fn.args.defaults)) + list(fn.args.defaults)
        pairs = list(zip(params, defaults)) + list(zip(fn.args.kwonlyargs, fn.args.kw_defaults))
        if me is not None and params:
            scope.bindings[params[0].arg] = me
            pairs = pairs[1:]
        given = dict(zip([param.arg for param, _ in pairs], args))
        given.update(kwargs or {})
        defining_scope = scope.parent or scope  # defaults are evaluated where the function is defined
        for param, default in pairs:
            if param.arg in given:
                scope.bindings[param.arg] = given[param.arg]
            elif default is None:
                scope.bindings[param.arg] = Symbol(param.arg)
            else:
                scope.bindings[param.arg] = self._fold(default, defining_scope)


class ModelClass:
    def __init__(self, name: str, node: ast.ClassDef) -> None:
        self.name = name
        self.node = node


class SelfObject:
    """``self`` inside a subclassed model: the attributes ``__init__`` assigned."""

    def __init__(self) -> None:
        self.attributes: dict[str, Any] = {}


class SubclassedModel:
    def __init__(self, cls: ModelClass, node: ast.Call, scope: Scope, args: list, kwargs: dict) -> None:
        self.cls, self.scope, self.args, self.kwargs = cls, scope, args, kwargs
        self.line = node.lineno
        self.name = ""
        self.build_shape = None
        self.loss = None
        self.target_shape = None


class UnknownShape:
    """``X.shape`` of an array whose shape could not be folded: indexing it gives named sizes."""

    def __init__(self, text: str) -> None:
        self.text = text


class _BoundMethod:
    def __init__(self, target, attr: str) -> None:
        self.target = target
        self.attr = attr




def _classify_qualname(qual: str):
    parts = qual.split(".")
    if parts[0] in ("numpy", "np"):
        return NumpyName(qual) if len(parts) > 1 else Module(qual)
    if "keras" in parts:
        leaf = parts[-1]
        if leaf[:1].isupper() or leaf in _FUNCTIONAL_MERGES or leaf in EXPAND | SQUEEZE \
                or parts[-2:-1] in (["ops"], ["backend"]) or leaf in ELEMENTWISE_OPS:
            return KerasName(qual)
        return Module(qual)
    if parts[0] == "tensorflow" and len(parts) == 2 and parts[1] in EXPAND | SQUEEZE | ELEMENTWISE_OPS:
        return KerasName("tensorflow.ops." + parts[1])
    return Module(qual)


def _default_name(scope: Scope) -> str:
    """A model that is never bound to a name (``return keras.Model(...)``) is named after its function."""
    return "model" if scope.name == "<module>" else scope.name


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


def _output_count(layer: LayerObject) -> int:
    args = layer.args
    if args.get("return_state") is True and layer.type in ("LSTM", "GRU", "SimpleRNN"):
        return 3 if layer.type == "LSTM" else 2
    if layer.type == "Bidirectional" and args.get("return_state") is True:
        inner = args.get("layer")
        inner_type = getattr(inner, "type", "")
        return 5 if inner_type == "LSTM" else 3
    return 1


def _as_tensor_list(value) -> list[TensorRef]:
    if isinstance(value, TensorRef):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, TensorRef) for v in value):
        return list(value)
    if isinstance(value, dict) and all(isinstance(v, TensorRef) for v in value.values()):
        return list(value.values())
    return []


def _layer_of_input_ref(ref: TensorRef) -> LayerObject | None:
    """``Sequential([keras.Input(shape=...), ...])``: the Input's node becomes the first layer."""
    node = ref.builder.nodes[ref.node]
    if node.type != "InputLayer":
        return None
    ref.builder.used.add(ref.node)
    layer = LayerObject("InputLayer", node.written_type, node.args, node.span, node.layer_key or "input")
    layer.name = node.name
    return layer


@dataclass
class SourceModels:
    graphs: list[ModelGraph]
    skipped_models: list[SkippedModel]  # constructions that could not be built at all


def analyse_source(text: str, path: str = "<string>") -> SourceModels:
    """Raises SyntaxError for unparsable text; everything else degrades to unknown shapes."""
    frontend = SourceFrontend(text, path)
    graphs = frontend.models()
    return SourceModels(graphs, frontend.skipped_models)


def graphs_from_source(text: str, path: str = "<string>") -> list[ModelGraph]:
    return analyse_source(text, path).graphs
