"""Functional LSTM helper: Input(shape=(129,)) for frames the LSTM was told are (1, 129)."""
import keras
from keras import layers


def build_lstm(lstm_input, hidden_dim=64):
    out = layers.LSTM(hidden_dim)(lstm_input)  # heldout: mistake
    return out


def test_lstm():
    lstm_input = keras.Input(shape=(129,), name="lstm_input")  # heldout: mistake
    out = build_lstm(lstm_input)
    predictions = layers.Dense(256, activation="softmax")(out)
    model = keras.Model(inputs=lstm_input, outputs=predictions)
    model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
    return model


model = test_lstm()
