"""VGG16 class of a course notebook (Theano-ordered) built on the TensorFlow ordering (roebius/deeplearning_keras2#5)."""
import keras
from keras import layers


class Vgg16:
    def __init__(self, size=32, n_classes=10):
        self.size = size
        self.n_classes = n_classes
        self.create()

    def conv_block(self, n_layers, filters):
        for _ in range(n_layers):
            self.model.add(layers.ZeroPadding2D((1, 1)))
            self.model.add(layers.Conv2D(filters, (3, 3), activation="relu"))
        self.model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))  # heldout: mistake

    def fc_block(self, units):
        self.model.add(layers.Dense(units, activation="relu"))
        self.model.add(layers.Dropout(0.5))

    def create(self):
        self.model = keras.Sequential()
        self.model.add(keras.Input(shape=(3, self.size, self.size)))  # heldout: mistake
        self.model.add(layers.Lambda(lambda x: x - 0.5))
        self.conv_block(2, 8)
        self.conv_block(2, 16)
        self.conv_block(3, 32)
        self.model.add(layers.Flatten())
        self.fc_block(64)
        self.fc_block(64)
        self.model.add(layers.Dense(self.n_classes, activation="softmax"))
        self.model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3),
                           loss="categorical_crossentropy", metrics=["accuracy"])


vgg = Vgg16(size=32, n_classes=10)
model = vgg.model
