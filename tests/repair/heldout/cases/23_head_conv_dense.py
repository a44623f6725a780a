"""Image classifier without Flatten: Conv2D output goes straight into Dense layers, one-hot targets."""
import keras
from keras.layers import Conv2D, Dense, Input
from keras.models import Model
from keras.optimizers import SGD

input_layer = Input(shape=(100, 100, 3))
x = Conv2D(32, (3, 3), activation="relu")(input_layer)
x = Dense(256, activation="relu")(x)  # heldout: mistake
x = Dense(10, activation="softmax")(x)  # heldout: mistake
model = Model(inputs=[input_layer], outputs=[x])
sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd)
