"""Conv1D with an 11-step kernel and stride 5 on 10-step inputs (keras-team/keras#22532)."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(10, 16)))
model.add(layers.Conv1D(32, 11, strides=5, activation="relu"))  # heldout: mistake
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(4, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
