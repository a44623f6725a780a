"""RGB images stored channels-first, (3, 64, 64), fed to a channels_last Conv2D/MaxPooling2D pair written once
in a loop body that runs three times."""
import keras
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D

inputs = keras.Input(shape=(3, 64, 64))
x = inputs
for i in range(3):
    x = Conv2D(32 * 2**i, (3, 3), activation="relu")(x)  # one block per scale
    x = MaxPooling2D()(x)
x = Flatten()(x)
outputs = Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
