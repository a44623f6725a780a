"""DenseNet class for MNIST: each transition layer halves the map with a valid 2x2 average pooling.

Source: https://github.com/taki0112/Densenet-Tensorflow/issues/1 (TensorFlow layers; written in Keras)
"""
import keras
from keras import layers


class DenseNet:
    def __init__(self, nb_blocks, filters):
        self.nb_blocks = nb_blocks
        self.filters = filters

    def bottleneck_layer(self, x):
        y = layers.BatchNormalization()(x)
        y = layers.Activation("relu")(y)
        y = layers.Conv2D(4 * self.filters, 1, padding="same")(y)
        y = layers.Conv2D(self.filters, 3, padding="same")(y)
        return y

    def dense_block(self, x, nb_layers):
        for _ in range(nb_layers):
            y = self.bottleneck_layer(x)
            x = layers.Concatenate()([x, y])
        return x

    def transition_layer(self, x):
        x = layers.BatchNormalization()(x)
        x = layers.Conv2D(self.filters, 1, padding="same")(x)
        x = layers.AveragePooling2D(pool_size=2, strides=2, padding="valid")(x)  # heldout: mistake
        return x

    def dense_net(self, inp):
        x = layers.Conv2D(2 * self.filters, 7, strides=2, padding="same")(inp)
        x = layers.MaxPooling2D(pool_size=3, strides=2, padding="same")(x)
        for _ in range(self.nb_blocks):
            x = self.dense_block(x, 2)
            x = self.transition_layer(x)
        x = self.dense_block(x, 2)
        x = layers.GlobalAveragePooling2D()(x)
        return layers.Dense(10, activation="softmax")(x)

    def build(self):
        inp = keras.Input(shape=(28, 28, 1))
        return keras.Model(inp, self.dense_net(inp))


model = DenseNet(nb_blocks=3, filters=8).build()
model.compile(optimizer="adam", loss="categorical_crossentropy")
