"""rank: an encoder LSTM bound to a name, then called on a 4-D feature map with its states unpacked: the Reshape
is inserted where the layer is called, around its argument."""
import keras
from keras import layers


def build(steps, nodes, features):
    inputs = keras.Input(shape=(steps, nodes, features))
    maps = layers.Conv2D(8, (1, 3), padding="same", activation="relu")(inputs)
    encoder = layers.LSTM(16, return_state=True, name="encoder")
    outputs, state_h, state_c = encoder(layers.Reshape((5, 32))(maps))
    return keras.Model(inputs, layers.Dense(2)(state_h))


model = build(5, 4, 6)
