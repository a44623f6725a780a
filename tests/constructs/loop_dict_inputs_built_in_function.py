"""A dict of scalar inputs filled in a function's for-loop, then iterated (`for name in inputs`) by another."""
import keras
from keras import layers

FEATURE_NAMES = ["age", "fare", "parch", "sibsp", "pclass"]


def create_model_inputs():
    inputs = {}
    for name in FEATURE_NAMES:
        inputs[name] = keras.Input(name=name, shape=(), dtype="float32")
    return inputs


def encode_inputs(inputs):
    encoded_features = []
    for name in inputs:
        feature = keras.ops.expand_dims(inputs[name], -1)
        encoded_features.append(feature)
    return layers.concatenate(encoded_features)


def create_baseline_model(hidden_units=(32, 16)):
    inputs = create_model_inputs()
    features = encode_inputs(inputs)
    for units in hidden_units:
        features = layers.Dense(units, activation="relu")(features)
        features = layers.Dropout(0.2)(features)
    outputs = layers.Dense(1, activation="sigmoid")(features)
    return keras.Model(inputs=inputs, outputs=outputs)


baseline_model = create_baseline_model()
