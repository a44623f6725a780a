"""Audio recogniser fed with MFCC plots saved as RGB images: the first layer is a Conv1D declared with the image's
shape, input_shape=(height, width, 3), so the 1-D convolution receives a 4-D (None, height, width, 3) tensor
(exchangetuts.com, "Transform the input of the MFCCs Spectogram for a CNN (Audio Recognition)": expected ndim=3,
found ndim=4. Full shape received: [None, 4500, 9000, 3])."""
import keras
from keras import layers


def build_cnn_model(image_shape, n_filters, n_units, n_classes):
    cnn_model = keras.Sequential(name="CNN_model")
    cnn_model.add(keras.Input(shape=image_shape))  # heldout: mistake
    cnn_model.add(layers.Conv1D(filters=n_filters, kernel_size=11, padding="same", activation="relu"))  # heldout: mistake
    cnn_model.add(layers.BatchNormalization())
    cnn_model.add(layers.Bidirectional(layers.GRU(n_units, activation="relu", return_sequences=True)))
    cnn_model.add(layers.Dropout(0.2))
    cnn_model.add(layers.BatchNormalization())
    cnn_model.add(layers.TimeDistributed(layers.Dense(n_classes)))
    cnn_model.add(layers.Dropout(0.2))
    cnn_model.add(layers.Softmax())
    return cnn_model


model = build_cnn_model((45, 90, 3), n_filters=16, n_units=8, n_classes=20)
model.compile(loss="mae", optimizer="adam", metrics=["mae"])
