"""rank: the classifier head (GlobalAveragePooling1D, Dense) indented into the loop that adds the Conv1D
blocks, so the second pass puts a Conv1D after the Dense."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(128, 3)))
for filters in [32, 64]:
    model.add(layers.Conv1D(filters, 3, activation="relu"))
    model.add(layers.MaxPooling1D(2))
    # classifier
    model.add(layers.GlobalAveragePooling1D())
    model.add(layers.Dense(5, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
