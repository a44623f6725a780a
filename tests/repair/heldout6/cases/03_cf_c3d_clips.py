"""C3D (3-D convolutions on video clips) written for the Theano ordering, built on the TensorFlow ordering
(chuckcho/c3d-keras#6)."""
import keras
from keras import layers


def get_model(summary=False, n_frames=8, size=32, n_classes=5):
    model = keras.Sequential(name="c3d")
    model.add(keras.Input(shape=(3, n_frames, size, size)))  # heldout: mistake
    model.add(layers.Conv3D(8, (3, 3, 3), activation="relu", padding="same", name="conv1"))
    model.add(layers.MaxPooling3D(pool_size=(1, 2, 2), strides=(1, 2, 2), padding="valid", name="pool1"))
    model.add(layers.Conv3D(16, (3, 3, 3), activation="relu", padding="same", name="conv2"))
    model.add(layers.MaxPooling3D(pool_size=(2, 2, 2), strides=(2, 2, 2), padding="valid", name="pool2"))
    model.add(layers.Conv3D(32, (3, 3, 3), activation="relu", padding="same", name="conv3a"))
    model.add(layers.MaxPooling3D(pool_size=(2, 2, 2), strides=(2, 2, 2), padding="valid", name="pool3"))  # heldout: mistake
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation="relu", name="fc6"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(n_classes, activation="softmax", name="fc8"))
    if summary:
        model.summary()
    return model


model = get_model(summary=False)
model.compile(optimizer="sgd", loss="categorical_crossentropy")
