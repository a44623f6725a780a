"""DeepSpeech2-style acoustic model: (time, features) spectrogram frames go straight into a 2-D convolution."""
import keras
from keras import layers


def build_deepSpeech2(max_time_steps, n_features, n_classes, rnn_units=32):
    input_x = keras.Input(shape=(max_time_steps, n_features), name="inputX")  # heldout: mistake
    layer1 = layers.Conv2D(8, (11, 41), strides=(2, 2), padding="same", activation="relu")(input_x)  # heldout: mistake
    layer2 = layers.Conv2D(8, (11, 21), strides=(1, 2), padding="same", activation="relu")(layer1)
    frames = layers.Reshape((max_time_steps // 2, (n_features // 4) * 8))(layer2)
    rnn = layers.GRU(rnn_units, return_sequences=True)(frames)
    logits = layers.TimeDistributed(layers.Dense(n_classes, activation="softmax"))(rnn)
    return keras.Model(input_x, logits)


model = build_deepSpeech2(max_time_steps=40, n_features=24, n_classes=30)
model.compile(loss="categorical_crossentropy", optimizer="adam")
