"""keras.random inside custom layers' call() (keras.random.dropout with a SeedGenerator, the keras-io "intro for
engineers" pattern; keras.random.shuffle): each keeps the shape it gets.  (On a Keras tensor outside a call()
Keras 3 raises: they are not ops.)"""
import keras
from keras import layers


class MyDropout(layers.Layer):
    def __init__(self, rate, name=None):
        super().__init__(name=name)
        self.rate = rate
        self.seed_generator = keras.random.SeedGenerator(1337)

    def call(self, inputs):
        return keras.random.dropout(inputs, self.rate, seed=self.seed_generator)


class Shuffle(layers.Layer):
    def call(self, inputs):
        return keras.random.shuffle(inputs, axis=1, seed=7)


inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
x = MyDropout(0.5)(x)
x = Shuffle()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
