"""SSD-style face detector head: a (38, 38, 3, 8) prior-box tensor reshaped to (38*38*3, 4).

Source: https://github.com/tensorflow/tensorflow/issues/40666
"""
from keras.models import Model
from keras.layers import Input, Conv2D, Reshape


def build_model(fmap, n_boxes):
    inp = Input(shape=(fmap, fmap, 16))
    x = Conv2D(n_boxes * 8, (3, 3), padding="same")(inp)
    priorbox3 = Reshape((fmap, fmap, n_boxes, 8))(x)
    priorbox3_reshape = Reshape((fmap * fmap * n_boxes, 4))(priorbox3)  # heldout: mistake
    model = Model(inp, priorbox3_reshape)
    model.compile(optimizer="adam", loss="mse")
    return model


model = build_model(10, 3)
