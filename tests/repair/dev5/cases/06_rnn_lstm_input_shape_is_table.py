"""Stacked LSTM classifier whose input_shape is the whole training table (samples, features) = (70, 57); the rows
are single feature vectors, fed as (N, 57).

Source: https://github.com/keras-team/keras/issues/16764
"""
import keras

model = keras.Sequential()
model.add(keras.layers.LSTM(64, input_shape=(70, 57), return_sequences=True))  # heldout: mistake
model.add(keras.layers.LSTM(64))
model.add(keras.layers.Dense(64, activation="relu"))
model.add(keras.layers.Dense(10, activation="softmax"))
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="sparse_categorical_crossentropy")
