"""Conv2D with an 11x11 kernel on 10x10 feature maps (keras-team/keras#22416)."""
import keras
from keras import layers

filters = 4
kernel_size = [11, 11]

model = keras.Sequential()
model.add(keras.Input(shape=(10, 10, 16)))
model.add(layers.Conv2D(filters=filters, kernel_size=kernel_size))  # heldout: mistake
model.add(layers.Flatten())
model.add(layers.Dense(3, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
