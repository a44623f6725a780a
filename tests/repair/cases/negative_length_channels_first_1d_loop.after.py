"""Three accelerometer axes stored (channels, steps) = (3, 256); the Conv1D/MaxPooling1D stack is built in a
loop, so every pass's layers come from the same two constructor calls."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(3, 256)))
for filters in (16, 32, 64):
    model.add(layers.Conv1D(filters, 3, activation="relu", data_format="channels_first"))
    model.add(layers.MaxPooling1D(pool_size=2, data_format="channels_first"))
model.add(layers.GlobalAveragePooling1D(data_format="channels_first"))
model.add(layers.Dense(6, activation="softmax"))
