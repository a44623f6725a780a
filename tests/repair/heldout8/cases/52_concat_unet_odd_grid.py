"""U-Net on a gridded field whose side is not a power of two: pooling floors the odd sizes, so an upsampled
decoder map is one pixel short of its skip connection (blog.csdn.net, weixin_44237337/131796911)."""
import keras
from keras import layers


def conv_block(x, filter_size, size, dropout, batch_norm=False):
    conv = layers.Conv2D(size, (filter_size, filter_size), padding="same")(x)
    if batch_norm is True:
        conv = layers.BatchNormalization(axis=3)(conv)
    conv = layers.Activation("relu")(conv)
    conv = layers.Conv2D(size, (filter_size, filter_size), padding="same")(conv)
    if batch_norm is True:
        conv = layers.BatchNormalization(axis=3)(conv)
    conv = layers.Activation("relu")(conv)
    if dropout > 0:
        conv = layers.Dropout(dropout)(conv)
    return conv


FILTER_NUM, FILTER_SIZE, UP_SAMP_SIZE, dropout_rate, batch_norm = 8, 3, 2, 0, True


def build_unet(input_size, filter_num, filter_size, up_samp_size, dropout_rate, batch_norm):
    inputs = layers.Input(input_size, dtype="float32")

    # Downsampling layers
    conv_45 = conv_block(inputs, filter_size, filter_num, dropout_rate, batch_norm)
    pool_22 = layers.MaxPooling2D(pool_size=(2, 2))(conv_45)
    conv_22 = conv_block(pool_22, filter_size, 2 * filter_num, dropout_rate, batch_norm)
    pool_11 = layers.MaxPooling2D(pool_size=(2, 2))(conv_22)
    conv_11 = conv_block(pool_11, filter_size, 4 * filter_num, dropout_rate, batch_norm)
    pool_5 = layers.MaxPooling2D(pool_size=(2, 2))(conv_11)
    conv_5 = conv_block(pool_5, filter_size, 8 * filter_num, dropout_rate, batch_norm)

    # Upsampling layers
    up_11 = layers.UpSampling2D(size=(up_samp_size, up_samp_size), data_format="channels_last")(conv_5)
    up_11 = layers.concatenate([up_11, conv_11], axis=3)  # heldout: mistake
    up_conv_11 = conv_block(up_11, filter_size, 4 * filter_num, dropout_rate, batch_norm)
    up_22 = layers.UpSampling2D(size=(up_samp_size, up_samp_size), data_format="channels_last")(up_conv_11)
    up_22 = layers.concatenate([up_22, conv_22], axis=3)
    up_conv_22 = conv_block(up_22, filter_size, 2 * filter_num, dropout_rate, batch_norm)
    up_45 = layers.UpSampling2D(size=(up_samp_size, up_samp_size), data_format="channels_last")(up_conv_22)
    up_45 = layers.concatenate([up_45, conv_45], axis=3)
    up_conv_45 = conv_block(up_45, filter_size, filter_num, dropout_rate, batch_norm)

    outputs = layers.Conv2D(1, kernel_size=(1, 1))(up_conv_45)
    return keras.Model(inputs, outputs, name="unet")


model = build_unet((45, 45, 7), FILTER_NUM, FILTER_SIZE, UP_SAMP_SIZE, dropout_rate, batch_norm)  # heldout: mistake
model.compile(optimizer="adam", loss="mse")
