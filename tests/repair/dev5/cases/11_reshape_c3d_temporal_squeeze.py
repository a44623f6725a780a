"""DR(eye)VE coarse saliency branch: a C3D encoder over a clip, then a Reshape meant to squeeze out the temporal
axis, written for a clip the poolings reduce to one frame; with frames_per_seq=8 two frames remain.

Source: https://github.com/ndrplz/dreyeve/issues/3
"""
from keras.models import Model
from keras.layers import Input, Conv3D, MaxPooling3D, Reshape, UpSampling2D, Conv2D


def CoarseSaliencyModel(input_shape, nf=16):
    fr, h, w, c = input_shape
    c3d_in = Input(shape=input_shape)
    H = Conv3D(nf, (3, 3, 3), activation="relu", padding="same")(c3d_in)
    H = MaxPooling3D(pool_size=(1, 2, 2), strides=(1, 2, 2), padding="valid")(H)
    H = Conv3D(nf, (3, 3, 3), activation="relu", padding="same")(H)
    H = MaxPooling3D(pool_size=(2, 2, 2), strides=(2, 2, 2), padding="valid")(H)
    H = Conv3D(nf, (3, 3, 3), activation="relu", padding="same")(H)
    H = MaxPooling3D(pool_size=(2, 2, 2), strides=(2, 2, 2), padding="valid")(H)
    H = Reshape(target_shape=(h // 8, w // 8, nf))(H)  # squeeze out temporal dimension  # heldout: mistake
    H = Conv2D(nf, (3, 3), activation="relu", padding="same")(H)
    H = UpSampling2D(size=(8, 8))(H)
    out = Conv2D(1, (3, 3), activation="sigmoid", padding="same")(H)
    return Model(c3d_in, out)


frames_per_seq, h, w = 8, 32, 32
model = CoarseSaliencyModel(input_shape=(frames_per_seq, h, w, 3))
model.compile(optimizer="adam", loss="binary_crossentropy")
