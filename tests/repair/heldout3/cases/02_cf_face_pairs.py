"""Face comparison network: two grey 32x32 faces in Theano order (1, 32, 32), a shared convolution helper."""
import keras
from keras import layers


def conv(x, n_filters, k_h, k_w, stride=1, border_mode="same"):
    x = layers.Conv2D(n_filters, (k_h, k_w), strides=stride, padding=border_mode)(x)  # heldout: mistake
    return layers.LeakyReLU(0.33)(x)


def face_tower(inp):
    x = conv(inp, 16, 3, 3, border_mode="valid")
    x = conv(x, 16, 3, 3, border_mode="valid")
    x = layers.MaxPooling2D((2, 2))(x)
    x = conv(x, 32, 3, 3)
    x = layers.MaxPooling2D((2, 2))(x)
    return layers.Flatten()(x)


def build_model(img_shape=(1, 32, 32)):
    left = keras.Input(shape=img_shape, name="left")  # heldout: mistake
    right = keras.Input(shape=img_shape, name="right")  # heldout: mistake
    merged = layers.concatenate([face_tower(left), face_tower(right)])
    x = layers.Dense(64, activation="relu")(merged)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model([left, right], out)
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model


model = build_model()
