"""A volume stored (channels, depth, height, width) = (2, 16, 64, 64), fed to channels_last Conv3D."""
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(2, 16, 64, 64)),
    layers.Conv3D(8, 3, activation="relu"),
    layers.MaxPooling3D(2),
    layers.GlobalAveragePooling3D(),
    layers.Dense(1, activation="sigmoid"),
])
