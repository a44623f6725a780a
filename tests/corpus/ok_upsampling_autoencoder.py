# Denoising autoencoder with pooling / upsampling, vibration signals of length 256
from keras.models import Model
from keras.layers import Input, Conv1D, MaxPooling1D, UpSampling1D

inp = Input(shape=(256, 3))
x = Conv1D(32, 3, activation="relu", padding="same")(inp)
x = MaxPooling1D(2, padding="same")(x)
x = Conv1D(16, 3, activation="relu", padding="same")(x)
encoded = MaxPooling1D(2, padding="same")(x)
x = Conv1D(16, 3, activation="relu", padding="same")(encoded)
x = UpSampling1D(2)(x)
x = Conv1D(32, 3, activation="relu", padding="same")(x)
x = UpSampling1D(2)(x)
decoded = Conv1D(3, 3, activation="linear", padding="same")(x)

autoencoder = Model(inp, decoded)
autoencoder.compile(optimizer="adam", loss="mse")
