"""Why shapedoctor costs more CPU than pyflakes on a corpus: how many syntax nodes each one visits, and the CPU each
spends per visit.

    python benchmarks/walk_visits.py CORPUS_DIR

pyflakes visits every statement and expression of a file about once.  shapedoctor interprets the code: it follows
a user function at each call site (a ``conv_block(x, 64)`` called six times is walked six times, each call making
its own layers), unrolls the loops that build models, and walks a subclassed layer's ``call()`` wherever it is
applied.  Both tools run in this one process over the same files (``CORPUS_DIR``'s ``.py`` files, recursively):

  1. timed, uninstrumented: ``ast.parse`` of every file (the parser both use), then each tool on every file, its
     own parse included and subtracted (pyflakes' ``Checker`` on the parsed tree; ``check_one_file``, with the
     garbage collector's schedule the ``check`` command gives it);
  2. counted: the statements and expressions each one dispatches (pyflakes' ``Checker.handleNode``;
     shapedoctor's statement and expression handler tables), in a second, instrumented pass.

The CPU per visit is step 1's time after parsing over step 2's count.  Compare the two tools within one run; the
machine's load moves absolute times.  Fix verification and inference happen inside check_one_file and are charged
to shapedoctor's visits, so its figure per visit is an upper bound on what its walk costs.

The counted pass also bounds what reusing walks could save (call summaries): the visits inside a user function
called again with arguments equal to an earlier call's in the same file, and inside a user layer's ``call()``
applied again to an equal instance and input -- what a cache of walks keyed that way could skip, if looking it
up and replaying it cost nothing.
"""

from __future__ import annotations

import argparse
import ast
import gc
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "src"))
sys.path.insert(0, HERE)
from corpus_vs_pyflakes import python_files  # noqa: E402

from shapedoctor import check  # noqa: E402
from shapedoctor.check import check_one_file  # noqa: E402
from shapedoctor.frontends import source  # noqa: E402
from shapedoctor.gc_schedule import one_file_at_a_time  # noqa: E402


def _sources(files: list[str]) -> list[str]:
    texts = []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as handle:
            texts.append(handle.read())
    return texts


def _parsed(texts: list[str]) -> list[ast.Module | None]:
    trees: list[ast.Module | None] = []
    for text in texts:
        try:
            trees.append(ast.parse(text))
        except (SyntaxError, ValueError, RecursionError):
            trees.append(None)
    return trees


def _node_types(base: type) -> list[type]:
    found, pending = [], [base]
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending += kind.__subclasses__()
    return found


class _Visits:
    """shapedoctor's walk, counted: every visit, the distinct nodes of the file being checked that it reached, and
    the visits made while verifying fixes (a patched copy of the file checked again)."""

    def __init__(self) -> None:
        self.total = self.verifying = 0
        self.distinct: set[int] = set()
        self.distinct_count = 0
        self._depth = 0

    def install(self) -> None:
        for table, base in ((source._STMT_HANDLERS, ast.stmt), (source._EXPR_HANDLERS, ast.expr)):
            for kind in _node_types(base):
                table[kind] = self._counted(table[kind])  # table[kind] fills the table as a walk would
        verify = check.check_source

        def counted_verify(*args, **kwargs):
            self._depth += 1
            try:
                return verify(*args, **kwargs)
            finally:
                self._depth -= 1

        check.check_source = counted_verify

    def _counted(self, handler):
        def counted(frontend, node, scope):
            self.total += 1
            if self._depth:
                self.verifying += 1
            else:
                self.distinct.add(id(node))  # the file's tree lives until its check ends
            return handler(frontend, node, scope)

        return counted

    def file_done(self) -> None:
        self.distinct_count += len(self.distinct)
        self.distinct.clear()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="directory of Python files (kept outside this repository)")
    args = parser.parse_args(argv)
    try:
        from pyflakes import checker
    except ImportError:
        sys.exit("pyflakes is not installed")
    files = python_files(args.corpus)
    if not files:
        sys.exit(f"no .py files under {args.corpus}")
    texts = _sources(files)
    check_one_file(files[0])  # imports and first-use tables, as a process has them before its first file

    thresholds = gc.get_threshold()
    start = time.process_time()
    for text in texts:
        _parsed([text])  # each tree dropped at once, as each tool drops it after its file
    parse_s = time.process_time() - start
    start = time.process_time()
    for path, text in zip(files, texts):
        tree = _parsed([text])[0]
        if tree is not None:
            checker.Checker(tree, filename=path)
    pyflakes_s = time.process_time() - start - parse_s
    start = time.process_time()
    one_file_at_a_time(check_one_file, [(path,) for path in files])  # with the collector schedule `check` has
    ours_s = time.process_time() - start - parse_s
    gc.set_threshold(*thresholds)

    trees = _parsed(texts)
    written = sum(isinstance(node, (ast.stmt, ast.expr)) for tree in trees if tree is not None
                  for node in ast.walk(tree))
    theirs_visits = [0]
    handle_node = checker.Checker.handleNode

    def counted_handle_node(self, node, parent):
        if isinstance(node, (ast.stmt, ast.expr)):
            theirs_visits[0] += 1
        return handle_node(self, node, parent)

    checker.Checker.handleNode = counted_handle_node
    for path, tree in zip(files, trees):
        if tree is not None:
            checker.Checker(tree, filename=path)
    checker.Checker.handleNode = handle_node
    ours = _Visits()
    ours.install()
    reuse = _Repeats(ours)
    reuse.install()
    for path in files:
        check_one_file(path)
        ours.file_done()
        reuse.file_done()

    ours_walk, pyflakes_s = max(ours_s, 1e-9), max(pyflakes_s, 1e-9)  # a tiny corpus can take no measurable time
    print(f"corpus: {args.corpus}: {len(files)} .py files, {written:,} statements and expressions written; "
          "CPU in this process")
    print(f"  ast.parse of every file:   {parse_s:6.2f} s (both tools pay it)")
    print(f"  pyflakes after parsing:    {pyflakes_s:6.2f} s, {theirs_visits[0]:9,} visits "
          f"({theirs_visits[0] / written:.2f} per node written), {1e6 * pyflakes_s / theirs_visits[0]:.1f} us/visit")
    print(f"  shapedoctor after parsing: {ours_walk:6.2f} s, {ours.total:9,} visits "
          f"({ours.total / written:.2f} per node written), {1e6 * ours_walk / ours.total:.1f} us/visit")
    print(f"  ratio with parsing: {(parse_s + ours_walk) / (parse_s + pyflakes_s):.2f}x; visits "
          f"{ours.total / theirs_visits[0]:.2f}x, CPU per visit "
          f"{(ours_walk / ours.total) / (pyflakes_s / theirs_visits[0]):.2f}x")
    needed = (pyflakes_s / ours.total) / (pyflakes_s / theirs_visits[0])
    print(f"  for 1.0x with these visits, shapedoctor's CPU per visit would have to be {needed:.2f}x pyflakes'")

    repeats = ours.total - ours.verifying - ours.distinct_count
    print(f"  shapedoctor's visits: {ours.distinct_count:,} distinct nodes ({ours.distinct_count / written:.0%} of "
          f"those written), {repeats:,} more visits of them (functions followed at each call, loops unrolled, "
          f"call() walked per use), {ours.verifying:,} in checking patched copies to verify fixes")
    print(f"  reusing walks would save at most: {reuse.functions:,} visits in user functions called again with "
          f"equal arguments, {reuse.layer_calls:,} in a user layer's call() applied again to an equal instance "
          f"and input ({(reuse.functions + reuse.layer_calls) / ours.total:.0%} of the visits, if reusing cost "
          f"nothing)")

