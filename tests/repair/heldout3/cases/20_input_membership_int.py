"""Membership-inference target model for a tabular data set: the input size is passed as a bare int."""
import keras
from keras import layers


def make_fc(input_shape, depth, regularization, reg_constant, n_classes):
    reg = keras.regularizers.l2(reg_constant) if regularization == "l2" else None
    inp = keras.Input(shape=input_shape)  # heldout: mistake
    x = inp
    for _ in range(depth):
        x = layers.Dense(128, activation="tanh", kernel_regularizer=reg)(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inp, out)
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


input_dim = 600
model = make_fc(input_dim, 2, "l2", 1e-3, 100)  # heldout: mistake
