"""Residual ConvLSTM2D stack whose output is fed to an LSTM (keras-team/keras issue 11713).

Each sample is a short sequence of small single-channel frames; time-distributed strided convolutions, then
ConvLSTM2D layers with residual additions, then an LSTM and a regression head.
"""
import keras
from keras import layers


def build_model(seq_len=3, rows=30, cols=4, filters=16, n_out=1):
    my_input = layers.Input(shape=(seq_len, rows, cols, 1))
    conv1 = layers.TimeDistributed(layers.Conv2D(filters, 3, activation="relu", padding="same", strides=2))(my_input)
    bn1 = layers.TimeDistributed(layers.BatchNormalization())(conv1)
    conv2 = layers.TimeDistributed(layers.Conv2D(filters, 3, activation="relu", padding="same", strides=2))(bn1)
    bn2 = layers.TimeDistributed(layers.BatchNormalization())(conv2)

    convlstm1 = layers.ConvLSTM2D(filters=filters, kernel_size=3, padding="same", return_sequences=True)(bn2)
    res1 = layers.Add()([convlstm1, bn2])
    convlstm2 = layers.ConvLSTM2D(filters=filters, kernel_size=3, padding="same", return_sequences=True)(res1)
    res2 = layers.Add()([convlstm2, res1])

    lstm = layers.LSTM(32)(res2)  # heldout: mistake
    out = layers.Dense(n_out)(lstm)
    model = keras.Model(my_input, out)
    model.compile(optimizer="adam", loss="mse")
    return model


model = build_model()
