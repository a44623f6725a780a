"""Fully connected ECG beat classifier whose first Dense is declared with input_shape=X_train.shape, the whole
(beats, 128) training matrix (Cly1st/ECG-Arrhythmia-Classification-using-Artificial-Neural-Network#2)."""
import keras
import numpy as np
from keras import layers


def ANN(input_shape=None):
    if input_shape is None:
        raise ValueError("Input shape size for training!")
    model = keras.Sequential()
    model.add(layers.Dense(128, activation="relu", input_shape=(input_shape)))  # heldout: mistake
    model.add(layers.Dense(68, activation="relu"))
    model.add(layers.Dense(32, activation="relu"))
    model.add(layers.Dense(16, activation="relu"))
    model.add(layers.Dense(5, activation="softmax"))
    opt = keras.optimizers.Adam(learning_rate=0.0005)
    model.compile(optimizer=opt, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


X_train = np.zeros((300, 128), dtype="float32")  # 40799 beats of 128 samples in the report
input_shape = X_train.shape  # heldout: mistake
model = ANN(input_shape=input_shape)
