"""Broken: dot-product Attention between a 32-wide query and a 48-wide value (Keras fails when data flows)."""
import numpy as np
import keras
from keras import layers

q_in = keras.Input(shape=(12, 32))
v_in = keras.Input(shape=(20, 48))
attended = layers.Attention()([q_in, v_in])  # keras-error
outputs = layers.Dense(1)(layers.GlobalAveragePooling1D()(attended))
model = keras.Model([q_in, v_in], outputs)

scores = model.predict([np.random.rand(4, 12, 32), np.random.rand(4, 20, 48)], verbose=0)
