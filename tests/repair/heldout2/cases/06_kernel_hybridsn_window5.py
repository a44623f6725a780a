"""HybridSN (3-D then 2-D convolutions on hyperspectral patches) run with windowSize = 5 instead of 25.

Source: https://github.com/gokriznastic/HybridSN/issues/3
"""
from keras.layers import Input, Conv3D, Conv2D, Reshape, Flatten, Dense, Dropout
from keras.models import Model

windowSize = 5
K = 30
output_units = 16

input_layer = Input((windowSize, windowSize, K, 1))
conv_layer1 = Conv3D(filters=8, kernel_size=(3, 3, 7), activation="relu")(input_layer)
conv_layer2 = Conv3D(filters=16, kernel_size=(3, 3, 5), activation="relu")(conv_layer1)
conv_layer3 = Conv3D(filters=32, kernel_size=(3, 3, 3), activation="relu")(conv_layer2)  # heldout: mistake
conv3d_shape = conv_layer3.shape
conv_layer3 = Reshape((conv3d_shape[1], conv3d_shape[2], conv3d_shape[3] * conv3d_shape[4]))(conv_layer3)
conv_layer4 = Conv2D(filters=64, kernel_size=(3, 3), activation="relu")(conv_layer3)  # heldout: mistake
flatten_layer = Flatten()(conv_layer4)
dense_layer1 = Dense(units=256, activation="relu")(flatten_layer)
dense_layer1 = Dropout(0.4)(dense_layer1)
dense_layer2 = Dense(units=128, activation="relu")(dense_layer1)
dense_layer2 = Dropout(0.4)(dense_layer2)
output_layer = Dense(units=output_units, activation="softmax")(dense_layer2)

model = Model(inputs=input_layer, outputs=output_layer)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
