"""Two LSTMs (left/right context) summed, with a per-step softmax, trained on one polarity label per sentence."""
import keras
from keras import layers

maxlen = 10
embedding_dim = 32
n_classes = 4

left_in = keras.Input(shape=(maxlen, embedding_dim), name="left")
left = layers.LSTM(32, return_sequences=True)(left_in)  # heldout: mistake
left = layers.TimeDistributed(layers.Dense(32))(left)

right_in = keras.Input(shape=(maxlen, embedding_dim), name="right")
right = layers.LSTM(32, return_sequences=True)(right_in)  # heldout: mistake
right = layers.TimeDistributed(layers.Dense(32))(right)

merged = layers.add([left, right])
out = layers.TimeDistributed(layers.Dense(n_classes))(merged)  # heldout: mistake
out = layers.Activation("softmax")(out)  # heldout: mistake
model = keras.Model([left_in, right_in], out)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
