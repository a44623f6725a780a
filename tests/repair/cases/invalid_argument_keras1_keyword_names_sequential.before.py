# Keras 1 / 2 keyword names Keras 3 rejects ("Unrecognized keyword arguments passed to Conv2D"): the fix
# renames them, values untouched, and removes mode=0 (Keras 1's default, no Keras 3 argument).
# Recorded: the fixed model builds and trains in Keras 3.15 (torch backend); the original raises.
from keras.models import Sequential
from keras.layers import BatchNormalization, Conv2D, Dense, Dropout, Flatten, Input, MaxPooling2D
from keras.regularizers import l2

model = Sequential()
model.add(Input(shape=(28, 28, 1)))
model.add(Conv2D(32, (3, 3), border_mode="same", init="he_normal", activation="relu"))
model.add(BatchNormalization(axis=-1, mode=0))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dropout(p=0.25))
model.add(Dense(10, activation="softmax", W_regularizer=l2(0.01), b_regularizer=l2(0.01)))
model.compile(loss="categorical_crossentropy", optimizer="adam")
