"""AlexNet-style birdsong spectrogram classifier declared for Theano-ordered (1, rows, cols) input
(bapalto/birdsong-keras#3, train/model-AlexNet.py)."""
import keras
from keras import layers

output_dim = 10

model = keras.Sequential()
model.add(layers.Conv2D(8, (16, 16), strides=(6, 6), padding="valid", kernel_initializer="glorot_normal",  # heldout: mistake
                        activation="relu", input_shape=(1, 100, 124)))  # heldout: mistake
model.add(layers.BatchNormalization())
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(16, (3, 3), padding="valid", activation="relu"))
model.add(layers.BatchNormalization())
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(16, (3, 3), padding="same", activation="relu"))
model.add(layers.Conv2D(16, (3, 3), padding="same", activation="relu"))
model.add(layers.Conv2D(16, (3, 3), padding="same", activation="relu"))
model.add(layers.BatchNormalization())
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dropout(0.5))
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(output_dim, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
