# The Input declared with the whole data array's shape: its batch axis (the number of series) becomes an axis
# of every sample, and Conv1D gets rank 4.
import numpy as np
import keras
from keras import layers

X_train = np.zeros((500, 128, 3))

inputs = keras.Input(shape=X_train.shape)
x = layers.Conv1D(32, 5, activation="relu")(inputs)
x = layers.MaxPooling1D(2)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inputs, outputs)
