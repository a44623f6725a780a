"""`for filters in [...]` and `for _ in range(n)` loops building a functional CNN and its dense head."""
import keras
from keras import layers

NUM_DENSE = 3

inputs = keras.Input(shape=(128, 128, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
for filters in [32, 64, 128]:
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Flatten()(x)
for _ in range(NUM_DENSE):
    x = layers.Dense(64, activation="relu")(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)

sequential = keras.Sequential()
sequential.add(keras.Input(shape=(200, 1)))
for i in range(3):
    sequential.add(layers.Conv1D(16 * 2 ** i, 3, activation="relu"))
    sequential.add(layers.MaxPooling1D())
sequential.add(layers.GlobalMaxPooling1D())
sequential.add(layers.Dense(1))
