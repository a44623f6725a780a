"""A 6x6 convolution on a 4x4 input (keras-team/keras#6649: "Negative output size")."""
import keras
from keras import layers

data = keras.Input(shape=(3, 4, 4), name="data")  # channels, rows, cols
x = layers.Conv2D(padding="valid", filters=4, kernel_size=(6, 6), dilation_rate=(1, 1), name="conv")(data)  # heldout: mistake
x = layers.GlobalAveragePooling2D()(x)
out = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs=data, outputs=out)
model.compile(loss="categorical_crossentropy", optimizer="adam")
