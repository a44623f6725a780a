"""ResNet-50 of raghakot/keras-resnet (ResNetBuilder.build_resnet_50) as it was before the library learnt the
TensorFlow ordering: the builder takes the input as (channels, rows, cols), normalises on axis 1 and reads the
channel count of a tensor at index 1 and the rows/cols at indices 2 and 3.  Built with the channels-last default,
the (3, rows, cols) input is read as 3 rows of `rows` columns with `cols` channels; the first bottleneck's shortcut
then sees "equal channels" (index 1 is a row count) and adds (1, 16, 8) to (1, 16, 32) without a projection
(raghakot/keras-resnet#17: build_resnet_50((3, 300, 300), 5) with the TensorFlow backend, "Only layers of same
output shape can be merged using sum mode. Layer shapes: [(None, 1, 75, 64), (None, 1, 75, 256)]")."""
import keras
from keras import layers


def _conv_bn_relu(filters, rows, cols, strides=(1, 1)):
    def f(x):
        conv = layers.Conv2D(filters, (rows, cols), strides=strides, kernel_initializer="he_normal",
                             padding="same")(x)
        norm = layers.BatchNormalization(axis=1)(conv)  # heldout: mistake
        return layers.Activation("relu")(norm)
    return f


def _bn_relu_conv(filters, rows, cols, strides=(1, 1)):
    def f(x):
        norm = layers.BatchNormalization(axis=1)(x)  # heldout: mistake
        activation = layers.Activation("relu")(norm)
        return layers.Conv2D(filters, (rows, cols), strides=strides, kernel_initializer="he_normal",
                             padding="same")(activation)
    return f


def _shortcut(x, residual):
    stride_width = x.shape[2] // residual.shape[2]  # heldout: mistake
    stride_height = x.shape[3] // residual.shape[3]  # heldout: mistake
    equal_channels = residual.shape[1] == x.shape[1]  # heldout: mistake
    shortcut = x
    if stride_width > 1 or stride_height > 1 or not equal_channels:
        shortcut = layers.Conv2D(residual.shape[1], (1, 1), strides=(stride_width, stride_height),  # heldout: mistake
                                 kernel_initializer="he_normal", padding="valid")(x)
    return layers.Add()([shortcut, residual])  # heldout: mistake


def _residual_block(block_function, filters, repetitions, is_first_layer=False):
    def f(x):
        for i in range(repetitions):
            strides = (1, 1)
            if i == 0 and not is_first_layer:
                strides = (2, 2)
            x = block_function(filters, strides)(x)
        return x
    return f


def bottleneck(filters, strides=(1, 1)):
    def f(x):
        conv_1_1 = _bn_relu_conv(filters, 1, 1, strides=strides)(x)
        conv_3_3 = _bn_relu_conv(filters, 3, 3)(conv_1_1)
        residual = _bn_relu_conv(filters * 4, 1, 1)(conv_3_3)
        return _shortcut(x, residual)
    return f


class ResNetBuilder:
    @staticmethod
    def build(input_shape, num_outputs, block_fn, repetitions, base_filters=8):
        """input_shape: (nb_channels, nb_rows, nb_cols)."""
        if len(input_shape) != 3:
            raise Exception("Input shape should be a tuple (nb_channels, nb_rows, nb_cols)")
        inputs = keras.Input(shape=input_shape)  # heldout: mistake
        conv1 = _conv_bn_relu(base_filters, 7, 7, strides=(2, 2))(inputs)
        pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same")(conv1)
        block = pool1
        filters = base_filters
        for i, r in enumerate(repetitions):
            block = _residual_block(block_fn, filters, r, is_first_layer=i == 0)(block)
            filters *= 2
        pool2 = layers.AveragePooling2D(pool_size=(block.shape[2], block.shape[3]), strides=(1, 1))(block)  # heldout: mistake
        flatten1 = layers.Flatten()(pool2)
        dense = layers.Dense(num_outputs, kernel_initializer="he_normal", activation="softmax")(flatten1)
        return keras.Model(inputs, dense)

    @staticmethod
    def build_resnet_50(input_shape, num_outputs):
        return ResNetBuilder.build(input_shape, num_outputs, bottleneck, [3, 4, 6, 3])


model = ResNetBuilder.build_resnet_50((3, 64, 64), 5)  # (3, 300, 300) in the report
model.compile(loss="categorical_crossentropy", optimizer="sgd")
