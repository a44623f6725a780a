"""Encoder LSTM fed the 4-D output of a per-step convolution (steps x nodes x features), built by a function.

Source: https://github.com/tensorflow/tensorflow/issues/46794
"""
from keras.models import Model
from keras.layers import Input, Conv2D, LSTM, Dense


def build_model(cfg):
    inputs_p = Input(shape=(cfg["steps"], cfg["nodes"], cfg["features"]))
    encoder_inputs = Conv2D(cfg["filters"], (1, 3), padding="same", activation="relu")(inputs_p)  # heldout: mistake
    enc = LSTM(cfg["units"], activation="tanh", return_state=True, return_sequences=True, name="encoder1_")  # heldout: mistake
    encoder_outputs, state_h, state_c = enc(encoder_inputs)  # heldout: mistake
    out = Dense(cfg["n_out"])(state_h)
    model = Model(inputs_p, out)
    model.compile(optimizer="adam", loss="mse")
    return model


model = build_model({"steps": 5, "nodes": 4, "features": 16, "filters": 8, "units": 32, "n_out": 4})
