"""Repair candidates found in the source rather than the graph: a module constant that sizes are derived from
(``DEFAULT_FEATURE_SIZE = 60`` and PSPNet's pool sizes ``60 // factor``, worked out for 480-pixel inputs), given
the size the failing layer actually gets.  The graph holds only the folded sizes, so each candidate value is
written into the source and the whole file checked again: a fix is kept only when that re-check is clean."""

from __future__ import annotations

import ast

from ..diagnostics import Fix, GraphPatch
from ..shapes import is_known

# the findings a size worked out for another input causes
_KINDS = {"negative-length", "incompatible-merge", "kernel-too-long"}
MAX_TRIES = 12  # re-checks of the whole file per file: only files with such findings and no other fix pay them


def add_constant_fits(report, target_shape=None) -> None:
    """Give each error of ``_KINDS`` the constant refit that makes its model build, if any: a module constant
    whose value the failing layer's sizes are a multiple or a fraction of."""
    text = getattr(report, "text", None)
    pending = [(i, d) for i, model in enumerate(report.models) for d in model.inference.diagnostics
               if d.severity == "error" and d.kind.name in _KINDS and d.node is not None]
    if not text or not pending:
        return
    constants = _module_constants(text)
    if not constants:
        return
    from .rewrite import verify_source

    tried: dict = {}
    for model_index, diagnostic in pending:
        inference = report.models[model_index].inference
        result = inference.results[diagnostic.node]
        for name, node, value in _candidates(constants, result):
            key = (model_index, name, value)
            if key not in tried:
                if len(tried) >= MAX_TRIES:
                    return
                new_text = _with_value(text, node, value)
                tried[key] = verify_source(report, model_index, new_text, target_shape, diagnostic.kind)
            if tried[key]:
                span = (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
                patch = GraphPatch("set_constant", diagnostic.node, "",
                                   (("span", span), ("old", node.value), ("value", value)))
                # after the graph's own fixes (each names what it changes in the model); this one is checked on
                # the source alone
                diagnostic.fixes.append(Fix(f"set {name} = {value} (line {node.lineno})", [patch],
                                            why=f"the sizes derived from {name} = {node.value} were worked out for "
                                                f"another input; {result.node.label} gets {_sizes(result)}",
                                            verified=True, rank=len(diagnostic.fixes) + 1))
                break


def _module_constants(text: str) -> dict[str, ast.Constant]:
    """``NAME = <int>`` at module level, assigned once and read somewhere: name -> the literal."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}
    assigned: dict[str, list] = {}
    for stmt in ast.walk(tree):
        for target in (stmt.targets if isinstance(stmt, ast.Assign) else
                       [stmt.target] if isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) else []):
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    assigned.setdefault(name.id, []).append(stmt)
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    found = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                and isinstance(stmt.value, ast.Constant) and type(stmt.value.value) is int and stmt.value.value > 1:
            name = stmt.targets[0].id
            if name in read and len(assigned.get(name, ())) == 1:
                found[name] = stmt.value
    return found


def _candidates(constants: dict, result):
    """(name, literal, value): each constant with each spatial size the failing layer gets, nearest first."""
    sizes = []
    for shape in result.input_shapes or []:
        if shape and len(shape) >= 3:
            sizes += [d for d in shape[1:-1] if is_known(d) and d > 1]
    sizes = list(dict.fromkeys(sizes))
    written = [v for arg in result.node.args.values() for v in (arg if isinstance(arg, (tuple, list)) else (arg,))
               if type(v) is int and v > 1]
    for name, node in constants.items():
        if not any(node.value % v == 0 or v % node.value == 0 for v in written):
            continue  # no size of the failing layer is derived from it
        for value in sorted(sizes, key=lambda v: abs(v - node.value)):
            if value != node.value:
                yield name, node, value


def _sizes(result) -> str:
    shape = result.input_shapes[0] if result.input_shapes else None
    return "a " + " x ".join(str(d) for d in shape[1:-1]) + " map" if shape and len(shape) >= 3 else "its input"


def _with_value(text: str, node: ast.Constant, value: int) -> str:
    from .rewrite import _Text

    t = _Text(text)  # ast columns count UTF-8 bytes
    start = t.offset(node.lineno, t.char_col(node.lineno, node.col_offset))
    end = t.offset(node.end_lineno, t.char_col(node.end_lineno, node.end_col_offset))
    return text[:start] + str(value) + text[end:]
