"""rank: a functional video classifier whose frame encoder (Conv2D, pooling, Flatten) is applied to the clip as
if it were one image, so the GRU gets one vector: the encoder goes inside TimeDistributed and the Input takes
any number of frames (nothing tells how many)."""
import keras
from keras import layers


def build_classifier(height, width, classes):
    frames = keras.Input(shape=(height, width, 3))
    x = layers.Conv2D(16, 3, activation="relu")(frames)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.GRU(32)(x)
    outputs = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(frames, outputs)


model = build_classifier(32, 32, 5)
model.compile(loss="categorical_crossentropy", optimizer="adam")
