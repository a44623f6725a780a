"""U-Net with a stride-2 ResNet-like encoder built for an image side not divisible by 32
(qubvel/segmentation_models issue 244).

The encoder halves the map five times with 'same' padding (odd sides round up), the decoder doubles it back and
concatenates each level's skip connection.
"""
import keras
from keras import layers


def conv_block(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def build_unet(input_shape, classes=1, encoder_filters=(8, 16, 32, 64, 128), decoder_filters=(64, 32, 16, 8)):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    skips = []
    for f in encoder_filters:
        x = conv_block(x, f, strides=2)
        x = conv_block(x, f)
        skips.append(x)
    skips = skips[:-1][::-1]

    for f, skip in zip(decoder_filters, skips):
        x = layers.UpSampling2D(size=(2, 2))(x)
        x = layers.Concatenate()([x, skip])  # heldout: mistake
        x = conv_block(x, f)
        x = conv_block(x, f)

    x = layers.UpSampling2D(size=(2, 2))(x)
    outputs = layers.Conv2D(classes, 3, padding="same", activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


model = build_unet(input_shape=(100, 100, 3))  # heldout: mistake
