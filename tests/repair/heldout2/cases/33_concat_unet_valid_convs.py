"""U-Net as in the paper (572x572 input, unpadded 3x3 convolutions) but without cropping the skip connections
before concatenation.

Source: https://github.com/qubvel/segmentation_models/issues/154
Filter counts are divided by 8 (64 -> 8) to keep the CPU step small; the spatial sizes are the paper's.
"""
from keras.layers import Input, Conv2D, BatchNormalization, Activation, MaxPooling2D, Conv2DTranspose, concatenate
from keras.models import Model


def conv_bn(x, f):
    x = Conv2D(f, (3, 3))(x)
    x = BatchNormalization()(x)
    return Activation("relu")(x)


inputs = Input(shape=(572, 572, 3))
conv1 = conv_bn(conv_bn(inputs, 8), 8)                 # 568
pool1 = MaxPooling2D((2, 2), strides=(2, 2), padding="same")(conv1)
conv2 = conv_bn(conv_bn(pool1, 16), 16)                # 280
pool2 = MaxPooling2D((2, 2), strides=(2, 2), padding="same")(conv2)
conv3 = conv_bn(conv_bn(pool2, 32), 32)                # 136
pool3 = MaxPooling2D((2, 2), strides=(2, 2), padding="same")(conv3)
conv4 = conv_bn(conv_bn(pool3, 64), 64)                # 64
pool4 = MaxPooling2D((2, 2), strides=(2, 2), padding="same")(conv4)
conv5 = conv_bn(conv_bn(pool4, 128), 128)              # 28

up6 = Conv2DTranspose(64, (2, 2), strides=(2, 2))(conv5)  # 56
merge6 = concatenate([conv4, up6], axis=3)  # heldout: mistake
conv6 = conv_bn(conv_bn(merge6, 64), 64)
up7 = Conv2DTranspose(32, (2, 2), strides=(2, 2))(conv6)
merge7 = concatenate([conv3, up7], axis=3)  # heldout: mistake
conv7 = conv_bn(conv_bn(merge7, 32), 32)
up8 = Conv2DTranspose(16, (2, 2), strides=(2, 2))(conv7)
merge8 = concatenate([conv2, up8], axis=3)  # heldout: mistake
conv8 = conv_bn(conv_bn(merge8, 16), 16)
up9 = Conv2DTranspose(8, (2, 2), strides=(2, 2))(conv8)
merge9 = concatenate([conv1, up9], axis=3)  # heldout: mistake
conv9 = conv_bn(conv_bn(merge9, 8), 8)
outputs = Conv2D(2, (1, 1), activation="softmax")(conv9)

model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
