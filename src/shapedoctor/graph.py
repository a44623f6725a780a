"""The front-end neutral model graph.

Every front-end (Python source, Keras JSON config, live model) produces
:class:`ModelGraph` objects; inference, explanations and repairs only see these.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .shapes import value_class


class _Unknown:
    """An argument value the front-end could not determine (never guessed)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<unknown>"

    def __bool__(self) -> bool:
        return False


UNKNOWN = _Unknown()


@dataclass(frozen=True)
class OneOf:
    """A value that is one of a few known ones, chosen by a condition known only at run time (``padding = "same"
    if n_steps < 60 else "valid"``).  A layer given it is checked with each one (``infer``); to everything else it
    is an unknown value."""

    options: tuple

    def __repr__(self) -> str:
        return " or ".join(repr(option) for option in self.options)


MAX_OPTIONS = 4  # a value of more possibilities than this is unknown (and a layer's combinations are bounded)


@value_class
class Span:
    """Source range: 1-based lines, 0-based columns (like Python's ``ast``)."""

    line: int
    col: int
    end_line: int
    end_col: int
    # made from another file of the project (an imported custom layer or builder): shown at the place in this file
    # that reached it, never edited there
    foreign: bool = False
    origin: str | None = None  # of a foreign span: where its code is written (``blocks.py:12``), said in messages

    def written_at(self, text: str) -> str:
        """``text``, saying where the code is written when that is another file."""
        if not self.origin or text.endswith(f" (in {self.origin})"):  # a replayed gap says it once
            return text
        return f"{text} (in {self.origin})"


@dataclass(frozen=True)
class Gap:
    """A construct a model passes through that the checker could not follow (shapes after it unchecked)."""

    line: int
    col: int
    reason: str

    def to_json(self) -> dict:
        return {"line": self.line, "col": self.col, "reason": self.reason}


class WrittenInt(int):
    """A size bound to a function's parameter from an int literal written at the call (``build_model(n_steps=4)``)
    or as the parameter's default (``def build_model(n_steps=4)``): where to edit it.  Arithmetic gives plain ints
    (``n_steps * 2`` is no longer the literal)."""

    span: Span
    param: str
    where: str  # "call" or "default"

    def __new__(cls, value: int, span: Span, param: str, where: str) -> "WrittenInt":
        made = int.__new__(cls, value)
        made.span, made.param, made.where = span, param, where
        return made

    def __reduce__(self):  # picklable, for `check -j N`
        return (WrittenInt, (int(self), self.span, self.param, self.where))


class DataDim(int):
    """``X_train.shape[k]`` of an array the front-end folded: a plain size that remembers which axis of which whole
    data set it is, so that ``input_shape=(X.shape[1], X.shape[2])`` of a 4-D ``X`` is seen to drop an axis of the
    data the model is then fit on."""

    array: tuple  # the data set's whole shape, samples first
    axis: int
    text: str  # how the data set is written (``train_x``)

    def __new__(cls, size: int, array: tuple, axis: int, text: str = "") -> "DataDim":
        made = super().__new__(cls, size)
        made.array, made.axis, made.text = tuple(array), axis, text
        return made

    def __reduce__(self):
        return DataDim, (int(self), self.array, self.axis, self.text)


def data_of_dims(shape) -> tuple | None:
    """The data set a shape written as its sizes (``(X.shape[1], X.shape[2])``) describes, batch axis None, when
    it takes that data's axes 1, 2, ... in order but not all of them; else None."""
    if not isinstance(shape, (tuple, list)) or not shape or not all(isinstance(d, DataDim) for d in shape):
        return None
    array = shape[0].array
    if any(d.array != array or d.axis != i for i, d in enumerate(shape, 1)) or len(shape) >= len(array) - 1:
        return None
    return (None, *array[1:])


@dataclass(frozen=True)
class SkippedModel:
    """A Model/Sequential/model-subclass construction that could not be built at all."""

    line: int
    reason: str

    def to_json(self) -> dict:
        return {"line": self.line, "reason": self.reason}


# A reference to one output of a node: (node index, output index).
Ref = tuple


