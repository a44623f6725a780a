"""Keyword spotting on MFCC frames (49 frames x 40 coefficients), imports aliased."""
import keras as K
from keras.layers import Conv1D as C1, MaxPooling1D as MP, Dense as D, GlobalAveragePooling1D as GAP

N_FRAMES, N_MFCC = 49, 40

net = K.Sequential([
    K.Input(shape=(N_FRAMES, N_MFCC)),
    C1(64, 3, activation="relu"),
    MP(2),
    C1(64, 3, activation="relu"),
    MP(2),
    C1(128, 3, activation="relu"),
    GAP(),
    D(12, activation="softmax"),
])
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
