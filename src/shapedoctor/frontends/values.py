"""The abstract values the source front-end binds to names while walking a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..graph import Span


@dataclass(frozen=True)
class Module:
    """An imported module or package, e.g. ``tensorflow.keras.layers``."""

    qualname: str


@dataclass(frozen=True)
class KerasName:
    """A class or function imported from Keras, e.g. ``keras.layers.Conv1D``."""

    qualname: str

    @property
    def leaf(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class NumpyName:
    qualname: str  # e.g. "numpy.random.rand"


@dataclass(frozen=True)
class ArrayValue:
    """A numpy array whose shape the front-end could fold (``np.zeros((100, 20, 1))``)."""

    shape: tuple


@dataclass(eq=False)
class LayerObject:
    """A layer constructed but not necessarily called yet: ``Conv1D(32, 3)``."""

    type: str
    written_type: str
    args: dict
    span: Span
    key: str  # identity of this layer object, shared by every call of it
    name: str = ""  # a name already given (an Input node turned into a Sequential's first layer)


@dataclass(frozen=True)
class TensorRef:
    """One output of a node in the scope's functional graph."""

    builder: Any  # FunctionalBuilder
    node: int
    output: int = 0


@dataclass(eq=False)
class SequentialModel:
    """A Sequential under construction (list literal and/or ``.add`` calls)."""

    name: str
    line: int
    span: Span
    items: list = field(default_factory=list)  # LayerObject | Unresolvable marker
    build_shape: Any = None
    loss: Any = None
    target_shape: Any = None
    input_array_shape: Any = None
    user_name: str | None = None
    used_inside: bool = False  # a layer of another model (then checked there)


@dataclass(eq=False)
class FunctionalModel:
    name: str
    line: int
    builder: Any
    inputs: list
    outputs: list
    loss: Any = None
    target_shape: Any = None


@dataclass(frozen=True)
class Opaque:
    """A layer-list entry whose effect cannot be known (``model.add`` under a runtime ``if``)."""

    reason: str
    span: Span


@dataclass(frozen=True)
class FunctionValue:
    """A user function defined in the file (walked once with its default arguments)."""

    name: str
    node: Any  # ast.FunctionDef
