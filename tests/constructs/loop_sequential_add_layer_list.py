"""A Sequential filled by looping over layer lists written as literals (SegNet-style encoder and decoder lists):
`for layer in encoding_layers: model.add(layer)` adds layers without making a graph node at each add, and is
unrolled however long the lists are."""
import keras
from keras import layers

encoding = [layers.Conv2D(8, 3, padding="same", input_shape=(32, 48, 3)), layers.BatchNormalization(),
            layers.Activation("relu"), layers.MaxPooling2D(), layers.Conv2D(16, 3, padding="same"),
            layers.BatchNormalization(), layers.Activation("relu"), layers.MaxPooling2D()]
decoding = [layers.UpSampling2D(), layers.Conv2D(16, 3, padding="same"), layers.BatchNormalization(),
            layers.Activation("relu"), layers.UpSampling2D(), layers.Conv2D(4, 1)]
model = keras.Sequential()
for layer in encoding:
    model.add(layer)
for layer in decoding:
    model.add(layer)
model.add(layers.Reshape((32 * 48, 4)))
model.add(layers.Activation("softmax"))
