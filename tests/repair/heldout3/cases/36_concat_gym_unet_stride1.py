"""Config-driven segmentation U-Net: downsampling is the convolution stride, so STRIDE=1 leaves the encoder at full size
while the decoder still upsamples by 2 before each skip concatenation."""
import keras
from keras import layers

CONFIG = {"TARGET_SIZE": [32, 48], "MODEL": "unet", "KERNEL": 3, "STRIDE": 1, "FILTERS": 8, "NCLASSES": 4}


def conv_block(x, filters, kernel_size, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="same")(x)  # heldout: mistake
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def custom_unet(sz, f, nclasses, kernel_size, stride, levels=3):
    inputs = keras.Input(shape=sz)
    x = conv_block(inputs, f, kernel_size)
    skips = [x]
    for i in range(1, levels + 1):
        x = conv_block(x, f * 2 ** i, kernel_size, strides=stride)
        x = conv_block(x, f * 2 ** i, kernel_size)
        skips.append(x)
    skips.pop()
    for i in reversed(range(levels)):
        x = layers.UpSampling2D(size=(2, 2))(x)
        x = layers.concatenate([x, skips[i]])  # heldout: mistake
        x = conv_block(x, f * 2 ** i, kernel_size)
    outputs = layers.Conv2D(nclasses, (1, 1), activation="softmax")(x)
    return keras.Model(inputs=[inputs], outputs=[outputs])


model = custom_unet((CONFIG["TARGET_SIZE"][0], CONFIG["TARGET_SIZE"][1], 3), CONFIG["FILTERS"], CONFIG["NCLASSES"],
                    kernel_size=(CONFIG["KERNEL"], CONFIG["KERNEL"]), stride=CONFIG["STRIDE"])
model.compile(optimizer="adam", loss="categorical_crossentropy")
