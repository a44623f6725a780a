"""The abstract values the source front-end binds to names while walking a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..graph import Span
from ..shapes import value_class


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
    """A numpy array whose shape the front-end could fold (``np.zeros((100, 20, 1))``); ``values``: a short vector's
    numbers too, when they fold (``np.linspace(0, 0.2, 8)``: drop rates a loop reads one by one)."""

    shape: tuple
    values: tuple | None = None


class ArrayShape(tuple):
    """``X_train.shape`` of an array the front-end folded: a plain shape tuple that remembers it was written as a
    whole data set's shape (its first axis the samples), for ``Input(shape=X_train.shape)``."""

    text: str | None  # None once sliced or rebuilt: X_train.shape[1:] is no longer the whole data's shape

    def __new__(cls, shape: tuple, text: str | None = None) -> "ArrayShape":
        made = super().__new__(cls, shape)
        made.text = text
        return made

    def __reduce__(self):
        return ArrayShape, (tuple(self), self.text)


@dataclass(eq=False)
class LayerObject:
    """A layer constructed but not necessarily called yet: ``Conv1D(32, 3)``."""

    type: str
    written_type: str
    args: dict
    span: Span
    key: str  # identity of this layer object, shared by every call of it
    name: str = ""  # a name already given (an Input node turned into a Sequential's first layer)
    written_factors: dict = field(default_factory=dict)  # LayerNode.written_factors
    # a Keras object that is not a layer (a loss, metric, schedule, initializer...: its module's name); calling it
    # on tensors or arrays computes a value, never a layer of a model
    not_a_layer: str = ""


@value_class
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
    fitted: bool = False  # fit() was called: a Sequential without an input shape is built by the first fit's data
    user_name: str | None = None
    used_inside: bool = False  # a layer of another model (then checked there)
    call_shape: Any = None  # no declared input: the shape of the tensor it was first called on
    # where the walk was when the model was made: inside how many branches or loop bodies that may not run, and
    # how many branches it took on a condition it could decide (see SourceFrontend._walk_uncertain)
    made_uncertain: int = 0
    made_in_branches: int = 0


@dataclass(eq=False)
class FunctionalModel:
    name: str
    line: int
    builder: Any
    inputs: list
    outputs: list
    loss: Any = None
    target_shape: Any = None
    output_value: Any = None  # the outputs as written (a tensor, a list or a dict), what calling it returns
    default_name: str = "model"  # when no name= is given and it is bound to no name
    # node index -> the entry of model.layers it belongs to, when that is a nested model (a backbone's stem)
    layer_of_node: dict | None = None
    given_name: str | None = None  # the name= it was built with: what `model.name` reads
    fit_data_shape: Any = None  # the input array fit() got, when its shape folds (batch axis None)
    fed_shapes: list = field(default_factory=list)  # the whole shapes of the arrays fit/evaluate/predict got


@dataclass(frozen=True)
class Opaque:
    """A layer-list entry whose effect cannot be known (``model.add`` under a runtime ``if``)."""

    reason: str
    span: Span


@dataclass(frozen=True)
class FunctionValue:
    """A user function defined in the file: inlined where it is called, else walked once on its own."""

    name: str
    node: Any  # ast.FunctionDef
    scope: Any = field(default=None, compare=False, hash=False)  # where it was defined (its closure)


@dataclass(eq=False)
class ClassValue:
    """A class defined in the file. ``kind``: "model" (a keras.Model subclass), "layer" (a keras Layer
    subclass) or "plain" (any other class: research-code builders keep models in attributes)."""

    name: str
    node: Any  # ast.ClassDef
    kind: str
    bases: list  # the ClassValues among its bases, for method lookup
    scope: Any = None
    # the Keras layer class it extends, when that has a rule (``class StdConv(layers.Conv2D)``): what its
    # instances compute where the class does not say otherwise
    keras_base: str | None = None
    # a Keras 2 class it extends that Keras 3 no longer has (``class AttentionLSTM(Recurrent)``): why its layers
    # cannot be followed, and why the code fails to import on Keras 3
    removed_base: str = ""

    def method(self, name: str):
        """The ``def`` of ``name`` in this class or its user-defined bases (depth-first, as a simple MRO)."""
        for stmt in self.node.body:
            if getattr(stmt, "name", None) == name and type(stmt).__name__ in ("FunctionDef", "AsyncFunctionDef"):
                return stmt, self
        for base in self.bases:
            found = base.method(name)
            if found is not None:
                return found
        return None


@dataclass(eq=False)
class Instance:
    """An instance of a user class: the attributes its ``__init__`` (and ``build``) assigned."""

    cls: ClassValue
    line: int
    attributes: dict = field(default_factory=dict)
    built: bool = False
    name: str = ""
    # a subclassed model as a model of its own: the input shape known from build()/fit(X)/model(X)
    build_shape: Any = None
    # fit({"a": A, "b": B}) / fit([A, B]): the shape of each input by key or position (batch None)
    data_shapes: Any = None
    loss: Any = None
    target_shape: Any = None
    called_on_tensor: bool = False
    functional: Any = None  # ``super().__init__(inputs, outputs)``: the FunctionalModel it is
    # an instance of a Keras layer subclass: the Keras layer made of the arguments its constructor (or its
    # ``super().__init__``) passed on
    base_layer: Any = None
    # Keras 2's input_shape= / input_dim= given to a user layer whose constructor passes them on to Keras' own
    # (``MyDense(30, input_shape=(8,))`` with ``**kwargs``): the Input a Sequential it starts gets
    input_args: Any = None


@dataclass(frozen=True)
class WeightValue:
    """``self.add_weight(shape=...)`` / a constant array used in tensor arithmetic: a shape, no batch axis."""

    shape: tuple


@dataclass(frozen=True)
class UnknownNumber:
    """A number (not a size) that could not be folded, e.g. ``head_dim ** -0.5``: a scalar in tensor math."""

    text: str


@dataclass(frozen=True)
class UnknownSequence:
    """A list whose length is not known (appended to in a loop): ``len()`` of it is a symbol."""

    name: str


def declares_no_input(node) -> bool:
    """``node`` is the Input shapedoctor gave a model that declares none (a Sequential never built nor called on a
    known shape), its sizes named ``input[0]``, ``input[1]``... as ``SymbolicShape(UNDECLARED)`` makes them."""
    shape = node.args.get("shape") if node.type == "InputLayer" else None
    return isinstance(shape, tuple) and bool(shape) and shape == SymbolicShape(UNDECLARED).dims(len(shape))


UNDECLARED = "input"  # the base of the sizes of an Input no code declares


@dataclass(frozen=True)
class SymbolicShape:
    """A shape whose rank is not known here (``Input(shape=input_shape)`` with ``input_shape`` a parameter,
    ``x_train.shape[1:]`` of data): its dimensions are named ``{base}[{offset}]``, ``{base}[{offset + 1}]``...
    and its rank is settled later from the layers that consume it."""

    base: str
    offset: int = 0
    prefix: tuple = ()  # (None, *x_train.shape[2:]): known leading sizes

    def dims(self, rank: int) -> tuple:
        """The shape with ``rank`` named sizes after the known prefix."""
        from ..shapes import Symbol

        return self.prefix + tuple(Symbol(f"{self.base}[{self.offset + i}]") for i in range(rank))
