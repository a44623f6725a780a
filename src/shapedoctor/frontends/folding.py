"""Constant folding for the source front-end: numbers, tuples, numpy array shapes, lambda bodies.

Every function returns UNKNOWN (or None) for what it cannot fold: never a guess.
"""

from __future__ import annotations

import ast
import operator
import re

from ..graph import MAX_OPTIONS, UNKNOWN, OneOf
from ..rules.core import LambdaBody
from ..shapes import Symbol, dim_add, dim_floordiv, dim_mul, dim_sub, is_known
from .values import ArrayValue, NumpyName

EXPAND = {"expand_dims"}
SQUEEZE = {"squeeze"}
ELEMENTWISE_OPS = {"relu", "sigmoid", "tanh", "abs", "exp", "log", "sqrt", "square", "softmax", "gelu",
                    "silu", "swish", "elu", "selu", "softplus", "negative", "sign", "l2_normalize", "cast"}


def unpack(value, n: int) -> list:
    if isinstance(value, (tuple, list)) and len(value) == n:
        return list(value)
    return [UNKNOWN] * n


def merge_uncertain(before, after, name: str):
    if before == after:
        return after
    either = one_of(before, after)
    if either is not None:
        return either
    if isinstance(before, (int, Symbol)) or isinstance(after, (int, Symbol)):
        return Symbol(name)
    return UNKNOWN


def one_of(*values):
    """The value that is one of ``values`` (each plain, or a OneOf itself), as a run-time condition chooses; None
    when one is not a choice a layer argument can be checked with: a number is a size, and becomes a symbol."""
    options: list = []
    for value in values:
        for option in value.options if isinstance(value, OneOf) else (value,):
            if not _choosable(option):
                return None
            if not any(option == known and type(option) is type(known) for known in options):
                options.append(option)
    if len(options) == 1:
        return options[0]
    return OneOf(tuple(options)) if len(options) <= MAX_OPTIONS else None


def _choosable(value) -> bool:
    """A string, a flag, None, or a tuple of plain values (``padding``, ``activation``, ``use_bias``,
    ``kernel_size=(3, 3)``)."""
    if isinstance(value, tuple):
        return all(is_plain(v) and not isinstance(v, tuple) for v in value)
    return value is None or isinstance(value, (str, bool))


def is_plain(value) -> bool:
    return isinstance(value, (bool, int, float, str, tuple, type(None))) and not isinstance(value, Symbol)


# Folding is bounded so that hostile or odd source can never make it hang or eat memory: every value it
# builds is small (an integer of at most MAX_INT_BITS bits, a tuple/list/string of at most MAX_ITEMS items, a
# symbol name of at most MAX_SYMBOL_CHARS characters), so one operation costs O(MAX_ITEMS) at worst and a file
# costs at most that per expression.  Beyond a bound the value is unknown: never a guess, never a hang.
# (Real shapes are a handful of dims far below 2**64; `a = a * a` 24 times would be a 40-million-bit integer.)
MAX_INT_BITS = 128
MAX_ITEMS = 4096
MAX_SYMBOL_CHARS = 200


