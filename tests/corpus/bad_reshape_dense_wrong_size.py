"""Dense projection reshaped into a 10x10 'image' of the features: 64 != 100."""
from tensorflow.keras.layers import Dense, Reshape, Conv1D, Flatten
from tensorflow.keras.models import Sequential

model = Sequential([
    Dense(64, activation="relu", input_shape=(50,)),
    Reshape((10, 10)),  # SD103
    Conv1D(32, 3, activation="relu"),
    Flatten(),
    Dense(1, activation="sigmoid"),
])
