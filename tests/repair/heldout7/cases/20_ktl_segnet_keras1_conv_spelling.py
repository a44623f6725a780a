"""SegNet encoder-decoder whose convolutions keep the Keras 1 spelling Conv2D(filters, kernel, kernel): the second
`kernel` is now the stride, the maps shrink by 3 at every convolution and a pooling layer meets a 1x1 map
(imlab-uiip/keras-segnet#24, build_model.py)."""
import keras
from keras import layers

img_w = 64
img_h = 64
n_labels = 2

kernel = 3

encoding_layers = [
    layers.Conv2D(16, kernel, padding="same", input_shape=(img_h, img_w, 1)),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Conv2D(16, kernel, padding="same"),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.MaxPooling2D(),

    layers.Conv2D(32, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Conv2D(32, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.MaxPooling2D(),

    layers.Conv2D(64, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Conv2D(64, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.MaxPooling2D(),  # heldout: mistake
]

autoencoder = keras.Sequential()
for layer in encoding_layers:
    autoencoder.add(layer)

decoding_layers = [
    layers.UpSampling2D(),
    layers.Conv2D(64, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Conv2D(32, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),

    layers.UpSampling2D(),
    layers.Conv2D(32, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Conv2D(16, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),

    layers.UpSampling2D(),
    layers.Conv2D(16, kernel, kernel, padding="same"),  # heldout: mistake
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Conv2D(n_labels, 1, 1, padding="valid"),
    layers.BatchNormalization(),
]
for layer in decoding_layers:
    autoencoder.add(layer)

autoencoder.add(layers.Reshape((img_h * img_w, n_labels)))
autoencoder.add(layers.Activation("softmax"))
autoencoder.compile(loss="categorical_crossentropy", optimizer="adadelta")
model = autoencoder
