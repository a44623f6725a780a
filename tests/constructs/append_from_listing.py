"""Class names appended from a directory listing at run time: the class count is unknowable statically."""
import os
import tempfile

import keras
from keras import layers

data_dir = tempfile.mkdtemp()
for folder in ("daisy", "rose", "tulip"):
    os.makedirs(os.path.join(data_dir, folder))

class_names = []
for entry in sorted(os.listdir(data_dir)):
    if os.path.isdir(os.path.join(data_dir, entry)):
        class_names.append(entry)

inputs = keras.Input(shape=(48, 48, 3))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(len(class_names), activation="softmax")(x)
model = keras.Model(inputs, outputs)  # data-dependent: 1
