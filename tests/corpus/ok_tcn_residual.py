"""Temporal convolutional network with residual blocks (causal padding keeps the length)."""
from tensorflow import keras
from tensorflow.keras import layers


def residual_block(x, filters, dilation):
    shortcut = x
    y = layers.Conv1D(filters, 3, padding="causal", dilation_rate=dilation, activation="relu")(x)
    y = layers.Conv1D(filters, 3, padding="causal", dilation_rate=dilation)(y)
    shortcut = layers.Conv1D(filters, 1, padding="same")(shortcut)
    return layers.add([shortcut, y])


inputs = keras.Input(shape=(200, 4))
h = layers.Conv1D(64, 3, padding="causal", dilation_rate=1, activation="relu")(inputs)
h2 = layers.Conv1D(64, 3, padding="causal", dilation_rate=2)(h)
h = layers.add([h, h2])
h3 = layers.Conv1D(64, 3, padding="causal", dilation_rate=4)(h)
h = layers.Add()([h, h3])
h = layers.GlobalAveragePooling1D()(h)
outputs = layers.Dense(3, activation="softmax")(h)
model = keras.Model(inputs=inputs, outputs=outputs)
