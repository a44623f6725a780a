"""U-Net with 'same' convolutions, four 2x2 poolings and stride-2 Conv2DTranspose upsampling, applied to images
whose side is not divisible by 16: a pooling floors an odd map (25 -> 12), so the transposed convolution gives back
24 rows where the skip connection has 25 and the concatenation fails, "missing a pixel" (whosebug.com 4470904,
"Trying to perform transposed convolution but missing a pixel")."""
import keras
from keras import layers


def conv2d_block(input_tensor, n_filters, kernel_size=3, batchnorm=True):
    x = input_tensor
    for _ in range(2):
        x = layers.Conv2D(n_filters, (kernel_size, kernel_size), kernel_initializer="he_normal", padding="same")(x)
        if batchnorm:
            x = layers.BatchNormalization()(x)
        x = layers.Activation("relu")(x)
    return x


def get_unet(input_img, n_filters=16, dropout=0.5, batchnorm=True):
    # contracting path
    c1 = conv2d_block(input_img, n_filters * 1, 3, batchnorm)
    p1 = layers.Dropout(dropout * 0.5)(layers.MaxPooling2D((2, 2))(c1))
    c2 = conv2d_block(p1, n_filters * 2, 3, batchnorm)
    p2 = layers.Dropout(dropout)(layers.MaxPooling2D((2, 2))(c2))
    c3 = conv2d_block(p2, n_filters * 4, 3, batchnorm)
    p3 = layers.Dropout(dropout)(layers.MaxPooling2D((2, 2))(c3))
    c4 = conv2d_block(p3, n_filters * 8, 3, batchnorm)
    p4 = layers.Dropout(dropout)(layers.MaxPooling2D(pool_size=(2, 2))(c4))
    c5 = conv2d_block(p4, n_filters * 16, 3, batchnorm)

    # expansive path
    u6 = layers.Conv2DTranspose(n_filters * 8, (3, 3), strides=(2, 2), padding="same")(c5)
    u6 = layers.concatenate([u6, c4])
    c6 = conv2d_block(layers.Dropout(dropout)(u6), n_filters * 8, 3, batchnorm)
    u7 = layers.Conv2DTranspose(n_filters * 4, (3, 3), strides=(2, 2), padding="same")(c6)
    u7 = layers.concatenate([u7, c3])  # heldout: mistake
    c7 = conv2d_block(layers.Dropout(dropout)(u7), n_filters * 4, 3, batchnorm)
    u8 = layers.Conv2DTranspose(n_filters * 2, (3, 3), strides=(2, 2), padding="same")(c7)
    u8 = layers.concatenate([u8, c2])
    c8 = conv2d_block(layers.Dropout(dropout)(u8), n_filters * 2, 3, batchnorm)
    u9 = layers.Conv2DTranspose(n_filters * 1, (3, 3), strides=(2, 2), padding="same")(c8)
    u9 = layers.concatenate([u9, c1], axis=3)
    c9 = conv2d_block(layers.Dropout(dropout)(u9), n_filters * 1, 3, batchnorm)

    outputs = layers.Conv2D(1, (1, 1), activation="sigmoid")(c9)
    return keras.Model(inputs=[input_img], outputs=[outputs])


im_height, im_width = 100, 100
input_img = keras.Input((im_height, im_width, 1), name="img")  # heldout: mistake
model = get_unet(input_img, n_filters=4, dropout=0.05, batchnorm=True)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
