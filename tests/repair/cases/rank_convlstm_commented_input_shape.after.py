"""A ConvLSTM2D given one frame's shape: the input_shape is its last argument, after a comment."""
import keras
from keras import layers

frames = 16

model = keras.Sequential()
model.add(layers.Reshape((16, 16, 1, 1), input_shape=(frames, 16, 1)))
model.add(layers.ConvLSTM2D(8, (3, 3), activation="tanh"  # one frame: 16 x 16, 1 channel
                            , padding="same"))
model.add(layers.Flatten())
model.add(layers.Dense(3, activation="softmax"))
