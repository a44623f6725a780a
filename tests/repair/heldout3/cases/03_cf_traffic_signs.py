"""Traffic-sign classifier written for channels_first images (3, size, size), run on a channels_last backend."""
import keras
from keras import layers


def cnn_model(img_size, num_classes):
    model = keras.Sequential()
    model.add(layers.Conv2D(32, (3, 3), padding="same", input_shape=(3, img_size, img_size),  # heldout: mistake
                            activation="relu"))
    model.add(layers.Conv2D(32, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
    model.add(layers.Dropout(0.2))
    model.add(layers.Conv2D(64, (3, 3), padding="same", activation="relu"))
    model.add(layers.Conv2D(64, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Dropout(0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(128, activation="relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    return model


model = cnn_model(32, 43)
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),
              metrics=["accuracy"])
