"""Spatial stream of a two-stream video classifier: VGG-16 (ZeroPadding2D + 3x3 convolutions, 2x2 poolings)
declared with the Theano-ordered input_shape=(3, img_rows, img_cols) for frames stored channels-first, built with
the channels-last default, so the 3 colour planes are taken as image rows and the second pooling has a single row
to pool (wadhwasahil/Video-Classification-2-Stream-CNN#4)."""
import keras
from keras import layers


def VGG_16(img_rows, img_cols, nb_classes=20, weights_path=None):
    model = keras.Sequential()
    model.add(keras.Input(shape=(3, img_rows, img_cols)))  # heldout: mistake
    for filters, n_convs in ((8, 2), (16, 2), (32, 3), (32, 3), (32, 3)):
        for _ in range(n_convs):
            model.add(layers.ZeroPadding2D((1, 1)))
            model.add(layers.Conv2D(filters, (3, 3), activation="relu"))
        model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))  # heldout: mistake
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dropout(0.9))
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dropout(0.8))
    model.add(layers.Dense(nb_classes, activation="softmax"))
    if weights_path:
        model.load_weights(weights_path)
    return model


img_rows = 32  # 224 in the repository
img_cols = 32
model = VGG_16(img_rows, img_cols)
sgd = keras.optimizers.SGD(learning_rate=0.0001, momentum=0.9, nesterov=True)
model.compile(optimizer=sgd, loss="categorical_crossentropy")