def bounded(value):
    """``value`` if it is within the folding bounds, else UNKNOWN (a symbol once bound to a name)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value.bit_length() <= MAX_INT_BITS else UNKNOWN
    if isinstance(value, (tuple, list, str)):
        return value if len(value) <= MAX_ITEMS else UNKNOWN
    if isinstance(value, Symbol) and len(value.name) > MAX_SYMBOL_CHARS:
        # An expression of symbols that keeps growing (`s = s + s` 40 times): one opaque size, its own name.
        return Symbol(value.name[:40] + "...")
    return value


def _pow(left, right):
    if isinstance(left, int) and isinstance(right, int) and right > 0 \
            and max(left.bit_length() - 1, 0) * right > MAX_INT_BITS:
        return UNKNOWN  # 10**63 ** 63: would be a 13,000-bit number (and slower from there on)
    return left ** right if abs(right) < 64 else UNKNOWN


def binop(op: ast.operator, left, right):
    if bounded(left) is UNKNOWN or bounded(right) is UNKNOWN:
        return UNKNOWN
    return bounded(_binop(op, left, right))


_BITWISE = {ast.BitAnd: operator.and_, ast.BitOr: operator.or_, ast.BitXor: operator.xor}
_SHIFTS = {ast.LShift: operator.lshift, ast.RShift: operator.rshift}


def _binop(op: ast.operator, left, right):
    numeric = (int, float)
    if type(op) in _BITWISE and type(left) in (bool, int) and type(right) in (bool, int):
        return _BITWISE[type(op)](left, right)  # `(1 in ratios) & two_boxes`: bool & bool is a bool, as in Python
    if type(op) in _SHIFTS and type(left) is int and type(right) is int and 0 <= right <= MAX_INT_BITS:
        return _SHIFTS[type(op)](left, right)  # bounded() drops a result wider than MAX_INT_BITS
    if isinstance(left, bool) or isinstance(right, bool):
        return UNKNOWN
    if isinstance(left, numeric) and isinstance(right, numeric):
        try:
            return {ast.Add: lambda: left + right, ast.Sub: lambda: left - right, ast.Mult: lambda: left * right,
                    ast.FloorDiv: lambda: left // right, ast.Mod: lambda: left % right,
                    ast.Div: lambda: left / right, ast.Pow: lambda: _pow(left, right),
                    }.get(type(op), lambda: UNKNOWN)()
        except (ZeroDivisionError, OverflowError, ValueError):
            return UNKNOWN
    if type(left) is str:  # layer names: "conv_" + str(i), "block%d_conv" % i
        return _string_binop(op, left, right)
    if isinstance(left, (tuple, list)) and isinstance(right, (tuple, list)) and isinstance(op, ast.Add):
        if len(left) + len(right) > MAX_ITEMS:
            return UNKNOWN
        return type(left)(list(left) + list(right))
    if isinstance(left, (tuple, list)) and isinstance(right, int) and isinstance(op, ast.Mult) and right < 64:
        if len(left) * max(right, 0) > MAX_ITEMS:
            return UNKNOWN  # t = t * 63 four times: 31 million items
        return left * right
    ints = (int, Symbol)
    if isinstance(left, ints) and isinstance(right, ints):
        fn = {ast.Add: dim_add, ast.Sub: dim_sub, ast.Mult: dim_mul, ast.FloorDiv: dim_floordiv}.get(type(op))
        return fn(left, right) if fn else UNKNOWN
    return UNKNOWN


# printf-style fields without width, precision or flags: "%s", "%d", "%i" and "%%" (nothing pads to a width)
_PLAIN_PERCENT = re.compile(r"(?:[^%]|%[sdi%])*\Z")


def _string_binop(op: ast.operator, left: str, right):
    if isinstance(op, ast.Add) and type(right) is str:
        return left + right if len(left) + len(right) <= MAX_ITEMS else UNKNOWN
    if isinstance(op, ast.Mult) and isinstance(right, int) and 0 <= right < 64:
        return left * right if len(left) * right <= MAX_ITEMS else UNKNOWN
    if isinstance(op, ast.Mod) and _PLAIN_PERCENT.match(left):
        values = right if type(right) is tuple else (right,)
        if not all(isinstance(v, (str, int, float)) for v in values):
            return UNKNOWN
        try:
            return left % right
        except (TypeError, ValueError):
            return UNKNOWN
    return UNKNOWN


#: str methods answered when the string and the arguments are known (``layer.name.endswith("conv1")``); none
#: pads to a width an argument gives, so none makes a string much longer than its operands
STR_METHODS = {"startswith", "endswith", "lower", "upper", "strip", "lstrip", "rstrip", "split", "rsplit",
                "replace", "join", "count", "find", "rfind", "isdigit", "isalpha", "isalnum", "islower", "isupper",
                "capitalize", "title", "removeprefix", "removesuffix", "format"}
# str.format's replacement fields without a format spec or conversion ("{}", "{0}", "{name}"): no width to pad to
_PLAIN_FIELDS = re.compile(r"(?:[^{}]|\{\{|\}\}|\{\w*\})*\Z")


def string_method(text: str, attr: str, args: list, kwargs: dict):
    """``text.attr(*args, **kwargs)`` of a known string and known arguments (``'bn%d'``-style names folded to a
    layer's name); UNKNOWN for anything else."""
    def known(value):
        return type(value) in (str, int) or type(value) is tuple and all(type(v) is str for v in value) \
            or attr == "join" and type(value) in (list, tuple) and all(type(v) is str for v in value)
    if attr == "format":  # 'decoder_layer{}_block1'.format(i + 1): a dict key made in a loop
        if not _PLAIN_FIELDS.match(text) or not all(isinstance(v, (str, int)) for v in (*args, *kwargs.values())):
            return UNKNOWN
        try:
            return bounded(text.format(*args, **kwargs))
        except (IndexError, KeyError, ValueError):
            return UNKNOWN
    if kwargs or not all(map(known, args)):
        return UNKNOWN
    try:
        answer = getattr(text, attr)(*args)
    except (TypeError, ValueError):
        return UNKNOWN
    if type(answer) is list:
        return answer if len(answer) <= MAX_ITEMS else UNKNOWN
    return bounded(answer)


def reshape_array(array: ArrayValue, shape):
    if isinstance(shape, int):
        shape = (shape,)
    if not isinstance(shape, (tuple, list)) or not all(isinstance(d, int) for d in shape):
        return UNKNOWN
    size = 1
    for d in array.shape:
        if not isinstance(d, int):
            return UNKNOWN
        size *= d
    if shape.count(-1) == 1:
        known = 1
        for d in shape:
            if d != -1:
                known *= d
        if known == 0 or size % known:
            return UNKNOWN
        shape = tuple(size // known if d == -1 else d for d in shape)
    return ArrayValue(tuple(shape))


def index_array(array: ArrayValue, index: ast.expr, frontend, scope):
    """``X[..., None]``, ``X[:, :, np.newaxis]``, ``X[:80]`` on an array of known shape."""
    items = index.elts if isinstance(index, ast.Tuple) else [index]
    shape = list(array.shape)
    out = []
    position = 0
    for item in items:
        if isinstance(item, ast.Constant) and item.value is Ellipsis:
            remaining = len([i for i in items[items.index(item) + 1:] if not is_newaxis(i, frontend, scope)])
            keep = len(shape) - position - remaining
            out.extend(shape[position:position + keep])
            position += keep
        elif is_newaxis(item, frontend, scope):
            out.append(1)
        elif isinstance(item, ast.Slice):
            if position >= len(shape):
                return UNKNOWN
            bounds = [frontend._fold(b, scope) if b is not None else None for b in (item.lower, item.upper, item.step)]
            size = shape[position]
            if item.lower is None and item.upper is None and item.step is None:
                out.append(size)
            elif isinstance(size, int) and all(b is None or (type(b) is int and b is not True) for b in bounds) \
                    and bounds[2] != 0:
                out.append(len(range(size)[slice(*bounds)]))  # X[:, 0:3] of a (1661, 5) array: 3 columns
            else:
                out.append(None)  # length depends on bounds not folded: left unknown
            position += 1
        else:
            value = frontend._fold(item, scope)
            if isinstance(value, ArrayValue) and len(items) == 1 and _integer_rows(value, shape):
                # one_hot[np.random.choice(n, k, replace=False)]: k rows (an index array longer or shorter than
                # the axis cannot be a boolean mask, whose length would be the axis')
                return ArrayValue((value.shape[0], *shape[1:]))
            if not isinstance(value, int):
                return UNKNOWN
            position += 1  # an integer index drops the axis
    out.extend(shape[position:])
    return ArrayValue(tuple(out))


def _integer_rows(index: ArrayValue, shape: list) -> bool:
    """``index`` (a 1-D array) picks rows of an array of ``shape``, surely by position: its length is known and
    differs from the first axis' (a boolean mask must be exactly as long)."""
    return len(index.shape) == 1 and bool(shape) and is_known(index.shape[0]) and is_known(shape[0]) \
        and index.shape[0] != shape[0]


def is_newaxis(item: ast.expr, frontend, scope) -> bool:
    if isinstance(item, ast.Constant) and item.value is None:
        return True
    value = frontend._fold(item, scope) if isinstance(item, ast.Attribute) else UNKNOWN
    return isinstance(value, NumpyName) and value.qualname.endswith("newaxis")


def subscript_body(index: ast.expr):
    """``x[..., None]`` / ``x[:, :, None]`` on a tensor: one new axis."""
    items = index.elts if isinstance(index, ast.Tuple) else [index]
    nones = [i for i, item in enumerate(items) if isinstance(item, ast.Constant) and item.value is None]
    others_full = all(
        (isinstance(item, ast.Slice) and item.lower is None and item.upper is None and item.step is None)
        or (isinstance(item, ast.Constant) and item.value in (None, Ellipsis))
        for item in items)
    if len(nones) != 1 or not others_full:
        return None
    if isinstance(items[0], ast.Constant) and items[0].value is Ellipsis:
        return LambdaBody("expand_dims", -(len(items) - nones[0]))
    return LambdaBody("expand_dims", nones[0])


def lambda_body(node: ast.Lambda):
    """What a ``lambda x: ...`` does to shapes, when that is plain; else UNKNOWN."""
    if len(node.args.args) != 1:
        return UNKNOWN
    param = node.args.args[0].arg
    body = node.body
    if isinstance(body, ast.Name) and body.id == param:
        return LambdaBody("identity")
    if isinstance(body, ast.BinOp) and is_param_and_constant(body, param):
        return LambdaBody("identity")
    if isinstance(body, ast.Subscript) and isinstance(body.value, ast.Name) and body.value.id == param:
        result = subscript_body(body.slice)
        return result if result is not None else UNKNOWN
    if isinstance(body, ast.Call) and body.args and isinstance(body.args[0], ast.Name) \
            and body.args[0].id == param:
        fname = body.func.attr if isinstance(body.func, ast.Attribute) else getattr(body.func, "id", "")
        axis_node = body.args[1] if len(body.args) > 1 else next(
            (kw.value for kw in body.keywords if kw.arg == "axis"), None)
        axis = literal_int(axis_node)
        if fname in EXPAND and axis is not None:
            return LambdaBody("expand_dims", axis)
        if fname in SQUEEZE and axis is not None:
            return LambdaBody("squeeze", axis)
        if fname in ELEMENTWISE_OPS and len(body.args) == 1 and not body.keywords:
            return LambdaBody("identity")
    return UNKNOWN


def is_param_and_constant(body: ast.BinOp, param: str) -> bool:
    sides = [body.left, body.right]
    return (any(isinstance(s, ast.Name) and s.id == param for s in sides)
            and any(isinstance(s, ast.Constant) and isinstance(s.value, (int, float)) for s in sides))


def literal_int(node) -> int | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return -node.operand.value
    return None
