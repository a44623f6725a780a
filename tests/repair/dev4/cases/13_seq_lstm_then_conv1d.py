"""Conv1D added after an LSTM that returns only its last state.

Source: https://github.com/keras-team/keras/issues/5222
"""
from keras.models import Model
from keras.layers import Input, LSTM, Conv1D, GlobalMaxPooling1D, Dense

inp = Input(shape=(50, 16))
x = LSTM(50)(inp)  # heldout: mistake
x = Conv1D(32, 5, activation="relu")(x)  # heldout: mistake
x = GlobalMaxPooling1D()(x)
out = Dense(1, activation="sigmoid")(x)
model = Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
