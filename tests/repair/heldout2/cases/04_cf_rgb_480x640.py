"""480x640 RGB images declared as input_shape=(3, 480, 640) while x_train is (200, 480, 640, 3); Dense on the
conv output.

Source: https://github.com/keras-team/keras/issues/2724
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense, Activation

nb_classes = 10

model = Sequential()
model.add(Conv2D(16, (3, 3), padding="same", input_shape=(3, 480, 640), kernel_initializer="glorot_uniform"))  # heldout: mistake
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(4, 4)))
model.add(Dense(nb_classes))  # heldout: mistake
model.add(Activation("softmax"))

model.compile(loss="categorical_crossentropy", optimizer="sgd")
