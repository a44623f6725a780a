"""Tuned text classifier: Bidirectional LSTMs with return_sequences=True added in a loop, then Dropout and the
softmax Dense on the sequence.

Source: https://github.com/keras-team/keras-tuner/issues/504
Tuned sizes are fixed (one loop iteration, 32/64/128 units); the input length and width are chosen.
"""
import keras
from keras import layers

num_classes = 5


def build_model(n_blocks, timesteps=50, n_features=16):
    model = keras.models.Sequential()
    model.add(keras.Input(shape=(timesteps, n_features)))
    for i in range(n_blocks):
        model.add(layers.Bidirectional(layers.LSTM(units=32, activation="relu", return_sequences=True)))
        model.add(layers.Bidirectional(layers.LSTM(units=64, activation="relu", return_sequences=True)))
        model.add(layers.Bidirectional(layers.LSTM(units=128, activation="relu", return_sequences=True)))  # heldout: mistake
    model.add(layers.Dropout(0.4))
    model.add(layers.Dense(num_classes, activation="softmax"))  # heldout: mistake
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])
    return model


model = build_model(1)