# A key of LayerNode.written_factors: the call gave strides as a positional argument (Conv2D(32, 3, 3))
POSITIONAL_STRIDES = "@strides_positional"
# ... an Input's shape written as a tuple whose first size is a name (Input((config.buckets, config.max_len, 1))):
# an axis the author meant, not a data set's sample count copied in
NAMED_FIRST_AXIS = "@shape_named_first_axis"
# ... an op's arguments written as expressions the front-end could not fold (`tf.matmul(x, self.kernel)` with the
# kernel's shape unknown): ((parameter, text written), ...), so a message names what was written, not "x2"
UNFOLDED_OPERANDS = "@unfolded_operands"
# A key of LayerNode.args: the keyword arguments the call gave that the Keras class does not take (border_mode=,
# batch_input_shape=: Keras 2 names), {name: value}; Keras 3 raises "Unrecognized keyword arguments"
UNRECOGNIZED_KEYWORDS = "@unrecognized_keywords"
# ... the ``**settings`` of a layer's call whose value could not be folded (its text): any keyword may be in it, so
# the layer's output is not known (unless no keyword changes it: Dropout...)
UNKNOWN_KEYWORDS = "@unknown_keywords"
# ... a layer called through a function Keras 3 no longer has (Keras 1's merge(..., mode="concat")): why, and what to
# write; the layer is checked as the one meant
REMOVED_SPELLING = "@removed_spelling"


@dataclass(slots=True)
class LayerNode:
    index: int
    type: str  # canonical Keras class name, e.g. "Conv1D"
    args: dict[str, Any]  # keyword arguments, positionals already mapped to names
    inputs: list[Ref] = field(default_factory=list)
    span: Span | None = None
    name: str = ""  # user-given name= or Keras' automatic name (dense, dense_1, ...)
    written_type: str = ""  # the spelling in the source, e.g. "Convolution1D"
    list_input: bool = False  # called with a list of tensors (merge layers)
    layer_key: str | None = None  # equal for calls of one shared layer object
    path: str = ""  # location in a config file, e.g. "layers[3]"
    call_span: Span | None = None  # where the layer is called, when that differs from its constructor
    # An int argument written as a product of literals (``Dense(8 * 8 * 16)``): its factors, the user's
    # intended grouping, which a Reshape repair can restore.
    # an argument written as a product of int literals: its factors; written as a variable: () (see source.py)
    written_factors: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.written_type or self.type

    def renumbered(self, index: int, inputs: list[Ref]) -> LayerNode:
        """A copy of this node as node ``index`` of another graph, fed by ``inputs`` there."""
        # every field given by position, in the order above (see FunctionalBuilder.add)
        return LayerNode(index, self.type, self.args, inputs, self.span, self.name, self.written_type,
                         self.list_input, self.layer_key, self.path, self.call_span, self.written_factors)


@dataclass(frozen=True)
class Respelling:
    """A call of a model's own API (not a layer) written the way an older Keras spelled it, which Keras 3 reads
    otherwise or refuses: where and why, and the text insertions that spell it Keras 3's way, each checked against
    what is written where it goes (respellings.py)."""

    span: tuple[int, int, int, int]  # (line, col, end_line, end_col) of what is spelled the old way
    called: str  # "compile", "Model"
    message: str
    explanation: str
    fix_title: str
    insertions: tuple[tuple[int, int, str], ...]  # (line, col, text)
    written: tuple[tuple[tuple[int, int, int, int], str], ...]  # (span, ast.unparse of the code written there)


