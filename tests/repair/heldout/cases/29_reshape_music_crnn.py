"""MusicTaggerCRNN on GTZAN mel-spectrograms (96 x 1292 frames): the hard-coded Reshape((15, 128))."""
from keras.layers import (ELU, GRU, BatchNormalization, Conv2D, Dense, Dropout, Input, MaxPooling2D, Reshape,
                          ZeroPadding2D)
from keras.models import Model


def MusicTaggerCRNN(input_shape=(96, 1292, 1), n_classes=10):
    melgram_input = Input(shape=input_shape)
    channel_axis, freq_axis, time_axis = 3, 1, 2
    x = ZeroPadding2D(padding=(0, 37))(melgram_input)
    x = BatchNormalization(axis=time_axis, name="bn_0_freq")(x)

    x = Conv2D(64, (3, 3), padding="same", name="conv1")(x)
    x = BatchNormalization(axis=channel_axis, name="bn1")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(2, 2), strides=(2, 2), name="pool1")(x)
    x = Dropout(0.1, name="dropout1")(x)

    x = Conv2D(128, (3, 3), padding="same", name="conv2")(x)
    x = BatchNormalization(axis=channel_axis, name="bn2")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(3, 3), strides=(3, 3), name="pool2")(x)
    x = Dropout(0.1, name="dropout2")(x)

    x = Conv2D(128, (3, 3), padding="same", name="conv3")(x)
    x = BatchNormalization(axis=channel_axis, name="bn3")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(4, 4), strides=(4, 4), name="pool3")(x)
    x = Dropout(0.1, name="dropout3")(x)

    x = Conv2D(128, (3, 3), padding="same", name="conv4")(x)
    x = BatchNormalization(axis=channel_axis, name="bn4")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(4, 4), strides=(4, 4), name="pool4")(x)
    x = Dropout(0.1, name="dropout4")(x)

    x = Reshape((15, 128))(x)  # heldout: mistake

    x = GRU(32, return_sequences=True, name="gru1")(x)
    x = GRU(32, return_sequences=False, name="gru2")(x)
    x = Dropout(0.3, name="final_drop")(x)
    x = Dense(n_classes, activation="sigmoid", name="output")(x)
    return Model(melgram_input, x)


model = MusicTaggerCRNN()
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
