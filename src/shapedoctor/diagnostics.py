"""Findings and fixes as data (after ruff's Diagnostic / Fix / Edit)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .kinds import Kind


@dataclass(frozen=True)
class Edit:
    """Replace the text between two positions (1-based lines, 0-based columns)."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "col": self.col, "end_line": self.end_line, "end_col": self.end_col,
                "text": self.text}


@dataclass(frozen=True)
class GraphPatch:
    """A structural change to a model graph, independent of any front-end.

    op: "insert_before" (new layer before ``node``), "replace" (``node`` becomes the new layer),
    "set_wrapped_args" (as set_args, for the layer ``node`` wraps: ``Bidirectional(LSTM(...))``),
    "remove" (``node`` is dropped and its input passed through), "set_args" (merge ``args``
    into ``node``'s arguments), "set_input_shape" (the model's Input gets ``args["shape"]``); as
    set_input_shape, but rewritten in the source from what is written there: "tuple_shape" (an int made a
    1-tuple), "slice_shape" (``X.shape`` -> ``X.shape[1:]``), "channels_last_shape" (the written first size
    moved last), "drop_last_axis" (the written last size removed); "slice_model_input" (a functional model called inside
    another: the Input written at ``node.args["declared_at"]`` loses its first size, as slice_shape, and the call
    expects ``args["expected"]``); "dedent_after_loop" (the head written inside a loop, from ``node``'s line to the end of the loop
    ``args["loop"]`` = (first, last line), moved after the loop: it runs once, on the last pass's output);
    "unwrap" (a wrapper such as ``TimeDistributed(Dense(5))`` replaced by the layer it wraps); "insert_on_input"
    (a new layer on the input ``args["input"]`` of ``node`` only: ``Concatenate()([x, Cropping2D(...)(skip)])``);
    "set_literal" (the Input gets ``args["shape"]``, written by editing the int literal at ``args["span"]`` -- a
    builder's call argument or parameter default -- from ``args["old"]`` to ``args["value"]``); "append" (new layers
    ``args["layers"]`` = ((type, args pairs), ...) after ``node``, the model's only output: a missing head);
    "unlist_input" (``node`` is called on its one tensor instead of a list of it: ``x[0]``, or ``[x]`` unwrapped);
    "set_constant" (a module constant's int literal at ``args["span"]`` rewritten from ``args["old"]`` to
    ``args["value"]``; the graph cannot show it -- sizes are folded -- so such a fix is verified on the source);
    "respell" (a call of the model's own API spelled for an older Keras, ``compile(opt, loss, ["accuracy"])`` or
    ``Model(input=x, output=y)``: the texts ``args["insertions"]`` = ((line, col, text), ...) inserted, where
    ``args["written"]`` = ((span, ast.unparse of the code there), ...) still holds; the model is unchanged).
    """

    op: str
    node: int
    type: str = ""
    args: tuple[tuple[str, Any], ...] = ()  # (name, value) pairs, hashable

    @property
    def arg_dict(self) -> dict[str, Any]:
        return dict(self.args)


@dataclass
class Fix:
    title: str
    patches: list[GraphPatch]
    why: str = ""  # one line: why this rank
    applicability: str = "unsafe"  # "safe" | "unsafe" (changes behaviour: review) | "display-only"
    verified: bool = False
    edits: list[Edit] = field(default_factory=list)
    rank: int = 0
    group: str = ""  # candidates of one family (e.g. "factorization") are capped together
    chained: bool = False  # two fixes verified as one, the second for what the first let through

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rank": self.rank, "title": self.title, "verified": self.verified,
                               "applicability": self.applicability,
                               "edits": [e.to_json() for e in self.edits]}
        if self.why:
            out["why"] = self.why
        return out


@dataclass
class Diagnostic:
    kind: Kind
    message: str
    severity: str
    line: int
    col: int
    end_line: int
    end_col: int
    model: str = ""
    layer: str = ""
    node: int | None = None  # index of the offending node in its model graph
    explanation: list[str] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    path: str = ""

    @property
    def code(self) -> str:
        return self.kind.code

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.kind.code, "kind": self.kind.name, "severity": self.severity,
            "line": self.line, "col": self.col, "end_line": self.end_line, "end_col": self.end_col,
            "model": self.model, "layer": self.layer, "message": self.message,
            "explanation": list(self.explanation), "fixes": [f.to_json() for f in self.fixes],
        }
