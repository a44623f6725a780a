"""Siamese 3-D CNN on pairs of short clips: the shared base network is built for one clip, but the two Inputs are
declared with the training array's shape (its sample axis included).

Source: https://github.com/keras-team/keras/issues/9718
"""
import numpy as np
from keras import ops
from keras.models import Sequential, Model
from keras.layers import Input, Conv3D, MaxPooling3D, Flatten, Dense, Lambda

tr_pair0 = np.zeros((40, 16, 16, 6, 1), dtype="float32")
tr_pair1 = np.zeros((40, 16, 16, 6, 1), dtype="float32")


def create_base_network(clip_shape):
    model = Sequential()
    model.add(Input(shape=clip_shape))
    model.add(Conv3D(8, kernel_size=3, padding="same", activation="relu"))
    model.add(MaxPooling3D(pool_size=2))
    model.add(Flatten())
    model.add(Dense(32, activation="relu"))
    return model


def euclidean_distance(vects):
    a, b = vects
    return ops.sqrt(ops.maximum(ops.sum(ops.square(a - b), axis=1, keepdims=True), 1e-7))


def siamese(input_shape, clip_shape):
    base_network = create_base_network(clip_shape)
    input_a = Input(shape=input_shape)  # heldout: mistake
    input_b = Input(shape=input_shape)  # heldout: mistake
    processed_a = base_network(input_a)  # heldout: mistake
    processed_b = base_network(input_b)
    distance = Lambda(euclidean_distance, output_shape=(1,))([processed_a, processed_b])
    return Model([input_a, input_b], distance)


input_shape = tr_pair0.shape  # heldout: mistake
model = siamese(input_shape, (16, 16, 6, 1))
model.compile(loss="mse", optimizer="rmsprop")
