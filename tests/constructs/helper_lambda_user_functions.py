"""Lambda layers that run a user function (sinusoidal noise embedding), a lambda and preprocess_input."""
import keras
from keras import layers, ops

EMBEDDING_FREQUENCIES = 16


def sinusoidal_embedding(x):
    frequencies = ops.exp(ops.linspace(0.0, 1.0, EMBEDDING_FREQUENCIES))
    angular_speeds = 2.0 * 3.141592653589793 * frequencies
    embeddings = ops.concatenate([ops.sin(angular_speeds * x), ops.cos(angular_speeds * x)], axis=-1)
    return embeddings


image_input = keras.Input(shape=(32, 32, 3))
noise_input = keras.Input(shape=(1,))
x = layers.Lambda(keras.applications.inception_v3.preprocess_input)(image_input)
x = layers.Conv2D(16, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
e = layers.Lambda(sinusoidal_embedding)(noise_input)
m = layers.Lambda(lambda t: ops.mean(t, axis=-1, keepdims=True))(x)
features = layers.concatenate([x, e, m])
encoder = keras.Model([image_input, noise_input], [features, e, m], name="encoder")
outputs = layers.Dense(10, activation="softmax")(layers.Dense(64, activation="relu")(features))
model = keras.Model([image_input, noise_input], outputs)
