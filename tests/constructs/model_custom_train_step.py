"""`class CustomModel(keras.Model)` overriding only train_step, constructed functionally as CustomModel(inputs, outputs)."""
import numpy as np
import keras
from keras import layers


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        return super().train_step((x, y))


inputs = keras.Input(shape=(32,))
x = layers.Dense(64, activation="relu")(inputs)
x = layers.Dense(64, activation="relu")(x)
outputs = layers.Dense(1)(x)
model = CustomModel(inputs, outputs)
model.compile(optimizer="adam", loss="mse")

x_train = np.random.random((256, 32))
y_train = np.random.random((256, 1))
model.fit(x_train, y_train, epochs=3)
