"""A builder class whose build method calls its own helper methods and reads attributes set in __init__."""
import keras
from keras import layers


class InceptionTimeLike:
    def __init__(self, input_shape, nb_classes, nb_filters=32, depth=3, kernel_size=41):
        self.nb_filters = nb_filters
        self.depth = depth
        self.kernel_size = kernel_size - 1
        self.bottleneck_size = 32
        self.model = self.build_model(input_shape, nb_classes)

    def _inception_module(self, input_tensor, stride=1, activation="linear"):
        x = layers.Conv1D(self.bottleneck_size, 1, padding="same", use_bias=False)(input_tensor)
        kernel_sizes = [self.kernel_size // (2 ** i) for i in range(3)]
        branches = []
        for k in kernel_sizes:
            branches.append(layers.Conv1D(self.nb_filters, k, strides=stride, padding="same", use_bias=False)(x))
        pool = layers.MaxPool1D(pool_size=3, strides=stride, padding="same")(input_tensor)
        branches.append(layers.Conv1D(self.nb_filters, 1, padding="same", use_bias=False)(pool))
        x = layers.Concatenate(axis=2)(branches)
        x = layers.BatchNormalization()(x)
        return layers.Activation("relu")(x)

    def build_model(self, input_shape, nb_classes):
        input_layer = layers.Input(input_shape)
        x = input_layer
        for _ in range(self.depth):
            x = self._inception_module(x)
        gap = layers.GlobalAveragePooling1D()(x)
        output_layer = layers.Dense(nb_classes, activation="softmax")(gap)
        return keras.Model(inputs=input_layer, outputs=output_layer)


net = InceptionTimeLike(input_shape=(120, 1), nb_classes=3, depth=2)
