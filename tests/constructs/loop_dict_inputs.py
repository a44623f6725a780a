"""A dict of named inputs built in a loop (structured data), concatenated into one feature vector."""
import keras
from keras import layers

NUMERIC = ["age", "trestbps", "chol", "thalach", "oldpeak"]
CATEGORICAL_SIZES = {"cp": 4, "thal": 3}

inputs = {name: keras.Input(shape=(1,), name=name) for name in NUMERIC}
for name in CATEGORICAL_SIZES:
    inputs[name] = keras.Input(shape=(1,), name=name, dtype="int32")

encoded = [inputs[name] for name in NUMERIC]
for name, size in CATEGORICAL_SIZES.items():
    embedded = layers.Embedding(input_dim=size, output_dim=2)(inputs[name])
    encoded.append(layers.Flatten()(embedded))

all_features = layers.concatenate(encoded)
x = layers.Dense(32, activation="relu")(all_features)
x = layers.Dropout(0.5)(x)
output = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, output)
