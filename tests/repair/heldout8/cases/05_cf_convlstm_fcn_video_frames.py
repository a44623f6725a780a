"""Two-pooling ConvLSTM segmentation network run with the channels-first image ordering its repository asks for,
on frames stored channels-last (time, rows, cols, 3): the 3 colour channels are taken as the image width, and the
second 2x2 time-distributed pooling has a width of 1 left (farquasar1/ConvLSTM#3, utils/networks.py)."""
import keras
from keras import layers

DATA_FORMAT = "channels_first"  # heldout: mistake


def conv_lstm(filters):
    return layers.ConvLSTM2D(filters, (3, 3), padding="same", return_sequences=True, data_format=DATA_FORMAT)


def td_conv(filters, activation=None, name=None):
    return layers.TimeDistributed(layers.Conv2D(filters, (3, 3), padding="same", activation=activation,
                                                data_format=DATA_FORMAT), name=name)


def td_pool():
    return layers.TimeDistributed(layers.MaxPooling2D((2, 2), (2, 2), data_format=DATA_FORMAT))


def td_up():
    return layers.TimeDistributed(layers.UpSampling2D((2, 2), data_format=DATA_FORMAT))


def class_net_fcn_2p_lstm(input_shape, c=4):
    input_img = keras.Input(input_shape, name="input")
    x = conv_lstm(c)(input_img)
    x = conv_lstm(c)(x)
    c1 = conv_lstm(c)(x)

    x = td_pool()(c1)
    x = conv_lstm(2 * c)(x)
    x = conv_lstm(2 * c)(x)
    c2 = conv_lstm(2 * c)(x)

    x = td_pool()(c2)  # heldout: mistake
    x = conv_lstm(2 * c)(x)
    x = conv_lstm(2 * c)(x)
    c3 = conv_lstm(2 * c)(x)

    x = td_up()(c3)
    x = layers.concatenate([c2, x])
    x = td_conv(c)(x)
    x = td_up()(x)
    x = layers.concatenate([c1, x])

    x = td_conv(3)(x)
    x = td_up()(x)
    x = td_conv(3)(x)
    x = td_up()(x)
    output = td_conv(3, activation="softmax", name="output")(x)

    model = keras.Model(input_img, output)
    model.compile(loss="categorical_crossentropy", optimizer="adadelta")
    return model


# frames, rows, cols, channels: (80, 40, 40, 3) in the report
model = class_net_fcn_2p_lstm((4, 16, 16, 3))
