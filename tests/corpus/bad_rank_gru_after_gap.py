"""CNN feature extractor then GRU, but the global pooling already removed the steps axis."""
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Conv1D(64, 5, activation="relu", input_shape=(250, 2)),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.GRU(32),  # SD101
    tf.keras.layers.Dense(4, activation="softmax"),
])
