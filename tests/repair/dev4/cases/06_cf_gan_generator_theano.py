"""MNIST GAN generator written for Theano ordering: Dense -> Reshape([nch, 14, 14]) -> UpSampling -> convs,
channels_last layers; trained against (N, 1, 28, 28) images.

Source: https://github.com/osh/KerasGAN/issues/11
"""
from keras.models import Model
from keras.layers import Input, Dense, Reshape, UpSampling2D, Conv2D, BatchNormalization, Activation

nch = 32
g_input = Input(shape=(16,))
H = Dense(nch * 14 * 14)(g_input)
H = BatchNormalization()(H)
H = Activation("relu")(H)
H = Reshape([nch, 14, 14])(H)  # heldout: mistake
H = UpSampling2D(size=(2, 2))(H)  # heldout: mistake
H = Conv2D(nch // 2, (3, 3), padding="same")(H)
H = BatchNormalization()(H)
H = Activation("relu")(H)
H = Conv2D(nch // 4, (3, 3), padding="same")(H)
H = BatchNormalization()(H)
H = Activation("relu")(H)
H = Conv2D(1, (1, 1), padding="same")(H)
g_V = Activation("sigmoid")(H)  # heldout: mistake
model = Model(g_input, g_V)
model.compile(loss="binary_crossentropy", optimizer="adam")
