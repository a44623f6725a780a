"""Conv2D on 1 x 2 x 18 channels-first samples: a 3x3 kernel on 2 rows, then a 4x4 kernel.

Source: https://github.com/keras-team/keras/issues/10641
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense

model = Sequential()
model.add(Conv2D(64, (3, 3), input_shape=(1, 2, 18), data_format="channels_first", activation="relu"))  # heldout: mistake
model.add(MaxPooling2D())
model.add(Conv2D(32, (4, 4), activation="relu"))  # heldout: mistake
model.add(MaxPooling2D())
model.add(Dropout(0.2))
model.add(Flatten())
model.add(Dense(3, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
