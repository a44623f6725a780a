"""3-D MRI tumour segmentation network of the autoencoder-regularisation paper (channels-first Conv3D encoder of
green residual blocks, decoder that upsamples and adds the encoder features) built for BraTS volumes whose depth,
155, is not divisible by 16: the first decoder Add receives depth 40 and depth 39
(IAmSuyogJadhav/3d-mri-brain-tumor-segmentation-using-autoencoder-regularization#1)."""
import keras
from keras import layers

DF = "channels_first"


def green_block(inp, filters, name=None):
    x = layers.GroupNormalization(groups=8, axis=1)(inp)
    x = layers.Activation("relu")(x)
    x = layers.Conv3D(filters, (3, 3, 3), padding="same", data_format=DF)(x)
    x = layers.GroupNormalization(groups=8, axis=1)(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv3D(filters, (3, 3, 3), padding="same", data_format=DF)(x)
    if inp.shape[1] != filters:
        inp = layers.Conv3D(filters, (1, 1, 1), data_format=DF)(inp)
    return layers.Add(name=f"Out_{name}" if name else None)([x, inp])


def build_model(input_shape=(4, 32, 32, 32), output_channels=3, base=8):
    c, H, W, D = input_shape
    inp = keras.Input(input_shape)
    x = layers.Conv3D(base, (3, 3, 3), padding="same", data_format=DF)(inp)
    x = layers.SpatialDropout3D(0.2, data_format=DF)(x)
    x1 = green_block(x, base, name="x1")
    x = layers.Conv3D(base, (3, 3, 3), strides=2, padding="same", data_format=DF)(x1)
    x2 = green_block(x, base * 2, name="x2")
    x = layers.Conv3D(base * 2, (3, 3, 3), strides=2, padding="same", data_format=DF)(x2)
    x3 = green_block(x, base * 4, name="x3")
    x = layers.Conv3D(base * 4, (3, 3, 3), strides=2, padding="same", data_format=DF)(x3)
    x4 = green_block(x, base * 8, name="x4")

    x = layers.Conv3D(base * 4, (1, 1, 1), data_format=DF)(x4)
    x = layers.UpSampling3D(size=2, data_format=DF)(x)
    x = layers.Add(name="Input_Dec_GT_128")([x, x3])  # heldout: mistake
    x = green_block(x, base * 4, name="Dec_GT_128")
    x = layers.Conv3D(base * 2, (1, 1, 1), data_format=DF)(x)
    x = layers.UpSampling3D(size=2, data_format=DF)(x)
    x = layers.Add(name="Input_Dec_GT_64")([x, x2])
    x = green_block(x, base * 2, name="Dec_GT_64")
    x = layers.Conv3D(base, (1, 1, 1), data_format=DF)(x)
    x = layers.UpSampling3D(size=2, data_format=DF)(x)
    x = layers.Add(name="Input_Dec_GT_32")([x, x1])
    x = green_block(x, base, name="Dec_GT_32")
    out_gt = layers.Conv3D(output_channels, (1, 1, 1), activation="sigmoid", data_format=DF)(x)
    model = keras.Model(inp, out_gt)
    model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="binary_crossentropy")
    return model


# BraTS 2018 volumes of 240 x 240 x 155 in the report, input_shape=(1, 240, 240, 155)
model = build_model(input_shape=(1, 16, 16, 20))  # heldout: mistake
