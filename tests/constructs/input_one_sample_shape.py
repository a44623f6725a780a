"""An Input shaped like one sample held in an array (``Input(shape=image.shape)``), the model then given that sample
with a batch axis added (``image[np.newaxis]``): the array is one sample, not a data set whose first axis counts
samples."""
import numpy as np
import keras
from keras import layers

image = np.random.uniform(0, 255, (10, 10, 3)).astype("float32")
inputs = layers.Input(shape=image.shape)
features = layers.Conv2D(4, 3)(inputs)
pooled = layers.GlobalAveragePooling2D()(features)
model = keras.Model(inputs, layers.Dense(2)(pooled))
scores = model.predict(image[np.newaxis], verbose=0)
