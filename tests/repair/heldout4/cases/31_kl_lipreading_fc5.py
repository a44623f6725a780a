"""Lip-reading visual stream (mouth_cnn): 3-D convolutions over 9 mouth frames, resized from 32x48 to 32x32."""
import keras
from keras import layers

num_frames = 9


def mouth_cnn(inputs, num_classes=2):
    x = layers.Conv3D(16, (1, 3, 3), strides=(1, 2, 2), activation="relu", name="conv1")(inputs)
    x = layers.Conv3D(32, (1, 3, 3), strides=(1, 2, 2), activation="relu", name="conv2")(x)
    x = layers.Conv3D(64, (1, 3, 3), activation="relu", name="conv3")(x)
    x = layers.Conv3D(64, (1, 3, 3), activation="relu", name="conv4")(x)
    x = layers.Conv3D(128, (1, 2, 5), activation="relu", name="fc5")(x)  # heldout: mistake
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu", name="fc6")(x)
    return layers.Dense(num_classes, activation="softmax", name="fc7")(x)


mouth = keras.Input(shape=(num_frames, 32, 32, 1), name="mouth")  # heldout: mistake
model = keras.Model(mouth, mouth_cnn(mouth))
model.compile(optimizer="adam", loss="categorical_crossentropy")
