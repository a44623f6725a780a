"""What a name holds where it is written: the tensor behind a variable, for the hover (no protocol here).

The checker's trace says what each traced call produced (its span -> output shapes, per model), not which name
the tensor was bound to.  This module reads the checked text's ``ast`` once, following assignments as reaching
definitions (a handler per statement, as pyflakes walks; function bodies deferred to the end of the module):
in straight-line code the latest assignment wins; after a branch or a loop every assignment that may reach a
use is kept, and the hover says the value is one of them.  Values stay symbolic until asked (``Traced`` at a
call's span, ``Alias`` of other assignments, ``Returned`` by a call of a function, method or custom layer of
the file, a ``Parameter`` given by the calls...) and are then joined with the trace by span; a helper's result
is told apart from its other calls' by the graph (which of them is computed from this call's arguments).  Where a
name is the input of a traced layer call, the engine's own record of that input decides.

Nothing is executed and nothing is guessed: a value the trace does not cover stays unknown.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from ..frontends.chunks import statements
from ..graph import Span
from ..shapes import format_shape

Key = tuple  # (line, col, end_line, end_col): an ast node's span, as the engine's Span holds it
DefKey = tuple  # (line, col) where a name is bound
Ref = tuple  # (model index, node index, output index or None): one traced tensor
MAX_LOOP_PASSES = 4  # a loop body is walked until the names reaching its head stop changing (2 passes, mostly)
MAX_RESOLVE_ROUNDS = 8  # a value that depends on itself: resolved again until it stops growing


# -------------------------------------------------------------------------------------------------- values
@dataclass(frozen=True)
class Traced:
    """What the traced call at ``key`` returned."""
    key: Key


@dataclass(frozen=True)
class Alias:
    """The value of a name (the assignments of it that reach here)."""
    defs: frozenset


@dataclass(frozen=True)
class Items:
    """A tuple or list written out: ``a, b = x, y``."""
    values: tuple


@dataclass(frozen=True)
class Element:
    """``value[index]`` or the ``index``-th target of an unpacking."""
    value: Any
    index: int


@dataclass(frozen=True)
class Either:
    """``a if test else b``."""
    values: tuple


@dataclass(frozen=True)
class Uncertain:
    """A name a branch or loop rebinds whose condition or count the engine could not decide: the engine's own
    value at the statement (an opaque node fed the tensor from before) when it made one, else what may reach."""
    key: Key
    before: Any
    after: Any


@dataclass(frozen=True)
class Function:
    key: DefKey


@dataclass(frozen=True)
class Class:
    key: DefKey


@dataclass(frozen=True)
class Attribute:
    value: Any
    name: str


@dataclass(frozen=True)
class Returned:
    """What a call of a function (or method) of this file returned, given the values of its arguments."""
    callee: Any
    arguments: tuple
    keywords: tuple  # (name, value)


@dataclass(frozen=True)
class Parameter:
    function: DefKey
    name: str
    index: int | None  # its place among the positional parameters; None: keyword-only


@dataclass(frozen=True)
class Self:
    """The first parameter of a method: the instance."""
    cls: DefKey


# ------------------------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Produced:
    """A tensor a name may hold: the output (one output, or all) of one traced call."""

    kind: str  # layer | input | operation (``x + y``, ``ops.split(x, 2)``) | opaque (a call not followed)
    label: str  # the layer class as written ("Conv1D", "Input"); an operation's source text
    layer: str  # its name ("conv1d")
    line: int  # where the call starts (checked text, 1-based)
    status: str  # ok | error | unknown | skipped
    shape: str | None  # formatted; None when not computed
    output: int | None  # which output of a call that has several; None: its only one, or all of them
    outputs: int
    why: str = ""  # a call that does not build: its finding ("SD101 rank: ...")


@dataclass
class Holding:
    """What a name holds at one place of the source."""

    name: str
    span: Span  # the name's own span (engine positions)
    produced: list[Produced]  # ordered by line
    untraced: list[int]  # lines of assignments reaching here whose value the trace does not cover
    parameter: str | None = None  # the function, when the name is one of its parameters


@dataclass
class _Name:
    name: str
    span: Span
    defs: frozenset | None  # the assignments reaching a use; None: a name this walk does not know
    bound: DefKey | None = None  # where the name is bound here (an assignment target, a parameter)


@dataclass
class _Loop:
    continues: list = field(default_factory=list)
    breaks: list = field(default_factory=list)


def _key(node: ast.AST) -> Key:
    return node.lineno, node.col_offset, node.end_lineno or node.lineno, node.end_col_offset or 0


def _merge(*envs):
    """Environments joined where paths meet (None: a path that does not get here)."""
    live = [e for e in envs if e is not None]
    if not live:
        return None
    out = dict(live[0])
    for env in live[1:]:
        for name, defs in env.items():
            out[name] = out[name] | defs if name in out else defs
    return out


def _copy(env):
    return dict(env) if env is not None else None


def _static(node: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)


def _constant_index(node: ast.expr) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant_index(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return None


# ---------------------------------------------------------------------------------------------------- walk
class _Walk:
    """One walk over a module: every name's bindings and uses, the values assigned, the returns of functions."""

    def __init__(self, sites: dict[Key, tuple[list, list]], unrolled: set[tuple[int, int]] = frozenset()):
        self.sites = sites  # call span -> (the nodes it returns, the nodes taking its arguments): see _outer
        self.unrolled = unrolled  # (first, last line) of the loops the engine unrolled
        self.values: dict[DefKey, Any] = {}
        self.names: dict[tuple[int, int], _Name] = {}
        self.evidence: dict[tuple[int, int], set[Ref]] = {}
        self.returns: dict[DefKey, list] = {}
        self.parameters: dict[DefKey, str] = {}  # a parameter's binding -> its function's name
        self.methods: dict[DefKey, dict[str, DefKey]] = {}  # class -> its methods
        self.calls: list[Returned] = []  # every call of something that may be a function of this file
        self._function: list[DefKey] = []
        self._deferred: list[tuple] = []  # function bodies still to walk: (node, key, class, names it sees)
        self._callable_names: set[str] = set()  # names some def or class statement binds
        self.function_lines: dict[DefKey, tuple[int, int]] = {}
        self.function_loops: dict[DefKey, list[tuple[int, int]]] = {}  # the loops in a function's own body
        self._class: list[DefKey | None] = [None]  # the class whose body is being walked (None: not a class)
        self._loops: list[_Loop] = []

    # ---------------------------------------------------------------------------------------- statements
    def block(self, statements: list[ast.stmt], env):
        for statement in statements:
            if env is None:
                break  # after a return, raise, break or continue: not reached
            env = self.stmt(statement, env)
        return env

    def stmt(self, node: ast.stmt, env):
        return getattr(self, f"_stmt_{type(node).__name__}", self._stmt_other)(node, env)

    def _stmt_other(self, node: ast.AST, env):
        """A statement without a handler: its expressions are visited, its bodies taken as branches."""
        branches = [env]
        for _, value in ast.iter_fields(node):
            items = value if isinstance(value, list) else [value]
            if items and all(isinstance(i, ast.stmt) for i in items):
                branches.append(self.block(items, _copy(env)))
                continue
            for item in items:
                if isinstance(item, ast.expr):
                    self.expr(item, env)
                elif isinstance(item, ast.AST):
                    branches.append(self._stmt_other(item, _copy(env)))
        return _merge(*branches)

    def _stmt_Assign(self, node: ast.Assign, env):
        value = self.expr(node.value, env)
        for target in node.targets:
            self.bind(target, value, env)
        return env

    def _stmt_AnnAssign(self, node: ast.AnnAssign, env):
        if node.value is not None:
            self.bind(node.target, self.expr(node.value, env), env)
        return env

    def _stmt_AugAssign(self, node: ast.AugAssign, env):
        if isinstance(node.target, ast.Name):
            self._use(node.target, env)  # `x += y` reads x first
        else:
            self.expr(node.target, env)
        self.expr(node.value, env)
        key = _key(node)  # the engine records `x += y` as the operation `x + y` at the statement
        self.bind(node.target, Traced(key) if key in self.sites else None, env)
        return env

    def _stmt_Expr(self, node: ast.Expr, env):
        self.expr(node.value, env)
        return env

    def _stmt_Return(self, node: ast.Return, env):
        value = self.expr(node.value, env) if node.value is not None else None
        if self._function:
            self.returns[self._function[-1]].append(value)
        return None

    def _stmt_Raise(self, node: ast.Raise, env):
        self.expr(node.exc, env)
        self.expr(node.cause, env)
        return None

    def _stmt_Break(self, node, env):
        if self._loops:
            self._loops[-1].breaks.append(env)
        return None

    def _stmt_Continue(self, node, env):
        if self._loops:
            self._loops[-1].continues.append(env)
        return None

    def _stmt_If(self, node: ast.If, env):
        self.expr(node.test, env)
        return self._decided(node, env, _merge(self.block(node.body, _copy(env)), self.block(node.orelse, _copy(env))))

    def _decided(self, node: ast.stmt, before, after):
        """``after`` a branch or loop; where the engine could not decide it (it recorded operations at the
        statement), the names it rebinds hold an ``Uncertain`` value."""
        key = _key(node)
        if after is None or key not in self.sites:
            return after
        for name, defs in after.items():
            if name in before and defs != before[name]:
                bound = (node.lineno, node.col_offset, name)
                self.values[bound] = Uncertain(key, Alias(before[name]), Alias(defs))
                after[name] = frozenset({bound})
        return after

    def _stmt_For(self, node: ast.For, env):
        self.expr(node.iter, env)
        return self._loop(node, env, target=node.target, ran=self._unrolled(node))

    def _unrolled(self, node: ast.For) -> bool:
        """The engine unrolled this loop, and it ran at least once: over a literal that is not empty, or it
        traced calls in its body."""
        if (node.lineno, node.end_lineno) not in self.unrolled:
            return False
        items = node.iter
        if isinstance(items, (ast.List, ast.Tuple)) and items.elts:
            return True
        if isinstance(items, ast.Call) and isinstance(items.func, ast.Name) and items.func.id == "range" \
                and len(items.args) == 1 and (_constant_index(items.args[0]) or 0) > 0:
            return True
        first, last = node.body[0].lineno, node.body[-1].end_lineno or node.lineno
        return any(first <= key[0] <= last for key in self.sites)

    _stmt_AsyncFor = _stmt_For

    def _stmt_While(self, node: ast.While, env):
        return self._loop(node, env, test=node.test)

    def _loop(self, node, env, target=None, test=None, ran: bool = False):
        """The body walked until the assignments reaching its head stop changing; after the loop, those of any
        iteration's end (and of none, unless the loop is known to have run)."""
        head, loop, end = _copy(env), _Loop(), None
        if self._function:
            self.function_loops.setdefault(self._function[-1], []).append((node.lineno, node.end_lineno or node.lineno))
        for _ in range(MAX_LOOP_PASSES):
            loop = _Loop()
            self._loops.append(loop)
            inner = _copy(head)
            if test is not None:
                self.expr(test, inner)
            if target is not None:
                self.bind(target, None, inner)  # the items of an iterable: not traced
            end = self.block(node.body, inner)
            self._loops.pop()
            new_head = _merge(head, end, *loop.continues)
            if new_head == head:
                break
            head = new_head
        done = _merge(end, *loop.continues) if ran else head
        if done is None:
            return self._decided(node, env, _merge(*loop.breaks))
        return self._decided(node, env, _merge(self.block(node.orelse, _copy(done)), *loop.breaks))

    def _stmt_With(self, node: ast.With, env):
        for item in node.items:
            self.expr(item.context_expr, env)
            if item.optional_vars is not None:
                self.bind(item.optional_vars, None, env)
        return self.block(node.body, env)

    _stmt_AsyncWith = _stmt_With

    def _stmt_Try(self, node: ast.Try, env):
        states, current = [_copy(env)], env
        for statement in node.body:  # an exception may leave the body after any statement
            current = self.stmt(statement, current)
            if current is None:
                break
            states.append(_copy(current))
        caught = _merge(*states)
        ends = [self.block(node.orelse, current) if current is not None else None]
        for handler in node.handlers:
            inner = _copy(caught)
            self.expr(handler.type, inner)
            if handler.name:
                inner.pop(handler.name, None)
            ends.append(self.block(handler.body, inner))
        after = _merge(*ends)
        if node.finalbody:
            end = self.block(node.finalbody, after if after is not None else _copy(caught))
            return end if after is not None else None
        return after

    _stmt_TryStar = _stmt_Try

    def _stmt_Match(self, node, env):
        self.expr(node.subject, env)
        ends = [env]
        for case in node.cases:
            inner = _copy(env)
            for pattern in ast.walk(case.pattern):
                for bound in (getattr(pattern, "name", None), getattr(pattern, "rest", None)):
                    if isinstance(bound, str):
                        inner.pop(bound, None)
            self.expr(case.guard, inner)
            ends.append(self.block(case.body, inner))
        return _merge(*ends)

    def _stmt_FunctionDef(self, node: ast.FunctionDef, env):
        for expression in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            self.expr(expression, env)
        key = (node.lineno, node.col_offset)
        self.returns.setdefault(key, [])
        self.function_lines[key] = (node.lineno, node.end_lineno or node.lineno)
        cls = self._class[-1]
        if cls is not None:
            self.methods[cls][node.name] = key
        self.values[key] = Function(key)
        env[node.name] = frozenset({key})
        self._callable_names.add(node.name)
        # the body runs when called: walked at the end of the module (as pyflakes defers it), seeing the functions
        # and classes of the module and of the function it is written in (not the tensors: which of them a call
        # sees depends on when it is made)
        self._deferred.append((node, key, cls, self._callables_in(env) if self._function else {}))
        return env

    _stmt_AsyncFunctionDef = _stmt_FunctionDef

    def _callables_in(self, env) -> dict:
        return {name: env[name] for name in self._callable_names if name in env
                and all(isinstance(self.values.get(k), (Function, Class)) for k in env[name])}

    def module(self, body) -> None:
        """Walk a module's statements (an iterable: parsed piece by piece), then the bodies of its functions (and
        theirs), each once."""
        env: dict | None = {}
        for statement in body:
            if env is None:
                break
            env = self.stmt(statement, env)
        env = env or {}
        module = self._callables_in(env)
        while self._deferred:
            node, key, cls, seen = self._deferred.pop(0)
            self._body(node, key, cls, {**module, **seen})

    def _body(self, node: ast.FunctionDef, key: DefKey, cls: DefKey | None, inner: dict) -> None:
        arguments = node.args
        for index, arg in enumerate([*arguments.posonlyargs, *arguments.args]):
            value = Self(cls) if cls is not None and index == 0 and not _static(node) \
                else Parameter(key, arg.arg, index)
            self._parameter(arg, value, node.name, inner)
        for arg in arguments.kwonlyargs:
            self._parameter(arg, Parameter(key, arg.arg, None), node.name, inner)
        for arg in (arguments.vararg, arguments.kwarg):
            if arg is not None:
                self._parameter(arg, None, None, inner)
        self._function.append(key)
        try:
            self.block(node.body, inner)
        finally:
            self._function.pop()

    _stmt_AsyncFunctionDef = _stmt_FunctionDef

    def _parameter(self, arg: ast.arg, value, function: str | None, env) -> None:
        key = (arg.lineno, arg.col_offset)
        self.values[key] = value
        if isinstance(value, Parameter):
            self.parameters[key] = function
        span = Span(arg.lineno, arg.col_offset, arg.lineno, arg.col_offset + len(arg.arg.encode("utf-8")))
        self.names[key] = _Name(arg.arg, span, None, key)
        env[arg.arg] = frozenset({key})

    def _stmt_ClassDef(self, node: ast.ClassDef, env):
        for expression in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self.expr(expression, env)
        key = (node.lineno, node.col_offset)
        self.methods[key] = {}
        self._class.append(key)
        try:
            self.block(node.body, {})
        finally:
            self._class.pop()
        self.values[key] = Class(key)
        env[node.name] = frozenset({key})
        self._callable_names.add(node.name)
        return env

    def _stmt_Import(self, node, env):
        for alias in node.names:
            env.pop((alias.asname or alias.name).split(".")[0], None)
        return env

    _stmt_ImportFrom = _stmt_Import

    def _stmt_Delete(self, node: ast.Delete, env):
        for target in node.targets:
            if isinstance(target, ast.Name):
                env.pop(target.id, None)
            else:
                self.expr(target, env)
        return env

    def _stmt_Global(self, node, env):
        return env

    _stmt_Nonlocal = _stmt_Pass = _stmt_Global

    # ------------------------------------------------------------------------------------------- binding
    def bind(self, target: ast.expr, value, env) -> None:
        if isinstance(target, ast.Name):
            key = (target.lineno, target.col_offset)
            self.values[key] = value
            self.names[key] = _Name(target.id, Span(*_key(target)), None, key)
            env[target.id] = frozenset({key})
        elif isinstance(target, (ast.Tuple, ast.List)):
            starred = next((i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred)), None)
            for i, element in enumerate(target.elts):
                if isinstance(element, ast.Starred):
                    self.bind(element.value, None, env)
                elif starred is None or i < starred:
                    self.bind(element, Element(value, i), env)
                else:  # after a starred target: counted from the end
                    self.bind(element, Element(value, i - len(target.elts)), env)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, None, env)
        else:  # an attribute or an item: what it reads is visited, nothing is bound
            self.expr(target, env)

    # ----------------------------------------------------------------------------------------- expressions
    def expr(self, node: ast.expr | None, env):
        if node is None:
            return None
        handler = getattr(self, f"_expr_{type(node).__name__}", None)
        value = handler(node, env) if handler is not None else self._children(node, env)
        key = _key(node)
        return Traced(key) if key in self.sites else value

    def _children(self, node: ast.AST, env):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.expr(child, env)
            elif not isinstance(child, (ast.stmt, ast.expr_context)):
                self._children(child, env)  # keywords, slices, comprehensions, arguments, format specs
        return None

    def _use(self, node: ast.Name, env) -> None:
        key = (node.lineno, node.col_offset)
        self.names[key] = _Name(node.id, Span(*_key(node)), env.get(node.id))

    def _expr_Name(self, node: ast.Name, env):
        if not isinstance(node.ctx, ast.Load):
            return None
        self._use(node, env)
        return Alias(env[node.id]) if node.id in env else None

    def _expr_Tuple(self, node, env):
        values = tuple(self.expr(e, env) for e in node.elts)
        return None if any(isinstance(e, ast.Starred) for e in node.elts) else Items(values)

    _expr_List = _expr_Tuple

    def _expr_Subscript(self, node: ast.Subscript, env):
        value = self.expr(node.value, env)
        self.expr(node.slice, env)
        index = _constant_index(node.slice)
        return Element(value, index) if index is not None else None

    def _expr_IfExp(self, node: ast.IfExp, env):
        self.expr(node.test, env)
        return Either((self.expr(node.body, env), self.expr(node.orelse, env)))

    def _expr_NamedExpr(self, node: ast.NamedExpr, env):
        value = self.expr(node.value, env)
        self.bind(node.target, value, env)
        return value

    def _expr_Lambda(self, node: ast.Lambda, env):
        for expression in [*node.args.defaults, *node.args.kw_defaults]:
            self.expr(expression, env)
        inner = dict(env)
        arguments = node.args
        for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg,
                    arguments.kwarg]:
            if arg is not None:
                inner.pop(arg.arg, None)
        self.expr(node.body, inner)
        return None

    def _comprehension(self, node, env, parts: list[ast.expr]):
        inner = dict(env)
        for number, generator in enumerate(node.generators):
            self.expr(generator.iter, env if number == 0 else inner)
            for name in ast.walk(generator.target):
                if isinstance(name, ast.Name):
                    inner.pop(name.id, None)
            for condition in generator.ifs:
                self.expr(condition, inner)
        for part in parts:
            self.expr(part, inner)
        return None

    def _expr_ListComp(self, node, env):
        return self._comprehension(node, env, [node.elt])

    _expr_SetComp = _expr_GeneratorExp = _expr_ListComp

    def _expr_DictComp(self, node, env):
        return self._comprehension(node, env, [node.key, node.value])

    def _expr_Attribute(self, node: ast.Attribute, env):
        value = self.expr(node.value, env)
        return Attribute(value, node.attr) if value is not None else None

    def _expr_Call(self, node: ast.Call, env):
        callee = self.expr(node.func, env)
        starred = any(isinstance(a, ast.Starred) for a in node.args)
        arguments = tuple(self.expr(a.value if isinstance(a, ast.Starred) else a, env) for a in node.args)
        keywords = tuple((k.arg, self.expr(k.value, env)) for k in node.keywords)
        self._layer_inputs(node)
        if callee is None or starred:
            return None
        call = Returned(callee, arguments, tuple((k, v) for k, v in keywords if k is not None))
        self.calls.append(call)
        return call

    def _layer_inputs(self, node: ast.Call) -> None:
        """``layer(x)`` / ``layer([a, b])`` traced: the engine's own record of which tensor each name gave."""
        site = self.sites.get(_key(node))
        if site is None:
            return
        first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "inputs"), None)
        for model, layer in site[1]:
            if layer.call_span == layer.span or not layer.inputs:
                continue  # an operation or an Input: no layer called on its inputs
            if isinstance(first, ast.Name) and not layer.list_input:
                self._evidence(first, model, layer.inputs[0])
            elif isinstance(first, (ast.List, ast.Tuple)) and layer.list_input \
                    and len(first.elts) == len(layer.inputs):
                for element, ref in zip(first.elts, layer.inputs):
                    if isinstance(element, ast.Name):
                        self._evidence(element, model, ref)

    def _evidence(self, name: ast.Name, model: int, ref) -> None:
        self.evidence.setdefault((name.lineno, name.col_offset), set()).add((model, ref[0], ref[1]))


