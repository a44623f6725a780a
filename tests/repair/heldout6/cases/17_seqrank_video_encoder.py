"""Video classifier: a convolutional face encoder without its top, wrapped in TimeDistributed and fed to an
LSTM (keras-team/keras#9887)."""
import keras
from keras import layers


def make_face_encoder(size=32):
    inp = keras.Input(shape=(size, size, 3))
    x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(inp)
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)  # include_top=False: a feature map
    return keras.Model(inp, x, name="face_encoder")


def build_model(n_frames=4, size=32, n_classes=7):
    video = keras.Input(shape=(n_frames, size, size, 3), name="video_input")
    face_encoder = make_face_encoder(size)
    face_encoder.trainable = False
    encoded_frame = layers.TimeDistributed(face_encoder)(video)  # heldout: mistake
    encoded_vid = layers.LSTM(32)(encoded_frame)  # heldout: mistake
    outputs = layers.Dense(n_classes, activation="softmax")(encoded_vid)
    model = keras.Model(inputs=[video], outputs=outputs)
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


model = build_model()
