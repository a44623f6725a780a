"""Dimensions and shapes.

A dimension is an ``int`` (known), ``None`` (batch or unknown, as in Keras) or a
:class:`Symbol` (a size the front-end could not fold, e.g. ``n_steps``).  A shape is
a tuple of dimensions, batch axis first.  Arithmetic never guesses: any operation
involving ``None`` gives ``None``; one involving a symbol gives a new symbol.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

# The dataclass of a small value the walk makes in great numbers (Symbol, Span, TensorRef, TensorArg: ~50,000 on
# the keras-io corpus): hashed and compared by its fields as a frozen dataclass is, and never changed once made,
# but not ``frozen=True``, whose ``__init__`` sets every field through ``object.__setattr__`` (~1 us per object).
value_class = dataclass(unsafe_hash=True, slots=True)


@value_class
class Symbol:
    """A dimension that is known to exist but whose value could not be folded."""

    name: str
    # which binding made it: ``size = f(vocab)`` in a loop body is a new size on every pass, though its name is
    # the same (0: a symbol named by its expression, equal wherever the same expression is read)
    binding: int = field(default=0, repr=False)

    def __str__(self) -> str:
        return self.name


Dim = Union[int, None, Symbol]
Shape = tuple  # tuple[Dim, ...]


def is_known(dim: Dim) -> bool:
    return type(dim) is int or (isinstance(dim, int) and not isinstance(dim, bool))  # (WrittenInt too)


def dims_agree(a, b) -> bool:
    """The sizes of ``a`` and ``b``, side by side, are equal wherever both are known."""
    return all(not (is_known(x) and is_known(y)) or x == y for x, y in zip(a, b))


def squeezable(longer: tuple, shorter: tuple) -> bool:
    """``longer`` is ``shorter`` plus a trailing axis of 1 (sizes compared where both are known): Keras drops or
    adds that axis itself (``squeeze_or_expand_to_same_rank`` for targets, ``_adjust_input_rank`` for inputs)."""
    return len(longer) == len(shorter) + 1 and longer[-1] == 1 and dims_agree(longer[1:-1], shorter[1:])


def _combine(a: Dim, b: Dim, op: str, fn) -> Dim:
    if a is None or b is None:
        return None
    if is_known(a) and is_known(b):
        return fn(a, b)
    return Symbol(f"{_paren(a)} {op} {_paren(b)}")


def _paren(d: Dim) -> str:
    text = str(d)
    return f"({text})" if " " in text else text


def dim_add(a: Dim, b: Dim) -> Dim:
    if is_known(b) and b < 0:
        return dim_sub(a, -b)
    if b == 0 and a is not None:
        return a
    return _combine(a, b, "+", lambda x, y: x + y)


def dim_sub(a: Dim, b: Dim) -> Dim:
    if b == 0 and a is not None:
        return a
    return _combine(a, b, "-", lambda x, y: x - y)


def dim_mul(a: Dim, b: Dim) -> Dim:
    if a == 0 or b == 0:
        return 0 if (a is not None and b is not None) else None
    if a == 1:
        return b
    if b == 1:
        return a
    return _combine(a, b, "*", lambda x, y: x * y)


def dim_floordiv(a: Dim, b: Dim) -> Dim:
    return _combine(a, b, "//", lambda x, y: x // y)


def dim_product(dims) -> Dim:
    out: Dim = 1
    for d in dims:
        out = dim_mul(out, d)
    return out


def format_dim(d: Dim) -> str:
    return "None" if d is None else str(d)


def format_shape(shape) -> str:
    if shape is None:
        return "?"
    if isinstance(shape, list):
        return "[" + ", ".join(format_shape(s) for s in shape) + "]"
    inner = ", ".join(format_dim(d) for d in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


def shape_to_json(shape: Any) -> Any:
    """Shapes in JSON: lists, null for unknown dims, strings for symbols."""
    if shape is None:
        return None
    if isinstance(shape, list):
        return [shape_to_json(s) for s in shape]
    return [d if (d is None or type(d) is int or is_known(d)) else str(d) for d in shape]  # plain ints: no call
