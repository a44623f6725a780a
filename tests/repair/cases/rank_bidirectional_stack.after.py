"""rank: a Bidirectional LSTM that returns one vector feeds a second recurrent layer: the wrapped LSTM gets
return_sequences=True, written inside the wrapper's call."""
import keras
from keras import layers


def build(steps: int, features: int) -> keras.Model:
    inputs = keras.Input(shape=(steps, features))
    x = layers.Bidirectional(layers.LSTM(32, dropout=0.1, return_sequences=True))(inputs)
    x = layers.GRU(16)(x)
    outputs = layers.Dense(1)(x)
    return keras.Model(inputs, outputs)


model = build(50, 3)
