"""SegNet 'full' model: five poolings and five upsamplings on 48x64 images, then Reshape((n_labels, img_h * img_w))."""
import keras
from keras import layers

img_h, img_w = 48, 64
n_labels = 12
kernel = 3

encoding_layers = [
    layers.Conv2D(8, (kernel, kernel), padding="same", input_shape=(img_h, img_w, 3)),
    layers.BatchNormalization(), layers.Activation("relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(16, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.MaxPooling2D(),  # heldout: mistake
]

decoding_layers = [
    layers.UpSampling2D(),
    layers.Conv2D(64, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.UpSampling2D(),
    layers.Conv2D(64, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.UpSampling2D(),
    layers.Conv2D(32, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.UpSampling2D(),
    layers.Conv2D(16, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.UpSampling2D(),
    layers.Conv2D(8, (kernel, kernel), padding="same"), layers.BatchNormalization(), layers.Activation("relu"),
    layers.Conv2D(n_labels, (1, 1), padding="valid"), layers.BatchNormalization(),
]

segnet_basic = keras.Sequential()
for layer in encoding_layers:
    segnet_basic.add(layer)
for layer in decoding_layers:
    segnet_basic.add(layer)
segnet_basic.add(layers.Reshape((n_labels, img_h * img_w)))  # heldout: mistake
segnet_basic.add(layers.Permute((2, 1)))
segnet_basic.add(layers.Activation("softmax"))
segnet_basic.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])

model = segnet_basic
