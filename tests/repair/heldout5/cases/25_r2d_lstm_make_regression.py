"""LSTM regressor on a scikit-learn make_regression table (a Q&A page, pythond.com).

X, Y = make_regression(100, 9, 9, 2): 9 features and 2 targets per row, no time axis.  The LSTM is declared with the
9 features as its per-step input (Keras 1 input_dim=9).
"""
import keras
from keras import layers

N_FEATURES = 9
N_TARGETS = 2

model = keras.Sequential()
model.add(layers.LSTM(32, input_shape=(None, N_FEATURES)))  # heldout: mistake
model.add(layers.Dense(N_TARGETS))
model.compile(loss="mean_squared_error", optimizer="adam")
