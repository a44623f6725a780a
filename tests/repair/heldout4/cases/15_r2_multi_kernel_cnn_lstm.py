"""Three Conv1D branches (kernel sizes 3, 4, 5) over word embeddings, each max-pooled over time, merged, then an LSTM."""
import keras
from keras import layers

vocabulary_size = 800
input_length = 27

inputs = keras.Input(shape=(input_length,), dtype="int32")
submodels = []
for kw in (3, 4, 5):  # kernel sizes
    x = layers.Embedding(input_dim=vocabulary_size + 1, output_dim=32)(inputs)
    x = layers.Conv1D(filters=16, kernel_size=kw, activation="relu", padding="valid")(x)
    x = layers.GlobalMaxPooling1D()(x)  # heldout: mistake
    submodels.append(x)

big = layers.concatenate(submodels)
big = layers.Dropout(0.3)(big)
big = layers.LSTM(units=32, dropout=0.2, recurrent_dropout=0.2)(big)  # heldout: mistake
big = layers.Dropout(0.3)(big)
outputs = layers.Dense(3, activation="softmax")(big)
model = keras.Model(inputs, outputs)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
