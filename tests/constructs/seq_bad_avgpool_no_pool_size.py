"""AveragePooling1D() with no pool_size: Keras 2 defaulted it to 2, Keras 3 has no default (TypeError)."""
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(128, 1)),
        layers.Conv1D(16, 5, activation="relu"),
        layers.AveragePooling1D(),  # keras-error
        layers.Conv1D(32, 5, activation="relu"),
        layers.GlobalAveragePooling1D(),
        layers.Dense(1, activation="sigmoid"),
    ]
)
