"""VGG16 blocks on 32x24 screenshots: five 2x2 max-pools, the last one on a 2x1 map.

Source: https://github.com/marco-c/autowebcompat/issues/179
"""
from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from keras.models import Model


def create_vgg16_network(input_shape):
    base_input = Input(shape=input_shape)
    x = Conv2D(16, (3, 3), activation="relu", padding="same", name="block1_conv1")(base_input)
    x = Conv2D(16, (3, 3), activation="relu", padding="same", name="block1_conv2")(x)
    x = MaxPooling2D((2, 2), strides=(2, 2), name="block1_pool")(x)
    x = Conv2D(32, (3, 3), activation="relu", padding="same", name="block2_conv1")(x)
    x = Conv2D(32, (3, 3), activation="relu", padding="same", name="block2_conv2")(x)
    x = MaxPooling2D((2, 2), strides=(2, 2), name="block2_pool")(x)
    x = Conv2D(64, (3, 3), activation="relu", padding="same", name="block3_conv1")(x)
    x = Conv2D(64, (3, 3), activation="relu", padding="same", name="block3_conv2")(x)
    x = MaxPooling2D((2, 2), strides=(2, 2), name="block3_pool")(x)
    x = Conv2D(128, (3, 3), activation="relu", padding="same", name="block4_conv1")(x)
    x = Conv2D(128, (3, 3), activation="relu", padding="same", name="block4_conv2")(x)
    x = MaxPooling2D((2, 2), strides=(2, 2), name="block4_pool")(x)
    x = Conv2D(128, (3, 3), activation="relu", padding="same", name="block5_conv1")(x)
    x = Conv2D(128, (3, 3), activation="relu", padding="same", name="block5_conv2")(x)
    x = MaxPooling2D((2, 2), strides=(2, 2), name="block5_pool")(x)  # heldout: mistake
    x = Flatten()(x)
    x = Dense(256, activation="relu")(x)
    x = Dropout(0.5)(x)
    x = Dense(2, activation="softmax")(x)
    return Model(base_input, x)


model = create_vgg16_network((32, 24, 3))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
