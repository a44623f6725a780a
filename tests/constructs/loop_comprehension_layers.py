"""Layer lists built by comprehensions: a Sequential with an Input and one applied to a tensor."""
import keras
from keras import layers

sizes = [256, 128, 64]

mlp = keras.Sequential(
    [keras.Input(shape=(100,))]
    + [layers.Dense(n, activation="relu") for n in sizes]
    + [layers.Dense(1, activation="sigmoid")]
)

projector = keras.Sequential([layers.Dense(n, activation="relu") for n in sizes[::-1]], name="projector")
inputs = keras.Input(shape=(32,))
outputs = projector(inputs)
wrapped = keras.Model(inputs, outputs)

towers = [layers.Dense(8 * (k + 1)) for k in range(3)]
x_in = keras.Input(shape=(12,))
merged = layers.Concatenate()([tower(x_in) for tower in towers])
towers_model = keras.Model(x_in, merged)
