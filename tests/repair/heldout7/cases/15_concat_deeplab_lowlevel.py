"""DeepLabV3+ with a MobileNetV2-like backbone: the low-level features are taken at stride 8 while the decoder
upsamples the ASPP output by 4 from stride 16, as for ResNet's stride-4 features (lattice-ai/DeepLabV3-Plus#8)."""
import keras
from keras import layers


def conv_bn(x, filters, kernel_size=3, strides=1, dilation_rate=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, dilation_rate=dilation_rate, padding="same",
                      use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def backbone(inputs):
    f2 = conv_bn(inputs, 8, strides=2)
    f4 = conv_bn(f2, 16, strides=2)
    f8 = conv_bn(f4, 24, strides=2)
    f16 = conv_bn(f8, 32, strides=2)
    return {"stride_4": f4, "stride_8": f8, "stride_16": f16}


def aspp(x, filters=32):
    dims = x.shape
    pool = layers.AveragePooling2D(pool_size=(dims[1], dims[2]))(x)
    pool = conv_bn(pool, filters, kernel_size=1)
    pool = layers.UpSampling2D(size=(dims[1], dims[2]), interpolation="bilinear")(pool)
    y_1 = conv_bn(x, filters, kernel_size=1)
    y_6 = conv_bn(x, filters, dilation_rate=6)
    y_12 = conv_bn(x, filters, dilation_rate=12)
    y = layers.Concatenate()([pool, y_1, y_6, y_12])
    return conv_bn(y, filters, kernel_size=1)


def DeeplabV3Plus(input_shape, n_classes):
    inputs = keras.Input(shape=input_shape)
    features = backbone(inputs)
    x = aspp(features["stride_16"])
    x = layers.UpSampling2D(size=4, interpolation="bilinear")(x)
    low_level = features["stride_8"]  # heldout: mistake
    low_level = conv_bn(low_level, 48, kernel_size=1)
    x = layers.Concatenate()([x, low_level])  # heldout: mistake
    x = conv_bn(x, 32)
    x = conv_bn(x, 32)
    x = layers.UpSampling2D(size=4, interpolation="bilinear")(x)
    outputs = layers.Conv2D(n_classes, 1, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = DeeplabV3Plus((64, 64, 3), n_classes=4)
model.compile(optimizer="adam", loss="categorical_crossentropy")
