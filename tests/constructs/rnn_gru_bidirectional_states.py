"""GRU and Bidirectional LSTM with return_state; the concatenated states seed a decoder GRU."""
from tensorflow import keras
from tensorflow.keras import layers

src = keras.Input(shape=(40, 8), name="source")
tgt = keras.Input(shape=(12, 5), name="target")

seq, fwd_h, fwd_c, bwd_h, bwd_c = layers.Bidirectional(layers.LSTM(32, return_sequences=True, return_state=True))(src)
state = layers.Concatenate()([fwd_h, bwd_h])
summary_seq, gru_state = layers.GRU(64, return_state=True)(seq)
state = layers.Add()([state, gru_state])
decoded = layers.GRU(64, return_sequences=True)(tgt, initial_state=state)
forecast = layers.TimeDistributed(layers.Dense(1))(decoded)
model = keras.Model([src, tgt], forecast)
