"""rank: a CRNN whose convolutional features (None, 8, 32, 16) go straight into an LSTM (4-D input): a Reshape
makes each of the 8 rows a step of 32 x 16 features (pick 2: one step per position)."""
import keras
from keras import layers

inputs = keras.Input((32, 128, 1))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(4)(x)
x = layers.Reshape((8, 512))(x)
x = layers.LSTM(64)(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
