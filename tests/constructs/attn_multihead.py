"""MultiHeadAttention: self-attention, cross-attention of different lengths, output_shape=, attention scores."""
import keras
from keras import layers

query_seq = keras.Input(shape=(10, 32), name="query")
context_seq = keras.Input(shape=(25, 48), name="context")

self_att = layers.MultiHeadAttention(num_heads=4, key_dim=8)(query_seq, query_seq)
cross = layers.MultiHeadAttention(num_heads=2, key_dim=16)(self_att, context_seq)
projected, scores = layers.MultiHeadAttention(num_heads=2, key_dim=16, output_shape=24)(
    cross, context_seq, return_attention_scores=True)
x = layers.GlobalAveragePooling1D()(projected)
outputs = layers.Dense(1)(x)
model = keras.Model([query_seq, context_seq], outputs)
scores_model = keras.Model([query_seq, context_seq], scores)
