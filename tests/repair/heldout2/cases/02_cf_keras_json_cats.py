"""Cats-vs-dogs convnet (Deep Learning with Python 5.2) run with image_data_format = channels_first in keras.json.

Source: https://github.com/fchollet/deep-learning-with-python-notebooks/issues/33
The keras.json setting is reproduced by the config call below.
"""
import keras
from keras import layers, models

keras.config.set_image_data_format("channels_first")  # heldout: mistake

model = models.Sequential()
model.add(layers.Conv2D(32, (3, 3), activation="relu", input_shape=(150, 150, 3)))
model.add(layers.MaxPooling2D((2, 2)))  # heldout: mistake
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(128, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(128, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(512, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))

model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.RMSprop(learning_rate=1e-4), metrics=["acc"])
