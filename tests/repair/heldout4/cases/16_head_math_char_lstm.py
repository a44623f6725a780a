"""Character LSTM (after the text-generation example) asked to output a whole sequence: one (9, 15) one-hot target per input."""
import keras
from keras import layers

text = "0123456789+-/* "
chars = sorted(set(text))
maxlen = 9

model = keras.Sequential()
model.add(layers.LSTM(128, input_shape=(maxlen, len(chars))))  # heldout: mistake
model.add(layers.Dense(len(chars)))  # heldout: mistake
model.add(layers.Activation("softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.RMSprop(learning_rate=0.01))
