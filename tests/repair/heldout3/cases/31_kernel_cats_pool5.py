"""Cats-vs-dogs 50x50 grey CNN with 5x5 convolutions and 5x5/stride-5 pools: the third convolution has 1x1 left."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(50, 50, 1)))
model.add(layers.Conv2D(filters=32, kernel_size=(5, 5), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(5, 5), strides=5))
model.add(layers.Conv2D(filters=64, kernel_size=(5, 5), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(5, 5), strides=5))  # heldout: mistake
model.add(layers.Conv2D(filters=128, kernel_size=(5, 5), activation="relu"))  # heldout: mistake
model.add(layers.MaxPooling2D(pool_size=(5, 5), strides=5))  # heldout: mistake
model.add(layers.Flatten())
model.add(layers.Dense(1024, activation="relu"))
model.add(layers.Dropout(0.8))
model.add(layers.Dense(2, activation="softmax"))
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss="categorical_crossentropy",
              metrics=["accuracy"])
