"""A subclassed convnet built with model.build((None, ...)) before training."""
import keras
from keras import layers


class ConvNet(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = layers.Conv2D(32, 3, activation="relu")
        self.pool1 = layers.MaxPooling2D()
        self.conv2 = layers.Conv2D(64, 3, activation="relu")
        self.pool2 = layers.MaxPooling2D()
        self.flatten = layers.Flatten()
        self.dropout = layers.Dropout(0.5)
        self.classifier = layers.Dense(num_classes, activation="softmax")

    def call(self, inputs, training=False):
        x = self.pool1(self.conv1(inputs))
        x = self.pool2(self.conv2(x))
        x = self.flatten(x)
        x = self.dropout(x, training=training)
        return self.classifier(x)


model = ConvNet(num_classes=7)
model.build((None, 28, 28, 1))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
