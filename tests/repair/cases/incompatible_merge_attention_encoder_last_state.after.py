"""incompatible-merge: an attention decoder step joins the encoder's outputs with the repeated decoder state, but
the encoder LSTM returns only its last state: its sequence is kept instead."""
import keras
from keras import layers

steps, features, units = 10, 6, 8

encoder_inputs = keras.Input((steps, features))
state = keras.Input((units,))
encoded = layers.LSTM(units, return_sequences=True)(encoder_inputs)
repeated = layers.RepeatVector(steps)(state)
joined = layers.Concatenate()([encoded, repeated])
scores = layers.Dense(1)(layers.Dense(8, activation="tanh")(joined))
weights = layers.Softmax(axis=1)(scores)
context = layers.Dot(axes=1)([weights, encoded])
outputs = layers.Dense(3, activation="softmax")(layers.Flatten()(context))
model = keras.Model([encoder_inputs, state], outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
