"""negative-length: the pooling chain runs out of steps, add-chain."""
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense

model = Sequential()
model.add(Conv1D(32, 3, activation='relu', input_shape=(20, 1)))
model.add(MaxPooling1D(pool_size=4))
model.add(Conv1D(64, 3, activation='relu'))
model.add(MaxPooling1D(pool_size=2))  # 2 steps left: pooling by 4 gives 0
model.add(Flatten())
model.add(Dense(1, activation='sigmoid'))
