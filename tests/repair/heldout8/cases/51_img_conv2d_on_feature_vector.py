"""Functional CNN builder whose Conv1D/MaxPooling1D layers were swapped for Conv2D/MaxPooling2D while the
input stays a (features, 1) vector (devhide.com mirror of Stack Overflow 66220774)."""
import keras
from keras import layers

n_features = 30
n_classes = 10


def create_cnn2d_model(pool_type="max", conv_activation="relu"):
    input_layer = keras.Input(shape=(n_features, 1))
    pool = layers.MaxPooling2D if pool_type == "max" else layers.AveragePooling2D
    conv_layer1 = layers.Conv2D(filters=8, kernel_size=3, activation=conv_activation)(input_layer)  # heldout: mistake
    pooling_layer1 = pool(pool_size=2)(conv_layer1)
    conv_layer2 = layers.Conv2D(filters=16, kernel_size=3, activation=conv_activation)(pooling_layer1)
    pooling_layer2 = pool(pool_size=2)(conv_layer2)
    flatten_layer = layers.Flatten()(pooling_layer2)
    dense_layer = layers.Dense(units=32, activation="relu")(flatten_layer)
    output_layer = layers.Dense(units=n_classes, activation="softmax")(dense_layer)
    return keras.Model(inputs=input_layer, outputs=output_layer)


model = create_cnn2d_model()
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
