"""rank: Conv1D layers applied directly to a stack of per-sensor recordings (sensors, samples, channels): each
sensor's recording goes through the convolutions (TimeDistributed), and the Reshape joins the sensors' features."""
import keras
from keras import layers

SENSORS = 4


def build(input_shape):
    recordings = keras.Input(shape=input_shape)
    x = layers.TimeDistributed(layers.Conv1D(8, 9, strides=2, activation="relu"))(recordings)
    x = layers.TimeDistributed(layers.Conv1D(8, 9, strides=2, activation="relu"))(x)
    x = layers.Reshape((SENSORS, x.shape[2] * x.shape[3]))(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(3)(x)
    return keras.Model(recordings, outputs)


model = build((SENSORS, 64, 3))
model.compile(optimizer="adam", loss="mse")
