"""Binary classifier on 2 x 15 matrices: Conv2D then Dense layers with no Flatten.

Source: https://answerofmath.com/solved-it-is-always-necessary-to-include-a-flatten-layer-after-a-set-of-2d-convolutional-layers-for-convolutional-neural-networks-in-keras/
"""
import keras

model = keras.models.Sequential([
    keras.Input(shape=(2, 15, 1)),
    keras.layers.Conv2D(32, kernel_size=(2, 1), activation="relu"),  # heldout: mistake
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(2, activation="softmax"),  # heldout: mistake
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
