"""Text CNN (pretrained-embedding example) with pool 3 instead of 5/35 and short 30-token sequences."""
from keras.models import Sequential
from keras.layers import Conv1D, Dense, Embedding, GlobalMaxPooling1D, MaxPooling1D, SpatialDropout1D

MAX_SEQUENCE_LENGTH = 30
MAX_NUM_WORDS = 20000
embedding_size = 100
n_labels = 20

model = Sequential()
model.add(Embedding(MAX_NUM_WORDS + 1, embedding_size, input_length=MAX_SEQUENCE_LENGTH, trainable=True))  # heldout: mistake
model.add(SpatialDropout1D(0.2))
model.add(Conv1D(128, 3, activation="relu"))
model.add(MaxPooling1D(3))  # heldout: mistake
model.add(Conv1D(128, 3, activation="relu"))
model.add(MaxPooling1D(3))  # heldout: mistake
model.add(Conv1D(128, 3, activation="relu"))  # heldout: mistake
model.add(GlobalMaxPooling1D())
model.add(Dense(128, activation="relu"))
model.add(Dense(n_labels, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
