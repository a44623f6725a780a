"""Attention layers: MultiHeadAttention, GroupQueryAttention, Attention, AdditiveAttention.

After ``keras/src/layers/attention/`` (Keras 3.15).

How a call reaches these rules (the contract with the front-ends):

* the node's inputs are the tensors in call order: ``mha(q, v)`` / ``mha(q, v, k)`` and
  ``Attention()([q, v])`` / ``([q, v, k])`` give ``[q, v]`` / ``[q, v, k]``;
* a tensor passed by keyword (``key=k``, ``attention_mask=m``, ``query=q``...) is one more
  input, named in the node's arguments as ``TensorArg(index)`` (see ``base.TensorArg``);
* the other call arguments (``return_attention_scores=True``, ``use_causal_mask=True``,
  ``training=``) are in the node's arguments beside the constructor's.

``return_attention_scores=True`` gives two outputs ``[output, scores]``.  The scores' shape
is the one Keras reports symbolically, which for MultiHeadAttention is always
``(batch, num_heads, Tq, Tq)`` (even where the data has ``Tv`` or several attention axes).

Attention and AdditiveAttention check nothing about shapes when built; where the data
cannot be combined (query and key widths, key and value lengths) Keras fails only when
the model runs: such calls are warnings carrying the shape Keras reports.
"""

from __future__ import annotations

from ..kinds import INCOMPATIBLE_MERGE, INVALID_ARGUMENT, RANK, UNDEFINED_DIM
from ..shapes import Symbol, format_shape
from .base import LayerCall, ShapeProblem, TensorArg, Unresolved, rule
from .einsum import analyze_einsum, require_weight_sizes
from .shape_math import broadcast_shapes

_COMMON = ("kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
           "activity_regularizer", "kernel_constraint", "bias_constraint")
MHA_PARAMS = ("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape", "attention_axes",
              "sliding_window", "flash_attention", *_COMMON, "use_gate", "seed")
GQA_PARAMS = ("head_dim", "num_query_heads", "num_key_value_heads", "dropout", "use_bias", "sliding_window",
              "flash_attention", *_COMMON, "use_gate", "seed")
MHA_CALL = ("query", "value", "key", "query_mask", "value_mask", "key_mask", "attention_mask")


def _call_tensors(call: LayerCall, inputs: list, names: tuple[str, ...]) -> dict:
    """Name the input shapes: keyword tensors by their ``TensorArg``, the others positionally."""
    named = {}
    for name in names:
        value = call.args.get(name)
        if isinstance(value, TensorArg):
            named[name] = value.index
        elif value is not None:
            raise Unresolved(name)  # a tensor the front-end could not follow
    taken = set(named.values())
    positional = [shape for i, shape in enumerate(inputs) if i not in taken]
    free = [n for n in names if n not in named]
    if len(positional) > len(free):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} takes at most {len(names)} tensors "
                                             f"({', '.join(names)}) but gets {len(inputs)}")
    tensors = dict(zip(free, positional))
    tensors.update({name: inputs[i] for name, i in named.items()})
    return tensors


def _int_arg(call: LayerCall, name: str, allow_none: bool = False):
    """Keras' ``isinstance(x, int) and x > 0`` checks (MultiHeadAttention's sizes, ``sliding_window``)."""
    value = call.raw(name, None, allow_symbol=True)
    if isinstance(value, Symbol) or (value is None and allow_none):
        return value
    if not isinstance(value, int) or value <= 0:
        raise call.bad(name, value, "a positive integer" + (" or None" if allow_none else ""))
    return value


def _check_dropout_flash(call: LayerCall) -> None:
    dropout = call.raw("dropout", 0.0)
    if call.flag("flash_attention") and isinstance(dropout, (int, float)) and dropout > 0:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(dropout={dropout!r}, flash_attention=True): flash "
                                             f"attention does not support dropout; set dropout=0.0")


def _same_except_last(call: LayerCall, value: tuple, key: tuple) -> None:
    """``value_shape[1:-1] != key_shape[1:-1]`` raises (compared as Keras does, None included)."""
    a, b = value[1:-1], key[1:-1]
    if len(a) != len(b) or any(x != y and not isinstance(x, Symbol) and not isinstance(y, Symbol)
                               for x, y in zip(a, b)):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: value {format_shape(value)} and key "
                                             f"{format_shape(key)} must agree on every axis but the last",
                           hint="the key and the value are two views of the same sequence")


def _differ(a, b) -> bool:
    """Two known sizes an einsum cannot broadcast together."""
    return isinstance(a, int) and isinstance(b, int) and a != b and 1 not in (a, b)


