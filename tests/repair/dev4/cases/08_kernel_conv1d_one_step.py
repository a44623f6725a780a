"""Conv1D on rows reshaped to (N, 1, 24): one step of 24 features, then MaxPooling1D(2).

Source: https://github.com/keras-team/keras/issues/1457
"""
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense, Activation

model = Sequential()
model.add(Conv1D(4, 5, activation="tanh", padding="same", input_shape=(1, 24)))  # heldout: mistake
model.add(Activation("tanh"))
model.add(MaxPooling1D(pool_size=2))  # heldout: mistake
model.add(Flatten())
model.add(Dense(16))
model.add(Activation("tanh"))
model.add(Dense(2))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd")
