"""Gesture network: ConvLSTM2D returning every step, then Reshape to one (rows, cols, filters) feature map.

Source: https://github.com/GuangmingZhu/AttentionConvLSTM/issues/5
"""
from keras.models import Model
from keras.layers import Input, ConvLSTM2D, Reshape, Conv2D, GlobalAveragePooling2D, Dense


def build_model(frames, size, filters, nb_classes):
    inp = Input(shape=(frames, size, size, 3))
    clstm = ConvLSTM2D(filters, (3, 3), padding="same", return_sequences=True)(inp)  # heldout: mistake
    featmap_2d = Reshape((size, size, filters), name="clstm_reshape")(clstm)  # heldout: mistake
    x = Conv2D(filters, (3, 3), padding="same", activation="relu")(featmap_2d)
    x = GlobalAveragePooling2D()(x)
    out = Dense(nb_classes, activation="softmax")(x)
    model = Model(inp, out)
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    return model


model = build_model(frames=4, size=14, filters=8, nb_classes=6)
