"""DCGAN generator moved from 28x28 MNIST to 32x32x3 images: img_rows/cols changed, the 7x7 seed Reshape kept."""
import keras
from keras import layers


class DCGAN:
    def __init__(self):
        self.img_rows = 32
        self.img_cols = 32
        self.channels = 3
        self.latent_dim = 100

    def build_generator(self):
        model = keras.Sequential()
        model.add(keras.Input(shape=(self.latent_dim,)))
        model.add(layers.Dense(32 * 7 * 7, activation="relu"))  # heldout: mistake
        model.add(layers.Reshape((7, 7, 32)))  # heldout: mistake
        model.add(layers.UpSampling2D())
        model.add(layers.Conv2D(32, kernel_size=3, padding="same"))
        model.add(layers.BatchNormalization(momentum=0.8))
        model.add(layers.Activation("relu"))
        model.add(layers.UpSampling2D())
        model.add(layers.Conv2D(16, kernel_size=3, padding="same"))
        model.add(layers.BatchNormalization(momentum=0.8))
        model.add(layers.Activation("relu"))
        model.add(layers.Conv2D(self.channels, kernel_size=3, padding="same"))
        model.add(layers.Activation("tanh"))
        return model


model = DCGAN().build_generator()
model.compile(loss="mse", optimizer="adam")
