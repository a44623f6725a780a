"""EEG spectrogram classifier: (freq bins, time frames, electrodes) images."""
import keras
from keras.layers import Conv2D, MaxPooling2D, GlobalAveragePooling2D, Dense, Cropping2D

N_FREQ, N_FRAMES, N_ELECTRODES = 64, 32, 4

model = keras.Sequential()
model.add(keras.Input(shape=(N_FREQ, N_FRAMES, N_ELECTRODES)))
model.add(Cropping2D(cropping=((0, 16), (0, 0))))
model.add(Conv2D(16, (3, 3), activation="relu", padding="same"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(GlobalAveragePooling2D())
model.add(Dense(2, activation="softmax"))
