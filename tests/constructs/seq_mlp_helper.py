"""A helper returning a Sequential MLP block (no input shape), applied to tensors of two widths."""
import tensorflow as tf
from tensorflow.keras import layers


def create_ffn(hidden_units, dropout_rate, name=None):
    fnn_layers = []
    for units in hidden_units:
        fnn_layers.append(layers.BatchNormalization())
        fnn_layers.append(layers.Dropout(dropout_rate))
        fnn_layers.append(layers.Dense(units, activation=tf.keras.activations.gelu))
    return tf.keras.Sequential(fnn_layers, name=name)


features = tf.keras.Input(shape=(24,), name="features")
preprocess = create_ffn([32, 32], 0.2, name="preprocess")
x = preprocess(features)
postprocess = create_ffn(hidden_units=[32, 16], dropout_rate=0.2, name="postprocess")
x = postprocess(x)
logits = layers.Dense(5, name="logits")(x)
model = tf.keras.Model(inputs=features, outputs=logits, name="baseline")
