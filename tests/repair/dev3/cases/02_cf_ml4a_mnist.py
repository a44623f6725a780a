"""ml4a convnet notebook: Conv2D with input_shape=(1, height, width) on the TensorFlow backend.

Source: https://github.com/ml4a/ml4a/issues/10
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout, Activation

height, width = 28, 28
n_filters = 16
n_conv = 3
n_pool = 2
num_classes = 10

model = Sequential()
model.add(Conv2D(n_filters, (n_conv, n_conv), padding="valid", input_shape=(1, height, width)))  # heldout: mistake
model.add(Activation("relu"))
model.add(Conv2D(n_filters, (n_conv, n_conv)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(n_pool, n_pool)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(64))
model.add(Activation("relu"))
model.add(Dense(num_classes))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta")
