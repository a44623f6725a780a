"""ResNet block for time series: the shortcut is not projected to the new filter count."""
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(256, 3))
x = layers.Conv1D(64, 8, padding="same")(inputs)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.Conv1D(64, 5, padding="same")(x)
x = layers.BatchNormalization()(x)
block = layers.add([x, inputs])  # SD106
block = layers.Activation("relu")(block)
gap = layers.GlobalAveragePooling1D()(block)
outputs = layers.Dense(5, activation="softmax")(gap)
model = keras.Model(inputs, outputs)
