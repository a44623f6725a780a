"""Functional model over engineered features: Conv1D fed a (batch, features) tensor."""
from keras import Input, Model
from keras.layers import Dense, Conv1D, GlobalMaxPooling1D

N_FEATURES = 30
feat = Input(shape=(N_FEATURES,))
h = Dense(64, activation="relu")(feat)
h = Conv1D(16, 3, activation="relu")(h)  # SD101
h = GlobalMaxPooling1D()(h)
out = Dense(1, activation="sigmoid")(h)
model = Model(feat, out)
