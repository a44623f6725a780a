"""A head on a Sequential's ``.outputs[0]`` that treats the flattened features as a sequence: Conv1D after the
Sequential's Flatten."""
import keras
from keras import layers
from keras.models import Model, Sequential

feature_extractor = Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(),
    layers.Flatten(),
])

x = feature_extractor.outputs[0]
x = layers.Conv1D(8, 3, activation="relu")(x)
prediction = layers.Dense(4, activation="softmax")(layers.GlobalAveragePooling1D()(x))
cnn_model = Model(inputs=feature_extractor.inputs, outputs=prediction)
