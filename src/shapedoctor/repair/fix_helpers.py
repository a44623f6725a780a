"""What every maker of repair candidates writes with: a patch, a line, a tuple as Python writes it."""

from __future__ import annotations

from ..diagnostics import GraphPatch


def _patch(op: str, node: int, type_: str = "", **args) -> GraphPatch:
    return GraphPatch(op, node, type_, tuple(args.items()))


def _line(result) -> str:
    return str(result.node.span.line) if result.node.span else "?"


def _tuple_text(t) -> str:
    return "(" + ", ".join(str(d) for d in t) + ("," if len(t) == 1 else "") + ")"