@dataclass
class ModelGraph:
    name: str
    kind: str  # "sequential" | "functional"
    line: int
    nodes: list[LayerNode] = field(default_factory=list)
    outputs: list[Ref] = field(default_factory=list)
    loss: Any = None  # compile(loss=...) as folded, or None
    target_shape: tuple | None = None  # shape of y if the front-end saw it (batch first)
    # the code that built it read tensors' shapes (``if x.shape[1] != filters``): a fix that changes those shapes may
    # change what the code builds, which only walking the rewritten code shows
    shapes_read: bool = False
    data_shape: tuple | None = None  # shape of the input arrays, when told (--data-shape; batch first)
    data_origin: str = ""  # the array the data shape was read from in the file (``train_x``), when it was
    build_shape: tuple | None = None  # Sequential without input: model.build(shape) / fit(x)
    unbuildable_reason: str | None = None
    gaps: list[Gap] = field(default_factory=list)  # recorded by the front-end where it lost precision
    loops: list[tuple[int, int]] = field(default_factory=list)  # (first, last line) of loops unrolled in the source
    # calls of the model's own API spelled for an older Keras (compile's Keras 2 positionals, Model(input=...))
    respellings: tuple[Respelling, ...] = ()
    # built by a KerasTuner build function: the hyperparameters' values it was built with (their defaults)
    hyperparameters: dict = field(default_factory=dict)

    def add(self, type_: str, args: dict, inputs: list[Ref], **kw) -> LayerNode:
        node = LayerNode(index=len(self.nodes), type=type_, args=args, inputs=inputs, **kw)
        self.nodes.append(node)
        return node

    def consumers(self, index: int) -> list[LayerNode]:
        return [n for n in self.nodes if any(ref[0] == index for ref in n.inputs)]

    def declares_input(self, node: LayerNode) -> bool:
        """``node`` is a Sequential's first layer whose own keywords (``input_shape=``...) declared the model's
        input: the InputLayer it reads was made from its call."""
        return bool(node.inputs) and self.nodes[node.inputs[0][0]].type == "InputLayer" \
            and self.nodes[node.inputs[0][0]].span == node.span


INPUT_SHAPE_KWARGS = ("input_shape", "input_dim", "batch_input_shape", "batch_shape")
# a first layer's input keywords -> InputLayer's own names for them (it takes no input_dim=)
INPUT_LAYER_SPELLING = {"input_shape": "shape", "batch_input_shape": "batch_shape", "batch_shape": "batch_shape",
                        "batch_size": "batch_size"}


# Layers whose input_dim= is their vocabulary size, not Keras 2's input-shape keyword (Dense(input_dim=8))
VOCABULARY_INPUT_DIM = frozenset({"Embedding", "ReversibleEmbedding", "keras_hub.ReversibleEmbedding"})


def input_args_from_layer_kwargs(args: dict, layer_type: str = "") -> dict | None:
    """Keras 2 style ``input_shape=``/``input_dim=``/``batch_input_shape=`` on a layer.

    Returns InputLayer arguments, or None when the layer declares no input.
    Removes those keys from ``args``.  For ``Embedding``, ``input_dim`` is the vocabulary size and
    Keras 2's ``input_length=`` gives the input shape (Keras 3 ignores it and builds from the data).
    """
    if layer_type in VOCABULARY_INPUT_DIM:
        length = args.get("input_length")
        kwargs = {k: args.pop(k) for k in ("input_shape", "batch_input_shape", "batch_shape") if k in args}
        if kwargs:
            # only the shape kwargs: `args` still holds input_dim, which here is the vocabulary size
            kwargs["batch_size"] = args.pop("batch_size", None)
            return input_args_from_layer_kwargs(kwargs)
        return {"shape": (length,)} if isinstance(length, int) and not isinstance(length, bool) else None
    found = {k: args.pop(k) for k in INPUT_SHAPE_KWARGS if k in args}
    batch_size = args.pop("batch_size", None)
    if "input_dim" in found and found["input_dim"] is not None:
        return {"shape": (found["input_dim"],), "batch_size": batch_size}
    if found.get("input_shape") is not None:
        return {"shape": found["input_shape"], "batch_size": batch_size}
    for key in ("batch_input_shape", "batch_shape"):
        if found.get(key) is not None:
            return {"batch_shape": found[key]}
    return None


class AutoNamer:
    """Keras' automatic layer names: dense, dense_1, dense_2, ..."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def __call__(self, type_: str) -> str:
        base = snake_case(type_)
        n = self._counts.get(base, 0)
        self._counts[base] = n + 1
        return base if n == 0 else f"{base}_{n}"


@functools.lru_cache(maxsize=4096)  # a few dozen layer classes per file, each named thousands of times
def snake_case(name: str) -> str:
    # keras.src.utils.naming.to_snake_case
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()
