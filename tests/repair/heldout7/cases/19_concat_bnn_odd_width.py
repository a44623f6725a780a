"""Bee-counting U-Net style segmenter built by construct_model(width, height, ...) with stride-2 encoder blocks
and upsampled skip concatenations, called with an image width that is not a multiple of 16 (matpalm/bnn#23,
kmodel.py)."""
import keras
from keras import layers


def construct_model(width, height, base_filter_size, use_batch_norm=True, use_skip_connections=True):

    def conv_bn_relu_block(i, filters, strides):
        o = layers.Conv2D(filters=filters, kernel_size=3, strides=strides, padding="same")(i)
        if use_batch_norm:
            o = layers.BatchNormalization()(o)
        return layers.LeakyReLU(negative_slope=0.0)(o)

    inputs = keras.Input(shape=(height, width, 3), name="inputs")

    e1 = conv_bn_relu_block(inputs, filters=base_filter_size, strides=2)
    e2 = conv_bn_relu_block(e1, filters=2 * base_filter_size, strides=2)
    e3 = conv_bn_relu_block(e2, filters=4 * base_filter_size, strides=2)
    e4 = conv_bn_relu_block(e3, filters=8 * base_filter_size, strides=2)

    d1 = layers.UpSampling2D(name="e4nn")(e4)
    if use_skip_connections:
        d1 = layers.Concatenate(name="d1_e3")([d1, e3])
    d1 = conv_bn_relu_block(d1, filters=4 * base_filter_size, strides=1)

    d2 = layers.UpSampling2D(name="d1nn")(d1)
    if use_skip_connections:
        d2 = layers.Concatenate(name="d2_e2")([d2, e2])
    d2 = conv_bn_relu_block(d2, filters=2 * base_filter_size, strides=1)

    d3 = layers.UpSampling2D(name="d2nn")(d2)
    if use_skip_connections:
        d3 = layers.Concatenate(name="d3_e1")([d3, e1])  # heldout: mistake
    d3 = conv_bn_relu_block(d3, filters=base_filter_size, strides=1)

    logits = layers.Conv2D(filters=1, kernel_size=1, strides=1, activation=None, name="logits")(d3)
    return keras.Model(inputs=inputs, outputs=logits)


def compile_model(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True))
    return model


model = construct_model(width=45, height=32, base_filter_size=4)  # heldout: mistake
model = compile_model(model, learning_rate=1e-3)
