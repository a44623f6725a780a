"""Price series of 101 steps fed to a 1-D convolution as one step of 101 channels: input_shape=(1, 101)."""
import keras
from keras import layers

conv = keras.Sequential()
conv.add(layers.Conv1D(64, 10, input_shape=(1, 101)))  # heldout: mistake
conv.add(layers.Activation("relu"))
conv.add(layers.MaxPooling1D(2))
conv.add(layers.Flatten())
conv.add(layers.Dense(10))
conv.add(layers.Activation("tanh"))
conv.add(layers.Dense(4))
conv.add(layers.Activation("softmax"))
conv.compile(loss="categorical_crossentropy", optimizer="sgd")
model = conv
