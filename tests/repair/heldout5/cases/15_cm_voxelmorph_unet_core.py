"""VoxelMorph U-Net core for 3-D registration (voxelmorph/voxelmorph issue 105).

unet_core(vol_size, enc_nf, dec_nf) downsamples the concatenated moving/fixed volumes with stride-2 convolutions
and merges each upsampled decoder map with the encoder map of the same level.  The reporter changed vol_size to
their own volumes, one of whose sides is not a multiple of 16.
"""
import keras
from keras import layers

vol_size = (32, 32, 36)
nf_enc = [4, 8, 8, 8]
nf_dec = [8, 8, 8, 8, 4, 4]


def conv_block(x_in, nf, strides=1):
    x_out = layers.Conv3D(nf, kernel_size=3, padding="same", kernel_initializer="he_normal", strides=strides)(x_in)
    return layers.LeakyReLU(0.2)(x_out)


def unet_core(vol_size, enc_nf, dec_nf, full_size=True):
    src = keras.Input(shape=(*vol_size, 1), name="src")
    tgt = keras.Input(shape=(*vol_size, 1), name="tgt")
    x_in = layers.concatenate([src, tgt])

    # down-sample path (encoder)
    x_enc = [x_in]
    for i in range(len(enc_nf)):
        x_enc.append(conv_block(x_enc[-1], enc_nf[i], 2))

    # up-sample path (decoder)
    x = conv_block(x_enc[-1], dec_nf[0])
    x = layers.UpSampling3D()(x)
    x = layers.concatenate([x, x_enc[-2]])  # heldout: mistake
    x = conv_block(x, dec_nf[1])
    x = layers.UpSampling3D()(x)
    x = layers.concatenate([x, x_enc[-3]])
    x = conv_block(x, dec_nf[2])
    x = layers.UpSampling3D()(x)
    x = layers.concatenate([x, x_enc[-4]])
    x = conv_block(x, dec_nf[3])
    x = conv_block(x, dec_nf[4])

    if full_size:
        x = layers.UpSampling3D()(x)
        x = layers.concatenate([x, x_enc[0]])
        x = conv_block(x, dec_nf[5])

    return keras.Model(inputs=[src, tgt], outputs=[x])


def miccai2018_net(vol_size, enc_nf, dec_nf):
    unet_model = unet_core(vol_size, enc_nf, dec_nf, full_size=True)
    src, tgt = unet_model.inputs
    x = unet_model.output
    flow = layers.Conv3D(3, kernel_size=3, padding="same", name="flow")(x)
    net = keras.Model(inputs=[src, tgt], outputs=flow)
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="mse")
    return net


model = miccai2018_net(vol_size, nf_enc, nf_dec)
