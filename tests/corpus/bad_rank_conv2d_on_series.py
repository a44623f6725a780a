"""Copy-pasted image code applied to a multichannel time series: Conv2D on a 3-D tensor."""
import keras
from keras import layers

inputs = keras.Input(shape=(128, 9))
x = layers.Conv2D(32, (3, 3), activation="relu")(inputs)  # SD101
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(6, activation="softmax")(x)
model = keras.Model(inputs, outputs)
