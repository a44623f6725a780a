"""The stateful LSTM of layer_bad_keras2_keyword_arguments.py as Keras 3 takes it: the batch size on the Input, and
the keywords Keras 3 still takes out of ``**kwargs`` (``LeakyReLU(alpha=)``, ``LSTM(implementation=)``,
``Embedding(input_length=)``, ``Dense(input_dim=)``) as well as each layer's own."""
import numpy as np
import keras
from keras import layers

look_back = 3
model = keras.Sequential()
model.add(keras.Input(batch_shape=(1, look_back, 1)))
model.add(layers.LSTM(4, stateful=True, implementation=1))
model.add(layers.Dense(8, kernel_initializer="he_normal", use_bias=False, name="hidden"))
model.add(layers.LeakyReLU(alpha=0.2))
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(np.zeros((8, look_back, 1)), np.zeros((8, 1)), epochs=1, batch_size=1, verbose=0, shuffle=False)

tokens = keras.Sequential([layers.Embedding(100, 8, input_length=5), layers.GlobalAveragePooling1D(),
                           layers.Dense(3, input_dim=8, activation="softmax")])
tokens.build((None, 5))
