"""VGG-16 for fine-tuning (vgg16_model): ZeroPadding/Conv blocks on an input declared (channel, img_rows, img_cols)."""
import keras
from keras import layers


def vgg16_model(img_rows, img_cols, channel=1, num_classes=None):
    model = keras.Sequential()
    model.add(layers.ZeroPadding2D((1, 1), input_shape=(channel, img_rows, img_cols)))  # heldout: mistake
    model.add(layers.Conv2D(16, (3, 3), activation="relu"))
    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(16, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))

    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(32, (3, 3), activation="relu"))
    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(32, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))  # heldout: mistake

    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(64, (3, 3), activation="relu"))
    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(64, (3, 3), activation="relu"))
    model.add(layers.ZeroPadding2D((1, 1)))
    model.add(layers.Conv2D(64, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))

    model.add(layers.Flatten())
    model.add(layers.Dense(128, activation="relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=1e-3, momentum=0.9, nesterov=True),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    return model


model = vgg16_model(32, 32, channel=3, num_classes=10)
