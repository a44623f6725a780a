"""A seq2seq model saved, loaded back from the same path, and taken apart for inference: the encoder from
model.input[0] and model.layers[2].output, the decoder by calling model.layers[3] and model.layers[4] again on new
state inputs."""
import keras

latent_dim = 16
encoder_inputs = keras.Input(shape=(None, 10))
encoder_outputs, state_h, state_c = keras.layers.LSTM(latent_dim, return_state=True)(encoder_inputs)
decoder_inputs = keras.Input(shape=(None, 12))
decoder_lstm = keras.layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
decoder_outputs = keras.layers.Dense(12, activation="softmax")(decoder_outputs)
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.save("s2s_model.keras")

model = keras.models.load_model("s2s_model.keras")
encoder_inputs = model.input[0]
encoder_outputs, state_h_enc, state_c_enc = model.layers[2].output
encoder_model = keras.Model(encoder_inputs, [state_h_enc, state_c_enc])

decoder_inputs = model.input[1]
state_input_h = keras.Input(shape=(latent_dim,))
state_input_c = keras.Input(shape=(latent_dim,))
decoder_lstm = model.layers[3]
decoder_outputs, state_h_dec, state_c_dec = decoder_lstm(decoder_inputs, initial_state=[state_input_h, state_input_c])
decoder_outputs = model.layers[4](decoder_outputs)
decoder_model = keras.Model([decoder_inputs, state_input_h, state_input_c], [decoder_outputs, state_h_dec, state_c_dec])
