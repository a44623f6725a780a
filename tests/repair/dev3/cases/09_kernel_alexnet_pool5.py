"""AlexNet for 28x28 MNIST: stride-4 first convolution and valid poolings shrink the map to 1x1 before pool5.

Source: https://github.com/keras-team/keras/issues/7002 (TensorFlow ops; written in Keras)
"""
import keras
from keras import layers


def conv1st(name, x, filters):
    return layers.Conv2D(filters, 11, strides=4, padding="valid", activation="relu", name=name)(x)


def conv2d(name, x, filters):
    return layers.Conv2D(filters, 3, strides=1, padding="same", activation="relu", name=name)(x)


def max_pool(name, x, k, s):
    return layers.MaxPooling2D(pool_size=k, strides=s, padding="valid", name=name)(x)  # heldout: mistake


def alex_net(n_classes=10, dropout=0.75):
    inp = keras.Input(shape=(28, 28, 1))
    x = conv1st("conv1", inp, 32)
    x = max_pool("pool1", x, 2, 2)
    x = conv2d("conv2", x, 64)
    x = max_pool("pool2", x, 2, 2)
    x = conv2d("conv3", x, 64)
    x = conv2d("conv4", x, 64)
    x = conv2d("conv5", x, 128)
    x = max_pool("pool5", x, 2, 2)
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation="relu")(x)
    x = layers.Dropout(1 - dropout)(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = alex_net()
model.compile(optimizer="adam", loss="categorical_crossentropy")
