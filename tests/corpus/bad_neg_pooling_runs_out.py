"""Short windows (20 steps) with aggressive pooling (seed article, broken twin 3)."""
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense

model = Sequential([
    Conv1D(32, 3, activation="relu", input_shape=(20, 1)),
    MaxPooling1D(4),
    Conv1D(64, 3, activation="relu"),
    MaxPooling1D(4),  # SD102
    Flatten(),
    Dense(1, activation="sigmoid"),
])
