"""Embedding: ``(*input_shape, output_dim)`` for an input of any rank.

After ``keras/src/layers/core/embedding.py`` (Keras 3.15): ``input_dim`` and
``output_dim`` must be ``int`` (not bool, not float, not str) and positive.  The Keras 2
argument ``input_length`` is accepted, warned about and ignored: it neither checks nor
sets the sequence length (that comes from the Input).
"""

from __future__ import annotations

from ..kinds import INCOMPATIBLE_MERGE, RANK
from ..shapes import Symbol, format_shape
from .base import LayerCall, ShapeProblem, Unresolved, rule

EMBEDDING_PARAMS = ("input_dim", "output_dim", "embeddings_initializer", "embeddings_regularizer",
                    "embeddings_constraint", "mask_zero", "weights", "lora_rank", "lora_alpha",
                    "quantization_config")


def _positive_int(call: LayerCall, name: str):
    value = call.raw(name, allow_symbol=True)
    if isinstance(value, Symbol):
        return value
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise call.bad(name, value, "a positive integer")
    return value


@rule("Embedding", params=EMBEDDING_PARAMS)
def embedding(call: LayerCall, inputs):
    (shape,) = inputs
    _positive_int(call, "input_dim")
    # base.map_arguments renames the Keras 2 kwarg ``output_dim`` to ``units`` for every
    # layer; Embedding's own ``output_dim`` may therefore arrive as ``units``.
    name = "output_dim" if call.has("output_dim") or not call.has("units") else "units"
    output_dim = _positive_int(call, name)
    return (*shape, output_dim)


@rule("ReversibleEmbedding", params=("input_dim", "output_dim", "tie_weights", "embeddings_initializer",
                                     "embeddings_regularizer", "embeddings_constraint", "mask_zero", "reverse_dtype",
                                     "logit_soft_cap"))
def reversible_embedding(call: LayerCall, inputs):
    """``keras.layers.ReversibleEmbedding`` (Keras 3.15, keras/src/layers/core/reversible_embedding.py): an
    Embedding, or with the call argument ``reverse=True`` the projection back to the vocabulary (the last axis
    becomes ``input_dim``; the input's last axis meets the ``(output_dim, input_dim)`` kernel when it runs)."""
    (shape,) = inputs
    input_dim = _positive_int(call, "input_dim")
    name = "output_dim" if call.has("output_dim") or not call.has("units") else "units"
    output_dim = _positive_int(call, name)
    reverse = call.raw("reverse", False)
    if reverse is not True:
        if reverse not in (False, None):
            raise Unresolved("reverse")
        return (*shape, output_dim)
    if not shape:
        raise ShapeProblem(RANK, f"{call.label}(reverse=True) needs input (batch, ..., {output_dim}) but gets "
                                 f"{format_shape(shape)}")
    out = (*shape[:-1], input_dim)
    last = shape[-1]
    if isinstance(last, int) and isinstance(output_dim, int) and last != output_dim:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}(reverse=True) projects vectors of size {output_dim} "
                                               f"but gets {format_shape(shape)}; Keras builds the layer but the "
                                               f"matmul fails when it runs", severity="warning", output=out)
    return out
