"""Broken: a 64-unit encoder's states seed a 32-unit decoder LSTM (Keras only fails when data flows)."""
import numpy as np
import keras

encoder_inputs = keras.Input(shape=(None, 20))
_, state_h, state_c = keras.layers.LSTM(64, return_state=True)(encoder_inputs)

decoder_inputs = keras.Input(shape=(None, 30))
decoder_seq = keras.layers.LSTM(32, return_sequences=True)(decoder_inputs, initial_state=[state_h, state_c])  # keras-error
decoder_outputs = keras.layers.Dense(30, activation="softmax")(decoder_seq)
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)

enc = np.random.rand(2, 7, 20).astype("float32")
dec = np.random.rand(2, 5, 30).astype("float32")
model.predict([enc, dec], verbose=0)
