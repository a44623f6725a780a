"""rank: Flatten and the Dense layers indented into the loop of Conv2D blocks, inside a builder function."""
from tensorflow.keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential


def build_cnn(input_shape=(28, 28, 1), num_classes=10):
    model = Sequential()
    model.add(Conv2D(16, (3, 3), activation="relu", input_shape=input_shape))
    for filters in [32, 64]:
        model.add(Conv2D(filters, (3, 3), activation="relu"))
        model.add(MaxPooling2D((2, 2)))
        model.add(Dropout(0.25))
    model.add(Flatten())
    model.add(Dense(128,
                    activation="relu"))
    model.add(Dense(num_classes, activation="softmax"))
    return model


model = build_cnn()
