"""Inception-style block whose flattened map is reshaped for an LSTM (keras-team/keras issue 12066).

The reporter concatenates a 1x1 and a 2x2 convolution of the same map, average-pools it, flattens it and reshapes the
result to (side, side) to feed an LSTM, with the image side as the reshape size.
"""
import keras
from keras import layers


def inception_block(x, f1, f2):
    conv_1 = layers.Conv2D(f1, (1, 1), activation="elu", padding="same")(x)
    conv_2 = layers.Conv2D(f2, (2, 2), activation="elu", padding="same")(x)
    return layers.concatenate([conv_1, conv_2])


def build_model(img_size=16, channels=3, n_classes=4):
    inputs = keras.Input((img_size, img_size, channels))
    previously_layers = layers.Conv2D(8, (3, 3), activation="elu", padding="same")(inputs)
    icp = inception_block(previously_layers, 8, 16)

    output = layers.AveragePooling2D(pool_size=(2, 2))(icp)
    output = layers.Flatten()(output)
    output = layers.Reshape((img_size, img_size))(output)  # heldout: mistake
    output = layers.LSTM(4)(output)
    output = layers.Dropout(0.5)(output)
    output = layers.Dense(n_classes, activation="softmax")(output)

    model = keras.Model(inputs, output)
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = build_model()
