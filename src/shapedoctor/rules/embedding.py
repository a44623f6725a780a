"""Embedding: ``(*input_shape, output_dim)`` for an input of any rank.

After ``keras/src/layers/core/embedding.py`` (Keras 3.15): ``input_dim`` and
``output_dim`` must be ``int`` (not bool, not float, not str) and positive.  The Keras 2
argument ``input_length`` is accepted, warned about and ignored: it neither checks nor
sets the sequence length (that comes from the Input).
"""

from __future__ import annotations

from ..shapes import Symbol
from .base import LayerCall, rule

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
