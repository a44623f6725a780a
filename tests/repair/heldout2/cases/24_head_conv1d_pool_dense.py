"""Sentence classifier: Conv1D over word windows, MaxPooling1D over the whole length, Dense(5) without Flatten.

Source: https://github.com/keras-team/keras/issues/5423
The report compiles with sparse_categorical_crossentropy but feeds one-hot (8544, 5) labels; the one-hot loss is
used here.
"""
from keras.layers import Dense, Conv1D, MaxPooling1D, Dropout
from keras.models import Sequential

MAX_LEN = 100
h = 3
output_feature = 100
VECTOR_LEN = 300
label_num = 5

model = Sequential()
model.add(Conv1D(output_feature, h, input_shape=(MAX_LEN - h + 1, h * VECTOR_LEN), padding="same"))
model.add(MaxPooling1D(MAX_LEN - h + 1))  # heldout: mistake
model.add(Dropout(0.5))
model.add(Dense(label_num, activation="softmax"))  # heldout: mistake

model.compile(optimizer="adadelta", loss="categorical_crossentropy", metrics=["accuracy"])
