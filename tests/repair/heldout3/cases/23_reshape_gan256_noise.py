"""GAN generator in a class: the noise size was changed to 100 but the first Reshape still expects 4096 values."""
import keras
from keras import layers


class GAN:
    def __init__(self, noise_dim=100, base=256):
        self.noise_dim = noise_dim
        self.base = base
        self.G = None

    def generator(self):
        self.G = keras.Sequential()
        self.G.add(keras.Input(shape=(self.noise_dim,)))
        self.G.add(layers.Reshape(target_shape=[1, 1, self.base * 16]))  # heldout: mistake
        self.G.add(layers.Conv2DTranspose(64, 4, strides=4, padding="same", activation="relu"))
        self.G.add(layers.Conv2DTranspose(32, 4, strides=2, padding="same", activation="relu"))
        self.G.add(layers.Conv2DTranspose(3, 4, strides=2, padding="same", activation="sigmoid"))
        return self.G


model = GAN().generator()
model.compile(loss="mse", optimizer="adam")
