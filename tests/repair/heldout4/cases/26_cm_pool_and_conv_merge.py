"""MNIST network merging a pooled 3x3 map with an unpooled 6x6 map before the dense layer."""
import keras
from keras import layers

inp = keras.Input(shape=(28, 28, 1), name="input")
conv1 = layers.Conv2D(32, (3, 3), activation="relu", name="conv1")(inp)
conv2 = layers.Conv2D(32, (3, 3), activation="relu", name="conv2")(conv1)
pool1 = layers.MaxPooling2D(pool_size=(2, 2), name="pool1")(conv2)
conv3 = layers.Conv2D(32, (7, 7), activation="relu", name="conv3")(pool1)
pool2 = layers.MaxPooling2D(pool_size=(2, 2), name="pool2")(conv3)
merged = layers.concatenate([pool2, conv3], name="merge")  # heldout: mistake
flat1 = layers.Flatten(name="flat1")(merged)
dense1 = layers.Dense(128, activation="relu", name="dense1")(flat1)
out = layers.Dense(10, activation="softmax", name="output")(dense1)
model = keras.Model(inp, out)
model.compile(loss="categorical_crossentropy", optimizer="adadelta")
