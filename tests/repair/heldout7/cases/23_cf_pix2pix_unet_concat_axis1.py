"""pix2pix U-Net generator built for (channels, height, width) images and merged on axis 1, run on the
channels-last default (williamFalcon/pix2pix-keras#6, pix2pix/models/generator.py UNETGenerator)."""
import keras
from keras import layers


def UNETGenerator(input_img_dim, num_output_channels):
    stride = 2
    bn_axis = 1  # heldout: mistake
    input_layer = keras.Input(shape=input_img_dim, name="unet_input")  # heldout: mistake

    en_1 = layers.Conv2D(8, (4, 4), padding="same", strides=(stride, stride))(input_layer)
    en_1 = layers.LeakyReLU(negative_slope=0.2)(en_1)
    en_2 = layers.Conv2D(16, (4, 4), padding="same", strides=(stride, stride))(en_1)
    en_2 = layers.BatchNormalization(axis=bn_axis)(en_2)
    en_2 = layers.LeakyReLU(negative_slope=0.2)(en_2)
    en_3 = layers.Conv2D(32, (4, 4), padding="same", strides=(stride, stride))(en_2)
    en_3 = layers.BatchNormalization(axis=bn_axis)(en_3)
    en_3 = layers.LeakyReLU(negative_slope=0.2)(en_3)
    en_4 = layers.Conv2D(32, (4, 4), padding="same", strides=(stride, stride))(en_3)
    en_4 = layers.BatchNormalization(axis=bn_axis)(en_4)
    en_4 = layers.LeakyReLU(negative_slope=0.2)(en_4)
    en_5 = layers.Conv2D(32, (4, 4), padding="same", strides=(stride, stride))(en_4)
    en_5 = layers.BatchNormalization(axis=bn_axis)(en_5)
    en_5 = layers.LeakyReLU(negative_slope=0.2)(en_5)

    de_1 = layers.UpSampling2D(size=(2, 2))(en_5)
    de_1 = layers.Conv2D(32, (4, 4), padding="same")(de_1)
    de_1 = layers.BatchNormalization(axis=bn_axis)(de_1)
    de_1 = layers.Dropout(0.5)(de_1)
    de_1 = layers.concatenate([de_1, en_4], axis=1)  # heldout: mistake
    de_1 = layers.Activation("relu")(de_1)

    de_2 = layers.UpSampling2D(size=(2, 2))(de_1)
    de_2 = layers.Conv2D(64, (4, 4), padding="same")(de_2)
    de_2 = layers.BatchNormalization(axis=bn_axis)(de_2)
    de_2 = layers.Dropout(0.5)(de_2)
    de_2 = layers.concatenate([de_2, en_3], axis=1)  # heldout: mistake
    de_2 = layers.Activation("relu")(de_2)

    de_3 = layers.UpSampling2D(size=(2, 2))(de_2)
    de_3 = layers.Conv2D(32, (4, 4), padding="same")(de_3)
    de_3 = layers.BatchNormalization(axis=bn_axis)(de_3)
    de_3 = layers.Dropout(0.5)(de_3)
    de_3 = layers.concatenate([de_3, en_2], axis=1)  # heldout: mistake
    de_3 = layers.Activation("relu")(de_3)

    de_4 = layers.UpSampling2D(size=(2, 2))(de_3)
    de_4 = layers.Conv2D(16, (4, 4), padding="same")(de_4)
    de_4 = layers.BatchNormalization(axis=bn_axis)(de_4)
    de_4 = layers.Dropout(0.5)(de_4)
    de_4 = layers.concatenate([de_4, en_1], axis=1)  # heldout: mistake
    de_4 = layers.Activation("relu")(de_4)

    de_5 = layers.UpSampling2D(size=(2, 2))(de_4)
    de_5 = layers.Conv2D(num_output_channels, (4, 4), padding="same")(de_5)
    de_5 = layers.Activation("tanh")(de_5)
    return keras.Model(inputs=[input_layer], outputs=[de_5], name="unet_generator")


input_channels, input_img_rows, input_img_cols = 3, 32, 32
input_img_dim = (input_channels, input_img_rows, input_img_cols)  # heldout: mistake
output_channels = 3
model = UNETGenerator(input_img_dim=input_img_dim, num_output_channels=output_channels)
model.compile(loss="mae", optimizer=keras.optimizers.Adam(learning_rate=2e-4, beta_1=0.5))
