"""TextCNN on SMILES strings (ORGAN discriminator defaults): kernel sizes up to 20 on strings padded to 12 characters."""
import keras
from keras import layers


class TextCNNModel:
    def __init__(self, n_tasks, char_dict_size, seq_length, n_embedding=16,
                 kernel_sizes=(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20),
                 num_filters=(8, 16, 16, 16, 16, 8, 8, 8, 8, 8, 16, 16), dropout=0.25):
        self.n_tasks = n_tasks
        self.char_dict_size = char_dict_size
        self.seq_length = seq_length
        self.n_embedding = n_embedding
        self.kernel_sizes = kernel_sizes
        self.num_filters = num_filters
        self.dropout = dropout
        self.model = self.build_graph()

    def build_graph(self):
        smiles_seqs = keras.Input(shape=(self.seq_length,), dtype="int32")
        embedding = layers.Embedding(self.char_dict_size, self.n_embedding)(smiles_seqs)
        pooled_outputs = []
        for filter_size, num_filter in zip(self.kernel_sizes, self.num_filters):
            conv = layers.Conv1D(num_filter, filter_size, padding="valid", activation="relu")(embedding)  # heldout: mistake
            pooled_outputs.append(layers.GlobalMaxPooling1D()(conv))
        concat_outputs = layers.concatenate(pooled_outputs)
        dropout = layers.Dropout(self.dropout)(concat_outputs)
        dense = layers.Dense(64, activation="relu")(dropout)
        transform = layers.Dense(64, activation="relu")(dense)
        gate = layers.Dense(64, activation="sigmoid")(dense)
        carry = layers.Lambda(lambda g: 1.0 - g)(gate)
        highway = layers.Add()([layers.Multiply()([gate, transform]), layers.Multiply()([carry, dense])])
        output = layers.Dense(self.n_tasks)(highway)
        model = keras.Model(smiles_seqs, output)
        model.compile(optimizer="adam", loss="mse")
        return model


model = TextCNNModel(n_tasks=1, char_dict_size=35, seq_length=12).model  # heldout: mistake
