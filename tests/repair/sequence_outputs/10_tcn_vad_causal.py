"""Frame-level voice-activity detector: dilated causal Conv1D stack built in a loop, a sigmoid per frame,
targets (batch, frames, 1)."""
import numpy as np
from keras import Input, Model
from keras.layers import Activation, Add, Conv1D

n_mels = 40


def build_tcn(n_filters=32, kernel_size=3, dilations=(1, 2, 4, 8)):
    inp = Input(shape=(None, n_mels))
    x = Conv1D(n_filters, 1, padding="same")(inp)
    for d in dilations:
        y = Conv1D(n_filters, kernel_size, padding="causal", dilation_rate=d)(x)
        y = Activation("relu")(y)
        x = Add()([x, y])
    out = Conv1D(1, 1, activation="sigmoid")(x)
    return Model(inp, out)


model = build_tcn()
model.compile(optimizer="adam", loss="binary_crossentropy")

frames = np.random.rand(16, 100, n_mels).astype("float32")
speech = np.random.randint(0, 2, size=(16, 100, 1)).astype("float32")
model.fit(frames, speech, batch_size=8, epochs=1)
