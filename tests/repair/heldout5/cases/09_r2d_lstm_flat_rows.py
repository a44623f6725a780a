"""Single LSTM on flat feature rows (keras-team/keras issue 6419).

x_train is (n_samples, n_features): one row of features per sample, no time axis.  The reporter declares the
time axis as None because they "don't want to use time steps".
"""
import keras
from keras import layers

N_FEATURES = 64

model = keras.Sequential()
model.add(layers.LSTM(1, input_shape=(None, N_FEATURES), dropout=0.2))  # heldout: mistake

model.compile(loss="categorical_crossentropy", optimizer="sgd")