def _projection(free_dims: int, bound_dims: int, output_dims: int) -> tuple[str, str, int]:
    """``_build_proj_equation``: (equation, bias axes, output rank)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    free = letters[:free_dims]
    bound = letters[free_dims:free_dims + bound_dims]
    out = letters[free_dims + bound_dims:free_dims + bound_dims + output_dims]
    return f"{free}{bound},{bound}{out}->{free}{out}", out, free_dims + output_dims


def _project(call: LayerCall, what: str, shape: tuple, bound_dims: int, last: list, use_bias: bool):
    equation, bias_axes, rank = _projection(len(shape) - bound_dims, bound_dims, len(last))
    output_shape = [None] * (rank - 1 - len(last)) + list(last)
    analysis = analyze_einsum(call.label, equation, bias_axes if use_bias else None, shape, output_shape)
    require_weight_sizes(call.label, shape, analysis, f"{what} projection's ")
    return analysis


def _mask_warning(call: LayerCall, mask: tuple | None, scores: tuple, expand_at: int) -> None:
    """The attention mask, expanded as ``_masked_softmax`` does, must broadcast to the scores."""
    if mask is None:
        return
    expanded = list(mask)
    compatible = len(expanded) <= len(scores)
    for _ in range(len(scores) - len(expanded)):
        if not -len(expanded) - 1 <= expand_at <= len(expanded):  # expand_dims: "axis -5 is out of bounds"
            compatible = False
            break
        position = len(expanded) + 1 + expand_at  # expand_dims(axis=expand_at), a negative axis
        expanded.insert(position, 1)
    if compatible:
        try:
            broadcast_shapes(call, tuple(expanded), scores)
        except ShapeProblem:
            compatible = False
    if not compatible:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: attention_mask {format_shape(mask)} does not fit the "
                                             f"attention scores {format_shape(scores)}",
                           hint="the mask is (batch, query length, key length)")


@rule("MultiHeadAttention", params=MHA_PARAMS, multi_input=True)
def multi_head_attention(call: LayerCall, inputs):
    heads = _int_arg(call, "num_heads")
    key_dim = _int_arg(call, "key_dim")
    value_dim = _int_arg(call, "value_dim", allow_none=True) or key_dim
    output_shape = call.raw("output_shape", None)
    if output_shape:
        if isinstance(output_shape, int):
            output_shape = (output_shape,)
        elif isinstance(output_shape, (list, tuple, str)):
            output_shape = tuple(output_shape)
        else:
            raise call.bad("output_shape", output_shape, "an integer, a tuple or a list")
    axes = call.raw("attention_axes", None)
    if isinstance(axes, int):
        axes = (axes,)
    elif axes and not isinstance(axes, (list, tuple)):
        raise call.bad("attention_axes", axes, "an integer, a list or a tuple")
    _int_arg(call, "sliding_window", allow_none=True)
    _check_dropout_flash(call)
    use_bias = call.flag("use_bias", True)

    tensors = _call_tensors(call, inputs, MHA_CALL)
    if "query" not in tensors or "value" not in tensors:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs a query and a value: call it as layer(query, value)")
    query, value = tensors["query"], tensors["value"]
    key = tensors.get("key", value)
    _same_except_last(call, value, key)
    # build(): the query, key, (gate,) value and output projections, in Keras' order.
    projected = _project(call, "query", query, 1, [heads, key_dim], use_bias)
    _project(call, "key", key, 1, [heads, key_dim], use_bias)
    if call.flag("use_gate"):
        _project(call, "gate", query, 1, [heads, value_dim], use_bias)
    _project(call, "value", value, 1, [heads, value_dim], use_bias)
    rank = len(value) + 1  # the rank of the projected value, which the attention equations are built for
    if axes is None or (not axes and not isinstance(axes, (list, tuple))):
        axes = tuple(range(1, rank - 2))
    else:
        axes = tuple(a if a >= 0 else (rank - 1) + a for a in axes)
    for a in axes:
        if not -rank <= a < rank:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(attention_axes={call.args.get('attention_axes')!r}) "
                                                 f"on query {format_shape(query)}: axis {a} is out of range",
                               hint="Keras: index out of bounds")
    last = list(output_shape) if output_shape else [query[-1]]
    dense_input = (*projected.output[:-1], value_dim)
    _project(call, "output", dense_input, 2, last, use_bias)
    _same_except_last(call, value, key)  # compute_output_shape checks again
    output = (*query[:-1], *output_shape) if output_shape else query
    outputs = output
    if call.flag("return_attention_scores"):
        outputs = [output, (query[0], heads, query[1], query[1])]

    # What fails only when the model runs.
    if not axes:
        raise ShapeProblem(RANK, f"{call.label} on query {format_shape(query)}: no axis is left to attend over; "
                                 f"Keras builds the layer but fails when it runs",
                           severity="warning", output=outputs, hint="give the query a sequence axis: (batch, T, dim)")
    if len(query) != len(value):
        raise ShapeProblem(RANK, f"{call.label}: query {format_shape(query)} and value {format_shape(value)} have "
                                 f"different ranks; Keras builds the layer but fails when it runs",
                           severity="warning", output=outputs)
    # _compute_attention: ops.dot_product_attention (which ignores attention_axes) for a rank-3 query with no
    # dropout and no scores returned; otherwise the einsums of _build_attention_equation.
    dropout = call.maybe("dropout", 0.0)
    einsums = (call.flag("return_attention_scores") or rank != 4
               or not isinstance(dropout, (int, float)) or dropout > 0)
    if einsums and rank - 1 in axes:
        # the attention axis is the projected key_dim axis: the scores' einsum names it twice in its output
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(attention_axes={call.args.get('attention_axes')!r}) on "
                                             f"query {format_shape(query)}: axis {rank - 1} is the projected "
                                             f"key_dim axis, and the attention scores' einsum fails; Keras builds "
                                             f"the layer but fails when it runs", severity="warning", output=outputs,
                           hint=f"attention axes are the query's axes 1..{rank - 3} (not the batch or the last)")
    # _build_attention_equation: the scores are the projected query's batch axes (all but the attention axes
    # and the last; the heads axis is one of them), then the query's and the key's attention axes
    projected_query, projected_key = (*query[:-1], heads, key_dim), (*key[:-1], heads, key_dim)
    batch_axes = [i for i in range(rank) if i not in axes and i != rank - 1]
    if einsums:
        for i in batch_axes:
            if 0 < i < len(query) - 1 and _differ(query[i], key[i]):
                raise ShapeProblem(
                    INCOMPATIBLE_MERGE, f"{call.label}(attention_axes={call.args.get('attention_axes')!r}): query "
                                        f"{format_shape(query)} and key {format_shape(key)} differ on axis {i}, which "
                                        f"is not an attention axis ({query[i]} vs {key[i]}); Keras builds the layer "
                                        f"but the attention einsum fails when it runs",
                    severity="warning", output=outputs,
                    hint="the query and the key must agree on every axis but the attention axes and the last")
    scores = (*[projected_query[i] for i in batch_axes], *[projected_query[i] for i in axes],
              *[projected_key[i] for i in axes])
    masks = [tensors.get("attention_mask")]
    if call.flag("use_causal_mask"):  # _compute_causal_mask: (1, query length, value length), axis 1 of each
        masks.append((1, query[1], value[1]))
    try:
        for mask in masks:
            _mask_warning(call, mask, scores, -2 * len(axes) - 1)
    except ShapeProblem as problem:
        message = problem.message if mask is not masks[-1] or len(masks) == 1 else \
            f"{call.label}(use_causal_mask=True): the causal mask {format_shape(mask)} (query length, value " \
            f"length) does not fit the attention scores {format_shape(scores)}"
        raise ShapeProblem(problem.kind, message + "; Keras builds the layer but fails when it runs",
                           severity="warning", output=outputs, hint=problem.hint) from None
    return outputs


@rule("GroupQueryAttention", params=GQA_PARAMS, multi_input=True, aliases=("GroupedQueryAttention",))
def group_query_attention(call: LayerCall, inputs):
    head_dim = call.raw("head_dim", None, allow_symbol=True)
    query_heads = call.raw("num_query_heads", None, allow_symbol=True)
    kv_heads = call.raw("num_key_value_heads", None, allow_symbol=True)
    for name, value in (("head_dim", head_dim), ("num_query_heads", query_heads),
                        ("num_key_value_heads", kv_heads)):
        if isinstance(value, Symbol):
            raise Unresolved(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise call.bad(name, value, "a positive integer")
    if kv_heads == 0 or query_heads % kv_heads:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(num_query_heads={query_heads!r}, num_key_value_heads="
                                             f"{kv_heads!r}): num_query_heads must be a multiple of "
                                             f"num_key_value_heads")
    _int_arg(call, "sliding_window", allow_none=True)
    if head_dim <= 0:  # 1 / sqrt(head_dim)
        raise call.bad("head_dim", head_dim, "a positive integer")
    _check_dropout_flash(call)
    use_bias = call.flag("use_bias", True)

    tensors = _call_tensors(call, inputs, MHA_CALL)
    if "query" not in tensors or "value" not in tensors:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs a query and a value: call it as layer(query, value)")
    query, value = tensors["query"], tensors["value"]
    key = tensors.get("key", value)
    extra = 0
    for what, equation, shape, heads, bias in (
            ("query", "bqm,muh->bquh", query, query_heads, "uh"),
            ("key", "bkm,mvh->bkvh", key, kv_heads, "vh"),
            ("gate", "bqm,muh->bquh", query if call.flag("use_gate") else None, query_heads, "uh"),
            ("value", "bkm,mvh->bkvh", value, kv_heads, "vh")):
        if shape is None:
            continue
        analysis = analyze_einsum(call.label, equation, bias if use_bias else None, shape, (None, heads, head_dim))
        require_weight_sizes(call.label, shape, analysis, f"{what} projection's ")
        extra = max(extra, analysis.extra_axes)
    # the output projection back to the query's features: its kernel is (num_query_heads, head_dim, query[-1])
    output = analyze_einsum(call.label, "bquh,uhm->bqm", "m" if use_bias else None,
                            (None, None, query_heads, head_dim), (None, query[-1]))
    require_weight_sizes(call.label, query, output, "output projection's ")
    if query[-1] != value[-1]:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: query {format_shape(query)} and value "
                                             f"{format_shape(value)} must have the same last dimension "
                                             f"({query[-1]} != {value[-1]})")
    _same_except_last(call, value, key)
    outputs = query
    if call.flag("return_attention_scores"):
        kv_length = (value if "key" not in tensors else key)[1]
        outputs = [query, (query[0], query_heads, query[1], kv_length)]
    if extra:
        raise ShapeProblem(RANK, f"{call.label} needs query, key and value (batch, length, features) but gets "
                                 f"{format_shape(query)}, {format_shape(key)}, {format_shape(value)}; Keras builds "
                                 f"the layer but fails when it runs", severity="warning", output=outputs)
    scores = (query[0], query_heads, query[1], key[1])
    try:
        _mask_warning(call, tensors.get("attention_mask"), scores, -3)
    except ShapeProblem as problem:
        raise ShapeProblem(problem.kind, problem.message + "; Keras builds the layer but fails when it runs",
                           severity="warning", output=outputs, hint=problem.hint) from None
    return outputs


def _matmul_fails(a: tuple, b: tuple) -> bool:
    """Would ``matmul(a, b)`` fail on these known sizes (inner sizes or batch axes that differ)?"""
    if len(a) < 2 or len(b) < 2:
        return False
    inner = (a[-1], b[-2])
    if None not in inner and not any(isinstance(d, Symbol) for d in inner) and inner[0] != inner[1]:
        return True
    return _broadcast_fails(a[:-2], b[:-2])


def _broadcast_fails(a: tuple, b: tuple) -> bool:
    for x, y in zip(reversed(a), reversed(b)):
        if isinstance(x, int) and isinstance(y, int) and x != y and 1 not in (x, y):
            return True
    return False


@rule("AdditiveAttention", params=("use_scale", "dropout"), multi_input=True)
@rule("Attention", params=("use_scale", "score_mode", "dropout", "seed"), multi_input=True)
def dot_attention(call: LayerCall, inputs):
    additive = call.type == "AdditiveAttention"
    score_mode = "additive" if additive else call.raw("score_mode", "dot")
    if score_mode not in ("dot", "concat", "additive"):
        raise call.bad("score_mode", score_mode, "'dot' or 'concat'")
    if not 2 <= len(inputs) <= 3:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} takes a list [query, value] or [query, value, key] "
                                             f"but gets {len(inputs)} tensor{'s' if len(inputs) != 1 else ''}")
    query, value = inputs[0], inputs[1]
    key = inputs[2] if len(inputs) > 2 else value
    if additive and call.flag("use_scale", True) and query[-1] is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label}(use_scale=True) needs the query's last dimension to be "
                                          f"known (one scale per feature) but gets {format_shape(query)}")
    output = (*query[:-1], value[-1])
    outputs = output
    if call.flag("return_attention_scores"):
        outputs = [output, (*query[:-1], key[-2])]
    # What fails only when the model runs.
    if score_mode == "dot":
        fails = _matmul_fails(query, (*key[:-2], key[-1], key[-2])) if len(key) >= 2 else False
        why = f"query {format_shape(query)} and key {format_shape(key)} must have the same last dimension"
    else:
        fails = _broadcast_fails(query[-1:], key[-1:]) or _broadcast_fails(query[:-2], key[:-2])
        why = f"query {format_shape(query)} and key {format_shape(key)} must have the same last dimension"
    if not fails and len(query) >= 2:
        fails = _matmul_fails((*query[:-1], key[-2]), value)
        why = (f"key {format_shape(key)} and value {format_shape(value)} must have the same length "
               f"(the axis before the last)")
    if fails:  # two tensors that cannot be multiplied: the kind Keras' torch failure is classified as
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: {why}; Keras builds the layer but fails when it runs",
                           severity="warning", output=outputs)
    return outputs
