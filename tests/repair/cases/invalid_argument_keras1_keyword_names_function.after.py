# Keras 1 keyword names inside a builder function: the recurrent layer's own (inner_activation, dropout_W,
# dropout_U) and a pooling layer's (pool_length), renamed where they are written.
import keras
from keras import layers


def build(steps, features):
    inputs = keras.Input(shape=(steps, features))
    x = layers.Conv1D(16, 5, activation="relu")(inputs)
    x = layers.MaxPooling1D(pool_size=2)(x)
    x = layers.LSTM(32, recurrent_activation="sigmoid", dropout=0.2, recurrent_dropout=0.2)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs)


model = build(100, 8)
