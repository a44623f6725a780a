"""SimpleRNN given only the feature count of a (119, 80) predictor table (Keras 1 input_dim=80).

Source: https://github.com/keras-team/keras/issues/2091
"""
from keras.models import Sequential
from keras.layers import SimpleRNN

n_columns = 80

model = Sequential()
model.add(SimpleRNN(1, kernel_initializer="random_uniform", input_shape=(n_columns,)))  # heldout: mistake
model.compile(loss="mse", optimizer="sgd")
