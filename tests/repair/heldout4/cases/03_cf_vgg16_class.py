"""The course's Vgg16 helper class: a preprocessing Lambda on (3, size, size) images and ConvBlock/FCBlock methods."""
import keras
from keras import layers

vgg_mean = keras.ops.convert_to_tensor([[[123.68]], [[116.779]], [[103.939]]])


def vgg_preprocess(x):
    x = x - vgg_mean
    return x[:, ::-1]


class Vgg16:
    def __init__(self, size=32, n_classes=10):
        self.size = size
        self.n_classes = n_classes
        self.create()

    def ConvBlock(self, n_layers, filters):
        model = self.model
        for _ in range(n_layers):
            model.add(layers.ZeroPadding2D((1, 1)))
            model.add(layers.Conv2D(filters, (3, 3), activation="relu"))
        model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))  # heldout: mistake

    def FCBlock(self):
        model = self.model
        model.add(layers.Dense(64, activation="relu"))
        model.add(layers.Dropout(0.5))

    def create(self):
        model = self.model = keras.Sequential()
        model.add(layers.Lambda(vgg_preprocess, input_shape=(3, self.size, self.size), output_shape=(3, self.size, self.size)))  # heldout: mistake
        self.ConvBlock(2, 16)
        self.ConvBlock(2, 32)
        self.ConvBlock(3, 64)
        model.add(layers.Flatten())
        self.FCBlock()
        self.FCBlock()
        model.add(layers.Dense(self.n_classes, activation="softmax"))
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])


vgg = Vgg16()
model = vgg.model
