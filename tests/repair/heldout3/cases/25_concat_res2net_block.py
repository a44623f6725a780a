"""Res2Net block whose convolutions are channels_first while the split/concatenate works on the last axis."""
import keras
from keras import layers


def res2net_block(x, filters, scale=4):
    y = layers.Conv2D(filters, 1, padding="same", data_format="channels_first")(x)
    width = filters // scale
    splits = [layers.Lambda(lambda t, i=i: t[:, i * width:(i + 1) * width])(y) for i in range(scale)]
    outs = [splits[0]]
    prev = None
    for s in splits[1:]:
        s = s if prev is None else layers.add([s, prev])
        prev = layers.Conv2D(width, 3, padding="same", activation="relu", data_format="channels_first")(s)
        outs.append(prev)
    y = layers.concatenate(outs, axis=1)
    y = layers.Conv2D(filters, 1, padding="same", data_format="channels_first")(y)
    return layers.concatenate([x, y], axis=-1)  # heldout: mistake


def build_model(input_shape=(64, 30, 8), n_classes=10):
    inp = keras.Input(shape=input_shape)
    x = res2net_block(inp, 16)
    x = layers.GlobalAveragePooling2D(data_format="channels_first")(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = build_model()
model.compile(loss="categorical_crossentropy", optimizer="adam")
