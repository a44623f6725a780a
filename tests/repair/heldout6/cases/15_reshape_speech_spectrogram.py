"""Speech-commands model whose Reshape is written for the raw-audio fingerprint while the spectrogram
fingerprint is fed (tensorflow/tensorflow#30682)."""
import keras
from keras import layers


def conv_1d_time_stacked_model(input_size=16000, num_classes=12):
    input_layer = keras.Input(shape=(input_size,))
    x = input_layer
    x = layers.Reshape([800, 20])(x)  # heldout: mistake
    x = layers.Conv1D(16, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling1D(4)(x)
    x = layers.Conv1D(16, 3, padding="same", activation="relu")(x)
    x = layers.GlobalMaxPooling1D()(x)
    x = layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(input_layer, x, name="conv_1d_time_stacked")
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


# output_representation='spec': 98 frames x 257 FFT bins per one-second clip
fingerprint_size = 98 * 257  # heldout: mistake
model = conv_1d_time_stacked_model(input_size=fingerprint_size, num_classes=12)
