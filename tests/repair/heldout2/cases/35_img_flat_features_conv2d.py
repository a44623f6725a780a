"""DCASE 2020 baseline autoencoder changed to Conv2D on (n_mels, frames, 1) patches while the feature
vectors stay flat: train_data is (1360000, 640).

Source: https://github.com/y-kawagu/dcase2020_task2_baseline/issues/3
"""
from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense
from keras.models import Model


def get_model(n_mels, frames):
    inputLayer = Input(shape=(n_mels, frames, 1))  # heldout: mistake
    h = Conv2D(16, (3, 3), padding="same", activation="relu")(inputLayer)
    h = MaxPooling2D((2, 1))(h)
    h = Conv2D(8, (3, 3), padding="same", activation="relu")(h)
    h = Flatten()(h)
    h = Dense(64, activation="relu")(h)
    h = Dense(8, activation="relu")(h)
    h = Dense(64, activation="relu")(h)
    h = Dense(n_mels * frames, activation=None)(h)
    return Model(inputs=inputLayer, outputs=h)


model = get_model(128, 5)
model.compile(optimizer="adam", loss="mean_squared_error")
