"""Character-level seq2seq translation (keras-io lstm_seq2seq style): encoder states start the decoder, which
predicts one-hot characters at every step (teacher forcing)."""
import numpy as np
import keras

num_encoder_tokens = 71
num_decoder_tokens = 93
latent_dim = 64
max_encoder_seq_length = 16
max_decoder_seq_length = 24

encoder_inputs = keras.Input(shape=(None, num_encoder_tokens))
encoder = keras.layers.LSTM(latent_dim, return_state=True)
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
encoder_states = [state_h, state_c]

decoder_inputs = keras.Input(shape=(None, num_decoder_tokens))
decoder_lstm = keras.layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = keras.layers.Dense(num_decoder_tokens, activation="softmax")
decoder_outputs = decoder_dense(decoder_outputs)

model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])

encoder_input_data = np.zeros((16, max_encoder_seq_length, num_encoder_tokens), dtype="float32")
decoder_input_data = np.zeros((16, max_decoder_seq_length, num_decoder_tokens), dtype="float32")
decoder_target_data = np.zeros((16, max_decoder_seq_length, num_decoder_tokens), dtype="float32")
decoder_target_data[:, :, 0] = 1.0
model.fit([encoder_input_data, decoder_input_data], decoder_target_data, batch_size=8, epochs=1,
          validation_split=0.25)
