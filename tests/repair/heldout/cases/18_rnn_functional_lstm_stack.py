"""Fraud detector (functional): LSTM -> LSTM, the first one returning only its last state."""
from tensorflow.keras.layers import LSTM, Dense, Input
from tensorflow.keras.models import Model

timesteps = 10
n_features = 30

inputs = Input(shape=(timesteps, n_features))
x1 = LSTM(50, dropout=0.3, recurrent_dropout=0.2)(inputs)  # heldout: mistake
x2 = LSTM(50, dropout=0.3, recurrent_dropout=0.2)(x1)  # heldout: mistake
outputs = Dense(1, activation="sigmoid")(x2)
model = Model(inputs, outputs)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