# -------------------------------------------------------------------------------------------------- lookup
class Variables:
    """The names of one checked text and the tensors they hold (``at``)."""

    def __init__(self, text: str | None, report):
        self.entries: dict[tuple[int, int], tuple] = {}  # (model, node) -> (node, result, its findings)
        sites: dict[Key, list] = {}
        unrolled: set[tuple[int, int]] = set()
        for number, model in enumerate(getattr(report, "models", None) or []):
            unrolled.update(tuple(loop) for loop in model.graph.loops)
            inference = model.inference
            findings: dict[int, list] = {}
            for diagnostic in inference.diagnostics:
                findings.setdefault(diagnostic.node, []).append(diagnostic)
            for result in inference.results:
                node = result.node
                self.entries[(number, node.index)] = (node, result, findings.get(node.index, []))
                if node.call_span is not None:  # a layer of a Sequential list is not a value of the source
                    span = node.call_span
                    sites.setdefault((span.line, span.col, span.end_line, span.end_col), []).append(
                        (number, node, result))
        self.walk = _Walk(_outer(sites), unrolled)
        self._by_line: dict[int, list[_Name]] = {}
        self._resolved: dict[DefKey, tuple[frozenset, frozenset]] = {}
        self._previous: dict[DefKey, tuple[frozenset, frozenset]] = {}  # the last round's, while resolving a cycle
        self._active: set[DefKey] = set()
        self._cyclic = False
        self._ancestors: dict[tuple[int, int], frozenset] = {}
        self._evidence_of: dict[DefKey, set[Ref]] = {}
        self._calls_of: dict[DefKey, list[tuple[Returned, int]]] | None = None
        self._bound_to: dict[int, set[DefKey]] | None = None  # id of a call -> the names bound to what it returns
        if not text or not sites:
            return
        try:
            self.walk.module(statements(text))  # as the engine parses it: piece by piece (a long file's memory)
        except (SyntaxError, ValueError):
            return
        except RecursionError:  # an expression nested deeper than Python's stack: the names walked so far
            pass
        for name in self.walk.names.values():
            self._by_line.setdefault(name.span.line, []).append(name)
        for position, refs in self.walk.evidence.items():  # a parameter holds what the calls in it receive
            use = self.walk.names.get(position)
            if use is not None and use.defs is not None and len(use.defs) == 1:
                [key] = use.defs
                if key in self.walk.parameters:
                    self._evidence_of.setdefault(key, set()).update(refs)

    def at(self, line: int, col: int) -> Holding | None:
        """The tensor the name at (``line``, byte ``col``) holds; None when it is no name, or none the trace
        covers."""
        found = self._name_at(line, col)
        if found is None:
            return None
        refs, untraced = self._resolve({found.bound} if found.bound is not None else found.defs or set())
        evidence = self.walk.evidence.get((found.span.line, found.span.col))
        if evidence:  # the engine's record of this layer call's input; where both know, what both say
            assigned = {ref[:2] for ref in refs}
            refs, untraced = {ref for ref in evidence if ref[:2] in assigned} or set(evidence), set()
        if not refs:
            return None
        produced = sorted({self._produced(ref) for ref in refs if (ref[0], ref[1]) in self.entries},
                          key=lambda p: (p.line, p.output if p.output is not None else -1, p.shape or "", p.layer))
        parameter = self.walk.parameters.get(found.bound) if found.bound is not None else None
        return Holding(found.name, found.span, produced, sorted(untraced), parameter)

    def _name_at(self, line: int, col: int) -> _Name | None:
        names = self._by_line.get(line, [])
        inside = [n for n in names if n.span.col <= col < n.span.end_col]
        if inside:
            return inside[0]
        return next((n for n in names if n.span.end_col == col), None)  # just after the name: still it

    # --------------------------------------------------------------------------------------- resolution
    def _resolve(self, keys) -> tuple[set[Ref], set[int]]:
        """What the assignments ``keys`` may have bound.  A value that depends on itself (``h = block(h)`` in a
        loop: each call's argument is the previous call's result) is resolved again from the previous round's
        answer until it stops growing."""
        answer = None
        for _ in range(MAX_RESOLVE_ROUNDS):
            self._cyclic = False
            refs: set[Ref] = set()
            untraced: set[int] = set()
            for key in keys:
                found_refs, found_untraced = self._resolve_def(key)
                refs |= found_refs
                untraced |= found_untraced
            if not self._cyclic or (refs, untraced) == answer:
                return refs, untraced
            answer = refs, untraced
            self._previous, self._resolved = self._resolved, {}
        return answer

    def _resolve_def(self, key: DefKey) -> tuple[frozenset, frozenset]:
        """(the tensors an assignment may have bound, the lines of assignments behind it not traced)."""
        if key in self._resolved:
            return self._resolved[key]
        if key in self._active:  # a cycle: the previous round's answer
            self._cyclic = True
            return self._previous.get(key, (frozenset(), frozenset()))
        self._active.add(key)
        try:
            untraced: set[int] = set()
            refs = self._refs(self.walk.values.get(key), untraced)
        finally:
            self._active.discard(key)
        if not refs:
            untraced.add(key[0])
        result = (frozenset(refs), frozenset(untraced))
        self._resolved[key] = result
        return result

    def _refs(self, value, untraced: set[int]) -> set[Ref]:
        """The traced tensors ``value`` may be (a call with several outputs: all of them, output None)."""
        if isinstance(value, Traced):
            return {(model, node.index, None) for model, node in self.walk.sites.get(value.key, ((), ()))[0]}
        if isinstance(value, Alias):
            out: set[Ref] = set()
            for key in value.defs:
                refs, lines = self._resolve_def(key)
                out |= refs
                untraced |= lines
            return out
        if isinstance(value, Either):
            return set().union(*(self._refs(v, untraced) for v in value.values))
        if isinstance(value, Element):
            return self._element(value.value, value.index, untraced)
        if isinstance(value, Returned):
            return self._returned(value, None)
        if isinstance(value, Parameter):
            return self._parameter(value)
        if isinstance(value, Uncertain):
            before = self._refs(value.before, set())
            opaque = {(model, node.index, None) for model, node in self.walk.sites.get(value.key, ((), ()))[0]
                      if node.type == "<opaque>" and node.inputs
                      and any(ref[:2] == (model, node.inputs[0][0]) for ref in before)}
            return opaque or self._refs(value.after, untraced)
        return set()  # not a tensor, or nothing the trace covers

    def _element(self, value, index: int, untraced: set[int]) -> set[Ref]:
        if isinstance(value, Items):
            inside = -len(value.values) <= index < len(value.values)
            return self._refs(value.values[index], untraced) if inside else set()
        if isinstance(value, Alias):
            out: set[Ref] = set()
            for key in value.defs:
                out |= self._element(self.walk.values.get(key), index, untraced)
            return out
        if isinstance(value, Either):
            return set().union(*(self._element(v, index, untraced) for v in value.values))
        if isinstance(value, Returned):
            return self._returned(value, index)
        out = set()
        for model, node, output in self._refs(value, untraced):  # one output of a call that has several
            count = self._output_count(model, node)
            if output is None and count > 1 and -count <= index < count:
                out.add((model, node, index % count))
        return out

    # ----------------------------------------------------------------------------------- calls, functions
    def _targets(self, value, seen: frozenset = frozenset()) -> set[tuple[str, DefKey]]:
        """What ``value`` may be among the file's functions, classes and their instances and methods."""
        if isinstance(value, Alias):
            out: set = set()
            for key in value.defs - seen:
                out |= self._targets(self.walk.values.get(key), seen | {key})
            return out
        if isinstance(value, Either):
            return set().union(*(self._targets(v, seen) for v in value.values))
        if isinstance(value, Function):
            return {("function", value.key)}
        if isinstance(value, Class):
            return {("class", value.key)}
        if isinstance(value, Self):
            return {("instance", value.cls)}
        if isinstance(value, Returned):  # `Projection(64, 16)`: an instance
            return {("instance", key) for kind, key in self._targets(value.callee, seen) if kind == "class"}
        if isinstance(value, Attribute):
            out = set()
            for kind, key in self._targets(value.value, seen):
                method = self.walk.methods.get(key, {}).get(value.name)
                if method is not None and kind in ("instance", "class"):
                    out.add(("method" if kind == "instance" else "function", method))
            return out
        return set()

    def _callables(self, call: Returned) -> set[tuple[DefKey, int]]:
        """(function, how many parameters the call does not pass: 1 for ``self``) of what ``call`` calls."""
        out = set()
        for kind, key in self._targets(call.callee):
            if kind == "function":
                out.add((key, 0))
            elif kind == "method":
                out.add((key, 1))
            elif kind == "instance" and "call" in self.walk.methods.get(key, {}):
                out.add((self.walk.methods[key]["call"], 1))  # a layer or model of this file: __call__ runs call()
        return out

    def _returned(self, call: Returned, index: int | None) -> set[Ref]:
        """The tensors ``call`` returned (its ``index``-th item when it returns several)."""
        given = self._given(call)
        out: set[Ref] = set()
        for function, _ in self._callables(call):
            # each tensor -> where it may come from: the return statement, and the assignment of the returned name
            returned: dict[Ref, set[tuple]] = {}
            for statement, value in enumerate(self.walk.returns.get(function, [])):
                item = index
                if index is not None and isinstance(value, Items) and -len(value.values) <= index < len(value.values):
                    value, item = value.values[index], None  # `return o1, o2`: o1's assignments, one by one
                if item is None and isinstance(value, Alias) and len(value.defs) > 1:
                    parts = [((statement, d), Alias(frozenset({d}))) for d in value.defs]
                else:
                    parts = [((statement, None), value)]
                for origin, part in parts:
                    for ref in self._refs(part, set()) if item is None else self._element(part, item, set()):
                        returned.setdefault(ref, set()).add(origin)
            out |= self._of_this_call(returned, given, function, self._fed_on(call, function)) or set(returned)
        return out

    def _fed_on(self, call: Returned, function: DefKey) -> bool:
        """Whether another call of ``function`` is given what ``call`` returned (``x = mlp(x); x = mlp(x)``,
        ``mlp(mlp(x))``, or in a loop): where one call's last pass ends, the next call's first begins."""
        if self._bound_to is None:
            self._bound_to = {}
            for key, value in self.walk.values.items():
                if isinstance(value, Returned):
                    self._bound_to.setdefault(id(value), set()).add(key)
        bound = self._bound_to.get(id(call), set())
        for other, _ in self._calls().get(function, []):
            for value in (*other.arguments, *(v for _, v in other.keywords)):
                if value is call or (isinstance(value, Alias) and value.defs & bound):
                    return True
        return False

    def _given(self, call: Returned) -> set[Ref]:
        given: set[Ref] = set()
        for argument in (*call.arguments, *(v for _, v in call.keywords)):
            given |= self._refs(argument, set())
        return given

    def _calls(self) -> dict[DefKey, list[tuple[Returned, int]]]:
        """Function -> the calls of it (and how many parameters each does not pass)."""
        if self._calls_of is None:
            self._calls_of = {}
            for call in self.walk.calls:
                for function, skipped in self._callables(call):
                    self._calls_of.setdefault(function, []).append((call, skipped))
        return self._calls_of

    def _parameter(self, parameter: Parameter) -> set[Ref]:
        """What the calls of the function pass it, and what the layer calls in it received through it."""
        out: set[Ref] = set()
        for call, skipped in self._calls().get(parameter.function, []):
            position = parameter.index - skipped if parameter.index is not None else -1
            if 0 <= position < len(call.arguments):
                out |= self._refs(call.arguments[position], set())
            else:
                out |= set().union(*(self._refs(v, set()) for k, v in call.keywords if k == parameter.name))
        return out

    def _of_this_call(self, returned: dict[Ref, set[tuple]], given: set[Ref], function: DefKey,
                      fed_on: bool) -> set[Ref]:
        """Which of the tensors every call of ``function`` returned this call returned: the first computed from
        each of its arguments with no other call's result in between (``x = block(x); x = block(x)``: the second
        result comes from the first).  Where the returned line is in a loop of the function (``for units in
        sizes: x = Dense(units)(x)``, then ``return x``), one call passes it several times: the chain is followed
        while it stays in the function's own lines; when another call of the function is given this call's result,
        where one ends is not known: every pass is kept (the hover then says the shape depends).  A tensor one
        return statement (or one assignment of the returned name) would give, that another one's tensor is computed
        from in the function's own lines, was not returned: the other was (``return Add()([m, x])`` in an ``if``
        the call took, before ``return m``; ``y = y + bias`` in such an ``if`` before ``return y``)."""
        kept: set[Ref] = set()
        first_line, last_line = self.walk.function_lines.get(function, (0, 0))
        loops = self.walk.function_loops.get(function, [])
        for argument in given:
            model, node = argument[0], argument[1]
            found = [r for r in returned if r[0] == model and node in self._above(model, r[1])]
            for ref in self._first(found, model):
                while True:
                    in_loop = any(a <= self._line(model, ref[1]) <= b for a, b in loops)
                    after = self._first([r for r in found if ref[1] in self._above(model, r[1])], model)
                    if len(after) != 1:
                        break
                    # another return (or assignment) of the same call comes later in the function's text; where
                    # the text goes back, the next call of the function has begun
                    if not in_loop and (returned[after[0]] & returned[ref]
                                        or self._line(model, after[0][1]) <= self._line(model, ref[1])):
                        break
                    between = self._above(model, after[0][1]) - self._above(model, ref[1]) - {ref[1]}
                    if not all(first_line <= self._line(model, n) <= last_line for n in between):
                        break  # the chain leaves the function: the next pass belongs to another call
                    if fed_on and in_loop:
                        kept.add(ref)
                    ref = after[0]
                kept.add(ref)
        return kept

    def _first(self, found: list[Ref], model: int) -> list[Ref]:
        return [r for r in found if not any(o[1] in self._above(model, r[1]) for o in found if o is not r)]

    def _line(self, model: int, node: int) -> int:
        entry = self.entries.get((model, node))
        where = entry[0].call_span or entry[0].span if entry else None
        return where.line if where else 0

    def _above(self, model: int, node: int) -> frozenset:
        """The nodes ``node`` is computed from (not itself)."""
        cached = self._ancestors.get((model, node))
        if cached is not None:
            return cached
        seen: set[int] = set()
        stack = [node]
        while stack:
            entry = self.entries.get((model, stack.pop()))
            for ref in (entry[0].inputs if entry else []):
                if ref[0] not in seen:
                    seen.add(ref[0])
                    stack.append(ref[0])
        result = frozenset(seen - {node})
        self._ancestors[(model, node)] = result
        return result

    def _output_count(self, model: int, node: int) -> int:
        entry = self.entries.get((model, node))
        return len(entry[1].outputs) if entry is not None and entry[1].outputs else 1

    def _produced(self, ref: Ref) -> Produced:
        model, index, output = ref
        node, result, findings = self.entries[(model, index)]
        outputs = result.outputs or []
        count = max(len(outputs), 1)
        if output is not None and count == 1:
            output = None
        if output is not None:
            shape = format_shape(outputs[output]) if output < len(outputs) else None
        else:
            shape = format_shape(result.output_shape) if outputs else None
        errors = [f for f in findings if f.severity == "error"]
        why = f"{errors[0].code} {errors[0].kind.name}: {errors[0].message}" if errors else ""
        where = node.call_span or node.span
        kind = "input" if node.type == "InputLayer" else "opaque" if node.type == "<opaque>" else "layer"
        if kind == "layer" and node.call_span == node.span and not (node.label.isidentifier()
                                                                    and node.type not in (node.label, "Constant")):
            kind = "operation"  # `x + y`, `ops.split(x, 2)`; not a custom layer's call() standing for the layer
        return Produced(kind, node.label, node.name, where.line if where else 0, result.status, shape, output, count,
                        why)


def _outer(sites: dict[Key, list]) -> dict[Key, tuple[list, list]]:
    """Per call site: (the nodes whose output the call returns, the nodes that take the call's arguments).

    One call can be several nodes: a loop unrolled or a helper called twice (the same layer each time), or a
    model called inline (``encoder(x)``: its layers, one feeding the next).  The layers inside are neither.
    """
    out = {}
    for key, entries in sites.items():
        here = {(model, node.index): node for model, node, _ in entries}
        fed, taking = set(), []
        for model, node, _ in entries:
            inner = [here[(model, ref[0])] for ref in node.inputs if (model, ref[0]) in here]
            inside = [producer for producer in inner if producer.span != node.span]
            fed.update((model, producer.index) for producer in inside)
            if not inside:
                taking.append((model, node))
        out[key] = ([(model, node) for model, node, _ in entries if (model, node.index) not in fed], taking)
    return out
