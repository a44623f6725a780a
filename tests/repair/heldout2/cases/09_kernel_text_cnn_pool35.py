"""Pre-trained-embedding text CNN (conv5/pool5 x2, conv5, pool35) run on sequences of 800 tokens instead of
1000: the last pool of 35 meets 27 steps.

Source: https://github.com/rstudio/keras3/issues/110 (R interface; written here in Python)
"""
from keras.models import Sequential
from keras.layers import Embedding, Dropout, Conv1D, MaxPooling1D, Flatten, Dense, Input

max_features = 20000
embedding_dims = 100
maxlen = 800
n_labels = 20

model = Sequential()
model.add(Input(shape=(maxlen,)))
model.add(Embedding(max_features, embedding_dims, trainable=False))
model.add(Dropout(0.2))
model.add(Conv1D(128, 5, activation="relu"))
model.add(MaxPooling1D(5))
model.add(Conv1D(128, 5, activation="relu"))
model.add(MaxPooling1D(5))
model.add(Conv1D(128, 5, activation="relu"))
model.add(MaxPooling1D(35))  # heldout: mistake
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dense(n_labels, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
