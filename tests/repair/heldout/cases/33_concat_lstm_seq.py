"""Affinity regressor: a per-step LSTM output (return_sequences=True) concatenated with a flat feature vector."""
from keras.layers import LSTM, Dense, Dropout, Embedding, Input, concatenate
from keras.models import Model

SEQ_LEN = 1000        # length of the flat protein feature vector
MAX_LEN = 100         # SMILES length
EMBEDDING_DIMS = 64   # SMILES character set

protein = Input(shape=(SEQ_LEN,))
smiles = Input(shape=(MAX_LEN,), dtype="int32")
x = Embedding(input_dim=EMBEDDING_DIMS + 1, output_dim=128, mask_zero=True)(smiles)
x = LSTM(100, return_sequences=True)(x)  # heldout: mistake

combined = concatenate([x, protein], axis=1)  # heldout: mistake
h = Dense(1024, activation="relu")(combined)
h = Dropout(0.1)(h)
out = Dense(1, kernel_initializer="normal")(h)
model = Model(inputs=[smiles, protein], outputs=out)
model.compile(loss="mean_squared_error", optimizer="adam")
