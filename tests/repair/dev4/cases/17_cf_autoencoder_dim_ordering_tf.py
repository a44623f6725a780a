"""Keras-blog convolutional autoencoder with every layer pinned to TensorFlow ordering
(dim_ordering='tf' -> data_format="channels_last") on Input(shape=(1, 28, 28)).

Source: https://github.com/keras-team/keras/issues/4036
"""
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D

input_img = Input(shape=(1, 28, 28))  # heldout: mistake

x = Conv2D(16, (3, 3), activation="relu", padding="same", data_format="channels_last")(input_img)  # heldout: mistake
x = MaxPooling2D((2, 2), padding="same")(x)
x = Conv2D(8, (3, 3), activation="relu", padding="same", data_format="channels_last")(x)
x = MaxPooling2D((2, 2), padding="same")(x)
x = Conv2D(8, (3, 3), activation="relu", padding="same", data_format="channels_last")(x)
encoded = MaxPooling2D((2, 2), padding="same")(x)

x = Conv2D(8, (3, 3), activation="relu", padding="same", data_format="channels_last")(encoded)
x = UpSampling2D((2, 2))(x)
x = Conv2D(8, (3, 3), activation="relu", padding="same", data_format="channels_last")(x)
x = UpSampling2D((2, 2))(x)
x = Conv2D(16, (3, 3), activation="relu", data_format="channels_last")(x)
x = UpSampling2D((2, 2))(x)
decoded = Conv2D(1, (3, 3), activation="sigmoid", padding="same", data_format="channels_last")(x)  # heldout: mistake

model = Model(input_img, decoded)
model.compile(optimizer="adadelta", loss="binary_crossentropy")
