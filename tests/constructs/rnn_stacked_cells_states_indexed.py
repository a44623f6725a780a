"""A seq2seq of stacked GRU cells: ``RNN([cells], return_state=True)`` gives [output, one state per cell], read by
index (``xh[0]``, ``xh[1:]``) and fed as the decoder's initial states; a ConvLSTM2D's [output, h, c] likewise."""
import keras
from keras import layers

latent_dim = 32
depth = 3

encoder_inputs = keras.Input(shape=(None,), dtype="int32")
decoder_inputs = keras.Input(shape=(None,), dtype="int32")
encoder = layers.RNN([layers.GRUCell(latent_dim) for _ in range(depth)], return_state=True)
decoder = layers.RNN([layers.GRUCell(latent_dim) for _ in range(depth)], return_sequences=True, return_state=True)

xh = encoder(layers.Embedding(100, latent_dim, mask_zero=True)(encoder_inputs))
encoder_states = xh[1:]
dh = decoder(layers.Embedding(120, latent_dim, mask_zero=True)(decoder_inputs), initial_state=encoder_states)
decoded = dh[0]
logits = layers.TimeDistributed(layers.Dense(120))(decoded)
model = keras.Model([encoder_inputs, decoder_inputs], logits)

frames = keras.Input(shape=(5, 16, 16, 3))
convolved = layers.ConvLSTM2D(8, 3, padding="same", return_state=True)(frames)
last, state_h, state_c = convolved[0], convolved[1], convolved[2]
merged = layers.Concatenate()([last, state_h, state_c])
video_model = keras.Model(frames, layers.Conv2D(4, 1)(merged))
