"""A backbone built for images whose size is read from data loaded at run time, then flattened into a Dense head:
the feature map's height and width are sizes the source does not show, not undefined ones, so Flatten gives a
definite (if unknown) width and the Dense builds (Keras: 2x2x2048 = 8192 features for 64x64 images)."""
import os
import tempfile

import numpy as np
import keras
from keras import layers
from keras.applications import ResNet50

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "images.npy"), np.zeros((8, 64, 64, 3), dtype="float32"))
X_train = np.load(os.path.join(DATA_DIR, "images.npy"))

big_model = ResNet50(weights=None, include_top=False, input_shape=(X_train.shape[1], X_train.shape[2], 3))  # data-dependent: 1, 2
model = keras.Sequential()
model.add(big_model)
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))

inputs = keras.Input(shape=X_train.shape[1:])
features = big_model(inputs)
head = layers.Dense(1, activation="sigmoid")(layers.Flatten()(features))
functional = keras.Model(inputs, head)
