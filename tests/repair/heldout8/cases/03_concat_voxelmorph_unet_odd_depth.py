"""VoxelMorph-style dense registration U-Net for a volume whose last axis (44) is not divisible by 16: after four
poolings the upsampled decoder map and the encoder skip differ by one voxel (voxelmorph/voxelmorph#621)."""
import keras
from keras import layers


def conv_block(x, nf, name):
    x = layers.Conv3D(nf, 3, padding="same", kernel_initializer="he_normal", name=name)(x)
    return layers.LeakyReLU(negative_slope=0.2)(x)


def unet(x, nb_features):
    enc_nf, dec_nf = nb_features
    nb_levels = len(enc_nf)
    history = []
    for level in range(nb_levels):
        x = conv_block(x, enc_nf[level], name="enc_conv_%d" % level)
        history.append(x)
        x = layers.MaxPooling3D(2, name="enc_pool_%d" % level)(x)
    for level in range(nb_levels):
        x = conv_block(x, dec_nf[level], name="dec_conv_%d" % level)
        x = layers.UpSampling3D(2, name="dec_up_%d" % level)(x)
        x = layers.concatenate([x, history.pop()], name="dec_concat_%d" % level)  # heldout: mistake
    for i, nf in enumerate(dec_nf[nb_levels:]):
        x = conv_block(x, nf, name="extra_conv_%d" % i)
    return x


def vxm_dense(inshape, nb_features):
    # source and target volumes stacked on the channel axis, as VxmDense concatenates them before its U-Net
    pair = keras.Input(shape=(*inshape, 2), name="source_target")
    features = unet(pair, nb_features)
    flow = layers.Conv3D(len(inshape), 3, padding="same", name="flow",
                         kernel_initializer=keras.initializers.RandomNormal(stddev=1e-5))(features)
    return keras.Model(pair, flow)


vol_shape = (16, 16, 44)  # heldout: mistake
nb_features = [
    [16, 32, 32, 32],
    [32, 32, 32, 32, 32, 16, 16],
]
model = vxm_dense(vol_shape, nb_features)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="mse")
