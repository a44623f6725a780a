"""What every maker of repair candidates writes with: a patch, a line, a tuple as Python writes it."""

from __future__ import annotations

from ..diagnostics import GraphPatch


def _patch(op: str, node: int, type_: str = "", **args) -> GraphPatch:
    return GraphPatch(op, node, type_, tuple(args.items()))


def _line(result) -> str:
    return str(result.node.span.line) if result.node.span else "?"


def _tuple_text(t) -> str:
    return "(" + ", ".join(str(d) for d in t) + ("," if len(t) == 1 else "") + ")"


RECURRENT = ("LSTM", "GRU", "SimpleRNN")


def recurrent_args(node) -> dict | None:
    """The arguments of the recurrent layer ``node`` is, or wraps (``Bidirectional(LSTM(...))``); None for others."""
    if node.type in RECURRENT:
        return node.args
    inner = node.args.get("layer") if node.type == "Bidirectional" else None
    if getattr(inner, "type", None) in RECURRENT:
        return inner.args
    return None


def is_recurrent(node) -> bool:
    return recurrent_args(node) is not None


def returns_sequences(node) -> bool:
    return (recurrent_args(node) or {}).get("return_sequences") is True


def set_return_sequences(node, value: bool) -> GraphPatch:
    """The patch giving ``node``'s recurrent layer ``return_sequences=value`` (the wrapped one for Bidirectional)."""
    op = "set_args" if node.type in RECURRENT else "set_wrapped_args"
    return _patch(op, node.index, return_sequences=value)


def is_shrinking_convolution(node) -> bool:
    """A convolution whose padding="valid" shrinks its input (transposed ones grow it; ConvLSTM is recurrent)."""
    return node.type.startswith(("Conv", "SeparableConv", "DepthwiseConv")) and "Transpose" not in node.type \
        and not node.type.startswith("ConvLSTM") and node.args.get("padding", "valid") == "valid"
