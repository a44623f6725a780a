"""Per-frame convolutions (TimeDistributed) feeding two GRUs for one value per clip; the frames are
Theano-ordered (3, 32, 32) while the convolutions are channels_last.

Source: https://github.com/keras-team/keras/issues/2649
"""
from keras.models import Sequential
from keras.layers import TimeDistributed, Conv2D, MaxPooling2D, Activation, Flatten, GRU, Dropout, Dense

n_frames = 20

model = Sequential()
model.add(TimeDistributed(Conv2D(8, (4, 4), padding="valid"),
                          input_shape=(n_frames, 3, 32, 32)))  # heldout: mistake
model.add(TimeDistributed(MaxPooling2D(pool_size=(2, 2), padding="valid")))
model.add(Activation("relu"))
model.add(TimeDistributed(Conv2D(8, (3, 3), padding="valid")))
model.add(Activation("relu"))
model.add(TimeDistributed(Flatten()))
model.add(Activation("relu"))
model.add(GRU(32, return_sequences=True))
model.add(GRU(16, return_sequences=False))
model.add(Dropout(0.2))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
