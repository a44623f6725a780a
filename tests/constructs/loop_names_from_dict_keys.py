"""Feature names taken from a dict with `list(VOCABULARY_SIZES)` (its keys), one named Input each."""
import keras
from keras import layers

VOCABULARY_SIZES = {"workclass": 9, "education": 16, "occupation": 15}
NUMERIC_FEATURE_NAMES = ["age", "hours_per_week"]
CATEGORICAL_FEATURE_NAMES = list(VOCABULARY_SIZES)
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + CATEGORICAL_FEATURE_NAMES

inputs = {}
for name in FEATURE_NAMES:
    if name in CATEGORICAL_FEATURE_NAMES:
        inputs[name] = keras.Input(shape=(1,), name=name, dtype="int32")
    else:
        inputs[name] = keras.Input(shape=(1,), name=name)

encoded = []
for name in FEATURE_NAMES:
    if name in CATEGORICAL_FEATURE_NAMES:
        embedded = layers.Embedding(VOCABULARY_SIZES[name], 4)(inputs[name])
        encoded.append(layers.Flatten()(embedded))
    else:
        encoded.append(inputs[name])

x = layers.concatenate(encoded)
x = layers.Dense(16, activation="relu")(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
