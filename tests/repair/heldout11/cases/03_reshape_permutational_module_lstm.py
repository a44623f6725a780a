"""Permutation-invariant encoder (permutational layers: a shared pairwise model compares every pair of objects,
the encodings are averaged, the last layer is max-pooled over objects) followed by an LSTM classifier."""
import keras
from keras import layers


def pairwise_model(individual_shape, units, name):
    x1 = keras.Input(shape=individual_shape)
    x2 = keras.Input(shape=individual_shape)
    h = layers.concatenate([x1, x2])
    for u in units:
        h = layers.Dense(u, activation="relu")(h)
    return keras.Model([x1, x2], h, name=name)


def permutational_layer(inputs, pair, pooling=None):
    outputs = []
    for main in inputs:
        encodings = [pair([main, other]) for other in inputs]
        outputs.append(layers.average(encodings))
    if pooling is not None:
        return pooling(outputs)
    return outputs


def permutational_module(input_shape, n_inputs, layers_stack, last_layer_pooling=layers.maximum):
    inputs = [keras.Input(shape=input_shape, name=f"x{i + 1}") for i in range(n_inputs)]
    outputs = inputs
    shape = input_shape
    for i, units in enumerate(layers_stack):
        last = i == len(layers_stack) - 1
        pair = pairwise_model(shape, units, name=f"pairwise_model_{i + 1}")
        outputs = permutational_layer(outputs, pair, last_layer_pooling if last else None)
        shape = (units[-1],)
    return keras.Model(inputs, outputs, name="permutational_module")


def build_classifier(n_objects=3, n_properties=4, timesteps=5, n_classes=3):
    perm_model = permutational_module((n_properties,), n_objects, [[8, 16], [32, 52]])
    lstm_input = layers.Reshape((timesteps, 52))(perm_model.output)  # heldout: mistake
    x = layers.LSTM(16)(lstm_input)
    out = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(perm_model.inputs, out)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


model = build_classifier()
