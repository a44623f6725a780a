"""Communication autoencoder (M=16 messages, n_channel=7): the channel symbols are reshaped to rows of 16."""
import keras
from keras import layers
from keras import ops

M = 16
n_channel = 7

input_signal = keras.Input(shape=(M,))
encoded = layers.Dense(M, activation="relu")(input_signal)
encoded1 = layers.Dense(n_channel, activation="linear")(encoded)
encoded2 = layers.Lambda(lambda x: (n_channel ** 0.5) * x / (ops.norm(x, axis=1, keepdims=True) + 1e-9))(encoded1)
encode_reshape = layers.Reshape((-1, 16))(encoded2)  # heldout: mistake
noisy = layers.GaussianNoise(0.1)(encode_reshape)
flat = layers.Flatten()(noisy)
decoded = layers.Dense(M, activation="relu")(flat)
decoded1 = layers.Dense(M, activation="softmax")(decoded)
model = keras.Model(input_signal, decoded1)
model.compile(optimizer="adam", loss="categorical_crossentropy")
