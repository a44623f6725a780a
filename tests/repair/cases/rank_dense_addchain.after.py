"""rank: Conv1D after Dense, add-chain with `from keras import layers`."""
from keras import layers
from keras.models import Sequential

model = Sequential()
model.add(layers.Dense(64, activation='relu', input_shape=(50,)))
model.add(layers.Reshape((64, 1)))
model.add(layers.Conv1D(16, 5, activation='relu'))  # needs steps
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1))
