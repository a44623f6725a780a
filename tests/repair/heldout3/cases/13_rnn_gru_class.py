"""Three-layer character GRU built in a class method; the GRUs are stacked without return_sequences."""
import keras
from keras import layers


class CharRNN:
    def __init__(self, neurons=64, dropval=0.2, max_length=20, vocab=91):
        self.neurons = neurons
        self.dropval = dropval
        self.max_length = max_length
        self.vocab = vocab

    def build(self):
        model = keras.Sequential()
        model.add(keras.Input(shape=(self.max_length,)))
        model.add(layers.Embedding(input_dim=self.vocab, output_dim=32))
        model.add(layers.GRU(units=self.neurons, dropout=self.dropval))  # heldout: mistake
        model.add(layers.GRU(units=self.neurons, dropout=self.dropval))  # heldout: mistake
        model.add(layers.GRU(units=self.neurons, dropout=self.dropval))  # heldout: mistake
        model.add(layers.Dense(self.vocab, activation="softmax"))
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
        return model


model = CharRNN().build()
