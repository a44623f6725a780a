"""Car-sound spectrogram classifier (get_model) written for 'th' ordering: input (3, img_width, img_height)."""
import keras
from keras import layers

img_width, img_height = 64, 48


def get_model(img_width, img_height):
    input_shape = (3, img_width, img_height)  # heldout: mistake
    model = keras.Sequential()
    model.add(layers.Conv2D(32, (3, 3), input_shape=input_shape))
    model.add(layers.Activation("relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
    model.add(layers.Conv2D(32, (3, 3)))
    model.add(layers.Activation("relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Conv2D(64, (3, 3)))
    model.add(layers.Activation("relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Flatten())
    model.add(layers.Dense(64))
    model.add(layers.Activation("relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(1))
    model.add(layers.Activation("sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
    return model


model = get_model(img_width, img_height)
