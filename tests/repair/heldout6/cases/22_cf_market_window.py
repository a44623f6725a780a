"""Stock-market agent: price window declared Theano-ordered as (2, 60, 1) and convolved with n x 1 kernels
on the TensorFlow ordering (kh-kim/stock_market_reinforcement_learning#1)."""
import keras
from keras import layers


class MarketModelBuilder:
    def __init__(self, window=60, filters=16):
        self.window = window
        self.filters = filters

    def buildModel(self):
        B = keras.Input(shape=(3,))
        b = layers.Dense(5, activation="relu")(B)
        inputs = [B]
        merges = [b]
        S = keras.Input(shape=(2, self.window, 1))  # heldout: mistake
        inputs.append(S)
        h = layers.Conv2D(self.filters, (3, 1), padding="valid")(S)  # heldout: mistake
        h = layers.LeakyReLU(0.001)(h)
        h = layers.Flatten()(h)
        h = layers.Dense(32)(h)
        h = layers.LeakyReLU(0.001)(h)
        merges.append(h)
        m = layers.Concatenate(axis=1)(merges)
        m = layers.Dense(32)(m)
        m = layers.LeakyReLU(0.001)(m)
        V = layers.Dense(2, activation="linear", kernel_initializer="zeros")(m)
        return keras.Model(inputs=inputs, outputs=V)


model = MarketModelBuilder().buildModel()
model.compile(optimizer="rmsprop", loss="mse")
