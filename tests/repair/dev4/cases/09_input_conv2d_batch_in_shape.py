"""Digit convnet with input_shape written as the whole training array's shape (26721, 32, 32, 1).

Source: http://www.kouhan.cn/en/article/00042451
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

n_train = 26721

model = Sequential()
model.add(Conv2D(16, (5, 5), activation="relu", input_shape=(n_train, 32, 32, 1)))  # heldout: mistake
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(32, (5, 5), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(64, activation="relu"))
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
