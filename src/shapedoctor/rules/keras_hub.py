"""KerasHub (formerly KerasNLP) modeling layers: ``keras_hub.layers.*`` / ``keras_nlp.layers.*``
(keras_hub/src/layers/modeling, KerasHub 0.32).

They are Keras 3 layers from another package, so their node types carry a ``keras_hub.`` prefix:
``keras.layers`` has no ``TransformerEncoder``, and that spelling must stay unknown.  Expected values in
``tests/rules/expected_keras_hub.json`` were recorded from the real package (record_keras_hub.py).
"""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, RANK
from ..shapes import format_shape, is_known
from .base import LayerCall, ShapeProblem, rule

#: class names the front-ends map to ``keras_hub.<name>`` node types
KERAS_HUB_LAYERS = frozenset({"TokenAndPositionEmbedding", "PositionEmbedding", "SinePositionEncoding",
                              "TransformerEncoder", "TransformerDecoder", "FNetEncoder", "ReversibleEmbedding"})


def _heads_fit(call: LayerCall, shape: tuple) -> None:
    """TransformerEncoder/Decoder: ``key_dim = hidden_dim // num_heads`` must be at least 1."""
    heads = call.dim("num_heads")
    if is_known(shape[-1]) and isinstance(heads, int) and shape[-1] // heads < 1:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(num_heads={heads}) on {format_shape(shape)}: the "
                                             f"hidden size {shape[-1]} is smaller than the number of heads")


@rule("keras_hub.TokenAndPositionEmbedding", params=("vocabulary_size", "sequence_length", "embedding_dim",
                                                     "tie_weights", "embeddings_initializer", "mask_zero"))
def token_and_position_embedding(call: LayerCall, inputs):
    (shape,) = inputs
    call.dim("vocabulary_size")
    call.dim("sequence_length")
    return (*shape, call.dim("embedding_dim"))  # any rank: the position table is sliced to the input


@rule("keras_hub.PositionEmbedding", params=("sequence_length", "initializer"))
def position_embedding(call: LayerCall, inputs):
    (shape,) = inputs
    call.dim("sequence_length")
    if len(shape) < 2:
        raise ShapeProblem(RANK, f"{call.label} needs input (batch, sequence, features) but gets "
                                 f"{format_shape(shape)}")
    return shape


@rule("keras_hub.SinePositionEncoding", params=("max_wavelength",))
def sine_position_encoding(call: LayerCall, inputs):
    (shape,) = inputs
    if len(shape) < 2:
        raise ShapeProblem(RANK, f"{call.label} needs input (batch, sequence, features) but gets "
                                 f"{format_shape(shape)}")
    return shape


@rule("keras_hub.TransformerEncoder", params=("intermediate_dim", "num_heads", "dropout", "activation",
                                              "layer_norm_epsilon", "kernel_initializer", "bias_initializer",
                                              "normalize_first"))
def transformer_encoder(call: LayerCall, inputs):
    (shape,) = inputs
    call.dim("intermediate_dim")
    _heads_fit(call, shape)
    return shape


@rule("keras_hub.TransformerDecoder", params=("intermediate_dim", "num_heads", "dropout", "activation",
                                              "layer_norm_epsilon", "kernel_initializer", "bias_initializer",
                                              "normalize_first"), multi_input=True)
def transformer_decoder(call: LayerCall, inputs):
    """``decoder(decoder_sequence, encoder_sequence=None)``: the output has the decoder sequence's shape."""
    decoder = inputs[0]
    call.dim("intermediate_dim")
    _heads_fit(call, decoder)
    # the cross-attention projects the encoder sequence itself: its width may differ from the decoder's
    return decoder


@rule("keras_hub.FNetEncoder", params=("intermediate_dim", "dropout", "activation", "layer_norm_epsilon",
                                       "kernel_initializer", "bias_initializer"))
def f_net_encoder(call: LayerCall, inputs):
    (shape,) = inputs
    call.dim("intermediate_dim")
    return shape


@rule("keras_hub.ReversibleEmbedding", params=("input_dim", "output_dim", "tie_weights", "embeddings_initializer",
                                               "embeddings_regularizer", "embeddings_constraint", "mask_zero",
                                               "reverse_dtype", "logit_soft_cap"))
def reversible_embedding(call: LayerCall, inputs):
    (shape,) = inputs
    call.dim("input_dim")
    return (*shape, call.dim("output_dim"))
