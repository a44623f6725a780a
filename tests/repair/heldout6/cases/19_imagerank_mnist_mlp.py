"""MNIST multilayer perceptron declared with input_dim=X_train.shape[1] and trained on the 28x28 images
(keras-team/keras#13916)."""
import keras
from keras import layers

X_train_shape = (60000, 28, 28)
num_classes = 10

model = keras.Sequential()
model.add(layers.Dense(512, activation="relu", input_shape=(X_train_shape[1],)))  # heldout: mistake
model.add(layers.Dense(256, activation="relu"))
model.add(layers.Dense(128, activation="relu"))
model.add(layers.Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
