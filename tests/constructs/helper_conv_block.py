"""Helper functions applied to tensors: defaults, keywords, a nested helper, a literal loop, `x = inputs`."""
import keras
from keras import layers


def conv_bn_relu(x, filters, kernel_size=3, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def down_stage(x, filters):
    x = conv_bn_relu(x, filters)
    x = conv_bn_relu(x, filters, strides=2)
    return x


inputs = keras.Input(shape=(64, 64, 3))
x = inputs
x = conv_bn_relu(x, 16, kernel_size=5)
for width in [32, 64, 128]:
    x = down_stage(x, width)
x = conv_bn_relu(x, filters=256, kernel_size=1)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="small_cnn")
model.summary()
