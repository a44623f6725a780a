"""ResNet-18 of raghakot/keras-resnet (ResnetBuilder.build_resnet_18) on 200x200 images: the residual shortcut
derives its stride from the size ratio by floor division, so where a stage halves an odd size (25 -> 13) the ratio
25 // 13 = 1 gives the 1x1 projection no stride and the sum adds a 25x25 map to a 13x13 one
(raghakot/keras-resnet#34: build_resnet_18((3, 200, 200), 100) fails with "Only layers of same output shape can be
merged using sum mode"; the maintainer's fix rounds the ratio)."""
import keras
from keras import layers
from keras.regularizers import l2


def _handle_dim_ordering():
    global ROW_AXIS, COL_AXIS, CHANNEL_AXIS
    if keras.config.image_data_format() == "channels_last":
        ROW_AXIS, COL_AXIS, CHANNEL_AXIS = 1, 2, 3
    else:
        CHANNEL_AXIS, ROW_AXIS, COL_AXIS = 1, 2, 3


def _bn_relu(x):
    norm = layers.BatchNormalization(axis=CHANNEL_AXIS)(x)
    return layers.Activation("relu")(norm)


def _conv_bn_relu(filters, rows, cols, strides=(1, 1)):
    def f(x):
        conv = layers.Conv2D(filters, (rows, cols), strides=strides, kernel_initializer="he_normal",
                             padding="same", kernel_regularizer=l2(1.e-4))(x)
        return _bn_relu(conv)
    return f


def _bn_relu_conv(filters, rows, cols, strides=(1, 1)):
    def f(x):
        activation = _bn_relu(x)
        return layers.Conv2D(filters, (rows, cols), strides=strides, kernel_initializer="he_normal",
                             padding="same", kernel_regularizer=l2(1.e-4))(activation)
    return f


def _shortcut(x, residual):
    stride_width = x.shape[ROW_AXIS] // residual.shape[ROW_AXIS]  # heldout: mistake
    stride_height = x.shape[COL_AXIS] // residual.shape[COL_AXIS]  # heldout: mistake
    equal_channels = residual.shape[CHANNEL_AXIS] == x.shape[CHANNEL_AXIS]
    shortcut = x
    if stride_width > 1 or stride_height > 1 or not equal_channels:
        shortcut = layers.Conv2D(residual.shape[CHANNEL_AXIS], (1, 1), strides=(stride_width, stride_height),
                                 kernel_initializer="he_normal", padding="valid",
                                 kernel_regularizer=l2(0.0001))(x)
    return layers.Add()([shortcut, residual])  # heldout: mistake


def _residual_block(block_function, filters, repetitions, is_first_layer=False):
    def f(x):
        for i in range(repetitions):
            strides = (1, 1)
            if i == 0 and not is_first_layer:
                strides = (2, 2)
            x = block_function(filters, strides, is_first_layer and i == 0)(x)
        return x
    return f


def basic_block(filters, strides=(1, 1), is_first_block_of_first_layer=False):
    def f(x):
        if is_first_block_of_first_layer:
            conv1 = layers.Conv2D(filters, (3, 3), strides=strides, kernel_initializer="he_normal",
                                  padding="same", kernel_regularizer=l2(0.0001))(x)
        else:
            conv1 = _bn_relu_conv(filters, 3, 3, strides=strides)(x)
        residual = _bn_relu_conv(filters, 3, 3)(conv1)
        return _shortcut(x, residual)
    return f


class ResnetBuilder:
    @staticmethod
    def build(input_shape, num_outputs, block_fn, repetitions, base_filters=8):
        """input_shape: (nb_channels, nb_rows, nb_cols), permuted for channels-last."""
        _handle_dim_ordering()
        if len(input_shape) != 3:
            raise Exception("Input shape should be a tuple (nb_channels, nb_rows, nb_cols)")
        if keras.config.image_data_format() == "channels_last":
            input_shape = (input_shape[1], input_shape[2], input_shape[0])
        inputs = keras.Input(shape=input_shape)
        conv1 = _conv_bn_relu(base_filters, 7, 7, strides=(2, 2))(inputs)
        pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same")(conv1)
        block = pool1
        filters = base_filters
        for i, r in enumerate(repetitions):
            block = _residual_block(block_fn, filters, r, is_first_layer=(i == 0))(block)
            filters *= 2
        block = _bn_relu(block)
        pool2 = layers.AveragePooling2D(pool_size=(block.shape[ROW_AXIS], block.shape[COL_AXIS]),
                                        strides=(1, 1))(block)
        flatten1 = layers.Flatten()(pool2)
        dense = layers.Dense(num_outputs, kernel_initializer="he_normal", activation="softmax")(flatten1)
        return keras.Model(inputs, dense)

    @staticmethod
    def build_resnet_18(input_shape, num_outputs):
        return ResnetBuilder.build(input_shape, num_outputs, basic_block, [2, 2, 2, 2])


model = ResnetBuilder.build_resnet_18((3, 200, 200), 100)
model.compile(loss="categorical_crossentropy", optimizer="sgd")
