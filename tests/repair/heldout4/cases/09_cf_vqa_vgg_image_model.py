"""VQA demo image model: VGG_16 built for Theano weights on (3, size, size) images, with an extra pooling added."""
import keras
from keras import layers


def VGG_16(size=32):
    model = keras.Sequential()
    model.add(layers.ZeroPadding2D((1, 1), input_shape=(3, size, size)))  # heldout: mistake
    model.add(layers.Conv2D(16, (3, 3), activation="relu"))
    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(16, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))
    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(32, (3, 3), activation="relu"))
    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(32, (3, 3), activation="relu"))
    return model


def get_image_model(num_outputs=16):
    image_model = VGG_16()
    image_model.add(layers.MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
    image_model.add(layers.ZeroPadding2D((1, 1)))
    image_model.add(layers.Conv2D(64, (3, 3), activation="relu"))
    image_model.add(layers.Flatten())
    image_model.add(layers.Dense(64, activation="relu"))
    image_model.add(layers.Dense(num_outputs, activation="softmax"))
    image_model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
    return image_model


model = get_image_model()
