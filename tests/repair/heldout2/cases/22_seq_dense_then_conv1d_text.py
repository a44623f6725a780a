"""Sentiment model on Tokenizer bag-of-words matrices: Dense first, then Conv1D / pooling layers.

Source: https://github.com/keras-team/keras/issues/9989
Sizes after the first Dense are not in the report and were chosen.
"""
from keras.models import Sequential
from keras.layers import Dense, Dropout, Conv1D, MaxPooling1D, GlobalMaxPooling1D

num_words = 10000

model = Sequential()
model.add(Dense(100, input_shape=(num_words,), activation="relu"))
model.add(Dropout(0.3))
model.add(Conv1D(64, 5, activation="relu"))  # heldout: mistake
model.add(MaxPooling1D(2))
model.add(GlobalMaxPooling1D())
model.add(Dense(3, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
