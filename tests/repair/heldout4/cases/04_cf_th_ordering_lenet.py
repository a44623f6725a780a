"""Behavioural-cloning LeNet on (160, 320, 3) camera frames with keras.json's image ordering left at 'th'."""
import keras
from keras import layers

keras.config.set_image_data_format("channels_first")  # heldout: mistake

network = keras.Sequential()
network.add(layers.Lambda(lambda pixel: pixel / 255 - 0.5, input_shape=(160, 320, 3)))
network.add(layers.Conv2D(6, (5, 5), activation="relu"))  # heldout: mistake
network.add(layers.MaxPooling2D())
network.add(layers.Conv2D(6, (5, 5), activation="relu"))
network.add(layers.MaxPooling2D())
network.add(layers.Flatten())
network.add(layers.Dense(120))
network.add(layers.Dense(84))
network.add(layers.Dense(1))
network.compile(loss="mse", optimizer="adam")

model = network
