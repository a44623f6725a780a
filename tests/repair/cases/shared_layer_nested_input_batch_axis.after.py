"""shared-layer-mismatch: a pair classifier whose scoring model declares its two feature Inputs with the encoder's
whole output_shape (batch axis included): both Inputs lose their first size in one fix."""
import keras
from keras import layers


def make_encoder(features):
    x = keras.Input((features,))
    return keras.Model(x, layers.Dense(6, activation="relu")(x))


def make_scorer(feature_shape):
    left = keras.Input(shape=feature_shape[1:])
    right = keras.Input(shape=feature_shape[1:])
    joined = layers.Concatenate()([left, right])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(joined))


encoder = make_encoder(5)
scorer = make_scorer(encoder.output_shape)
first, second = keras.Input((5,)), keras.Input((5,))
score = scorer([encoder(first), encoder(second)])
model = keras.Model([first, second], score)
model.compile(optimizer="adam", loss="binary_crossentropy")
