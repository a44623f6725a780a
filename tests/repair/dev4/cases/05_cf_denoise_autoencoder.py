"""Keras-blog convolutional denoising autoencoder on MNIST reshaped to (N, 1, 28, 28), channels_last layers.

Source: https://github.com/keras-team/keras/issues/5324
"""
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D

input_img = Input(shape=(1, 28, 28))  # heldout: mistake

x = Conv2D(16, (3, 3), activation="relu", padding="same")(input_img)
x = MaxPooling2D((2, 2), padding="same")(x)
x = Conv2D(16, (3, 3), activation="relu", padding="same")(x)
encoded = MaxPooling2D((2, 2), padding="same")(x)

x = Conv2D(16, (3, 3), activation="relu", padding="same")(encoded)
x = UpSampling2D((2, 2))(x)
x = Conv2D(16, (3, 3), activation="relu", padding="same")(x)
x = UpSampling2D((2, 2))(x)
decoded = Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)  # heldout: mistake

model = Model(input_img, decoded)
model.compile(optimizer="adadelta", loss="binary_crossentropy")
