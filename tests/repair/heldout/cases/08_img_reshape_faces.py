"""Face classifier: flat 2679-pixel vectors reshaped to (57, 47) -- no channel axis -- before Conv2D."""
from keras.models import Sequential
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, Reshape

model = Sequential()
model.add(Reshape((57, 47), input_shape=(2679,)))  # heldout: mistake
model.add(Conv2D(10, (5, 5), padding="same"))  # heldout: mistake
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.5))
model.add(Conv2D(15, (5, 5), padding="same"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.5))
model.add(Flatten())
model.add(Dense(2000))
model.add(Activation("tanh"))
model.add(Dense(40))
model.add(Activation("softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
