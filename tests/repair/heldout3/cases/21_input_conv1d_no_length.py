"""Music-genre 1-D CNN declared with only the feature size (Keras 1 input_dim=128): the time axis is unknown at Flatten."""
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Conv1D(32, 8, padding="valid", input_shape=(None, 128)))  # heldout: mistake
model.add(layers.Activation("sigmoid"))
model.add(layers.MaxPooling1D(pool_size=4))
model.add(layers.Conv1D(32, 8, padding="valid"))
model.add(layers.Activation("sigmoid"))
model.add(layers.MaxPooling1D(pool_size=4))
model.add(layers.Flatten())  # heldout: mistake
model.add(layers.Dense(100))
model.add(layers.Activation("sigmoid"))
model.add(layers.Dense(50))
model.add(layers.Activation("sigmoid"))
model.add(layers.Dense(6))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd")
