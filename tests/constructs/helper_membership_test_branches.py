"""Per-feature encoders picked by `if name in CATEGORICAL_NAMES:` and `if embedding_dims is None:`."""
import keras
from keras import layers

NUMERIC_NAMES = ["temperature", "humidity", "wind_speed"]
CATEGORICAL_NAMES = {"weekday": 7, "month": 12, "station": 40}
FEATURE_NAMES = NUMERIC_NAMES + list(CATEGORICAL_NAMES.keys())


def encode_feature(name, x, embedding_dims=None):
    if name in CATEGORICAL_NAMES:
        vocabulary_size = CATEGORICAL_NAMES[name]
        if embedding_dims is None:
            embedding_dims = 4
        x = layers.Embedding(input_dim=vocabulary_size, output_dim=embedding_dims)(x)
        return layers.Flatten()(x)
    else:
        return layers.Dense(8, activation="relu")(x)


inputs = []
encoded = []
for name in FEATURE_NAMES:
    if name in NUMERIC_NAMES:
        feature_input = keras.Input(shape=(1,), name=name)
    else:
        feature_input = keras.Input(shape=(1,), name=name, dtype="int32")
    inputs.append(feature_input)
    encoded.append(encode_feature(name, feature_input, embedding_dims=6 if name == "station" else None))

features = layers.concatenate(encoded)
feature_encoder = keras.Model(inputs, features, name="feature_encoder")
x = layers.Dense(32, activation="relu")(features)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
