"""segmentation_models UResNet34 builder: stride-2 encoder on a 197-pixel image, up_block concatenation 14 vs 13.

Source: https://github.com/qubvel/segmentation_models/issues/1
"""
import keras
from keras import layers


def conv_bn_relu(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def up_block(filters, stage, upsample_rate=(2, 2), skip=None):
    def layer(input_tensor):
        x = layers.UpSampling2D(size=upsample_rate, name=f"decoder_stage{stage}_upsample")(input_tensor)
        if skip is not None:
            x = layers.Concatenate()([x, skip])  # heldout: mistake
        return conv_bn_relu(x, filters)
    return layer


def build_unet(input_shape, classes=1, filters=(8, 16, 32, 64, 64)):
    inp = keras.Input(shape=input_shape)
    skips = []
    x = inp
    for f in filters:
        x = conv_bn_relu(x, f, strides=2)
        skips.append(x)
    skips = skips[:-1][::-1]
    for i, f in enumerate(reversed(filters[:-1])):
        x = up_block(f, i, skip=skips[i])(x)
    x = up_block(8, len(filters) - 1)(x)
    out = layers.Conv2D(classes, 3, padding="same", activation="sigmoid")(x)
    return keras.Model(inp, out)


def UResNet34(input_shape, classes=1):
    return build_unet(input_shape, classes)


img_size_target = 99
model = UResNet34((img_size_target, img_size_target, 3))  # heldout: mistake
model.compile(optimizer="adam", loss="binary_crossentropy")
