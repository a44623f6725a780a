"""What every maker of repair candidates writes with: a patch, a line, a tuple as Python writes it."""

from __future__ import annotations

from ..diagnostics import Fix, GraphPatch
from ..graph import WrittenInt
from ..infer import Inference
from ..rules import RULES, canonical_type


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


# elementwise, or normalising the last axis: the same on inputs of any rank and width (left unwrapped, walked through)
ANY_RANK = {"Activation", "ReLU", "LeakyReLU", "ELU", "PReLU", "Softmax", "Dropout", "GaussianNoise",
            "GaussianDropout", "AlphaDropout", "BatchNormalization", "LayerNormalization"}

_GLOBAL_POOL = {3: "GlobalAveragePooling1D", 4: "GlobalAveragePooling2D", 5: "GlobalAveragePooling3D"}


def _channels_first_everywhere(inference: Inference, rank: int, why: str) -> Fix | None:
    """data_format="channels_first" on every layer that has one, BatchNormalization and Concatenate on axis 1."""
    patches = [_patch("set_args", r.node.index, data_format="channels_first") for r in inference.results
               if "data_format" in getattr(RULES.get(r.node.type), "params", ())
               and r.node.args.get("data_format", "channels_last") == "channels_last"]
    patches += [_patch("set_wrapped_args", r.node.index, data_format="channels_first") for r in inference.results
                if r.node.type == "TimeDistributed" and hasattr(r.node.args.get("layer"), "args")
                and "data_format" in getattr(RULES.get(canonical_type(r.node.args["layer"].type)), "params", ())
                and r.node.args["layer"].args.get("data_format", "channels_last") == "channels_last"]
    if not patches:
        return None
    normalizations = [_patch("set_args", r.node.index, axis=1) for r in inference.results
                      if r.node.type == "BatchNormalization" and r.node.args.get("axis", -1) == -1]
    merges = [_patch("set_args", r.node.index, axis=1) for r in inference.results
              if canonical_type(r.node.type) == "Concatenate" and isinstance(r.node.args.get("axis", -1), int)
              and r.node.args.get("axis", -1) % rank == rank - 1]
    also = " and ".join(name for name, there in (("BatchNormalization", normalizations), ("Concatenate", merges))
                        if there)
    also = f", and axis=1 on {also}" if also else ""
    return Fix(f'set data_format="channels_first" on every convolution and pooling layer{also}',
               patches + normalizations + merges,
               why=f"{why} (the torch and JAX backends run channels_first on CPU; TensorFlow's CPU pooling does not)")


def set_written_arg(node, name: str, value) -> tuple[GraphPatch, str]:
    """A patch giving ``node`` argument ``name`` = ``value``: where the current value is an int literal passed at a
    builder's call or written as its parameter's default (``concat_fun(embeddings, axis=1)``), that literal is
    edited -- the calls that pass another value keep it; else the layer's own call.  Also how to say where."""
    current = node.args.get(name)
    if isinstance(current, WrittenInt) and current.span is not None:
        span = current.span
        where = (f" (passed as {current.param}= at the call, line {span.line})" if current.where == "call"
                 else f" (the default of {current.param}, line {span.line})")
        return _patch("set_literal", node.index, arg=name, value=value, old=int(current),
                      span=(span.line, span.col, span.end_line, span.end_col)), where
    return _patch("set_args", node.index, **{name: value}), ""
