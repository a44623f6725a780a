"""A downsampling residual stage: the path goes to 32 channels, the shortcut stays at 16."""
import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 3))
stem = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
path = layers.Conv2D(32, 3, padding="same", activation="relu")(stem)
path = layers.Conv2D(32, 3, padding="same")(path)
merged = layers.Add()([stem, path])
merged = layers.Activation("relu")(merged)
pooled = layers.GlobalAveragePooling2D()(merged)
outputs = layers.Dense(10, activation="softmax")(pooled)
model = keras.Model(inputs, outputs)
