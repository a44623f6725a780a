"""Bidirectional LSTM returning sequences under a softmax head trained on one label per sample
(OlafenwaMoses/ImageAI#765)."""
import keras
from keras import layers

n_units = 16
time_steps = 15
n_features = 20
label_size = 2

model = keras.Sequential()
model.add(layers.Bidirectional(layers.LSTM(n_units // 2, return_sequences=True, activation="tanh"),  # heldout: mistake
                               merge_mode="concat", input_shape=(time_steps, n_features)))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(label_size, activation="softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