class _Repeats:
    """What reusing earlier walks could save at most: the visits made inside a user function called again with
    arguments equal to an earlier call's (the same function, tensors of the same shapes, equal plain values, the
    same objects otherwise), and inside a user layer's ``call()`` applied again with an equal instance (same class,
    equal attributes) and input.  Nested repeats are counted once, in the outermost one; per file."""

    def __init__(self, visits: _Visits) -> None:
        self.visits = visits
        self.functions = self.layer_calls = 0
        self._seen: set = set()
        self._inside = 0

    def install(self) -> None:
        frontend = source.SourceFrontend
        invoke, apply = frontend._invoke, frontend._apply_instance
        repeats = self

        def counted_invoke(self, fn, defining, args, kwargs, me, where, scope, symbolic=False, cls=None):
            key = ("f", id(fn), _key(list(args)), _key(dict(kwargs)), _key(me), symbolic)
            return repeats._run(key, "functions", invoke, self, fn, defining, args, kwargs, me, where, scope,
                                symbolic, cls)

        def counted_apply(self, instance, inputs, rest, kwargs, node, scope):
            key = ("l", id(instance.cls.node), _key(instance), _key(inputs), _key(list(rest)), _key(dict(kwargs)))
            return repeats._run(key, "layer_calls", apply, self, instance, inputs, rest, kwargs, node, scope)

        frontend._invoke, frontend._apply_instance = counted_invoke, counted_apply

    def _run(self, key, kind: str, walk, *args):
        repeated = key in self._seen
        self._seen.add(key)
        before = self.visits.total
        self._inside += repeated
        try:
            return walk(*args)
        finally:
            self._inside -= repeated
            if repeated and not self._inside:
                setattr(self, kind, getattr(self, kind) + self.visits.total - before)

    def file_done(self) -> None:
        self._seen.clear()


def _key(value, depth: int = 0):
    """An argument as a key: a tensor by its shape, plain values by value, a user layer by its class and
    attributes, anything else by identity."""
    from shapedoctor.frontends.values import Instance, LayerObject, TensorRef

    if depth > 3:
        return "..."
    if isinstance(value, TensorRef):
        return ("tensor", repr(value.builder.shape_of(value)))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, *(_key(v, depth + 1) for v in value))
    if isinstance(value, dict):
        return ("dict", *((k, _key(v, depth + 1)) for k, v in value.items()))
    if isinstance(value, (int, float, str, bool, type(None))):
        return value
    if isinstance(value, LayerObject):
        return ("layer", value.type, repr(sorted((k, repr(v)) for k, v in value.args.items())))
    if isinstance(value, Instance):
        return ("instance", id(value.cls.node), _key(dict(value.attributes), depth + 1))
    return ("object", id(value))


if __name__ == "__main__":
    main()
