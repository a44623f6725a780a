"""A 1-D signal model whose first convolution was written Conv2D, in a builder whose activation is a parameter
and whose pooling class is picked into a variable. The fix writes Conv1D with the arguments it keeps as they are
written (activation=act stays the parameter); the first pooling becomes its 1-D class, spelled from the file's own
import of the layers (the variable names no module), and the second block gets its channel axis back."""
import numpy as np
import keras
from keras import layers

signals = np.zeros((4, 40, 1))
labels = np.zeros((4, 3))


def build(width=40, act="elu"):
    inputs = keras.Input((width, 1))
    pooling = layers.AveragePooling2D if width > 32 else layers.MaxPooling2D
    x = layers.Conv2D(filters=4, kernel_size=3, activation=act)(inputs)
    x = pooling(2)(x)
    x = layers.Conv2D(filters=8, kernel_size=3, activation=act)(x)
    x = pooling(2)(x)
    x = layers.Flatten()(x)
    return keras.Model(inputs, layers.Dense(3, activation="softmax")(x))


model = build()
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(signals, labels, epochs=1)
