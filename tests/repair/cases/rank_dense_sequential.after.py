"""rank: Conv1D after Dense, Sequential list."""
from tensorflow.keras.layers import Dense, Conv1D, Flatten, Reshape  # the layers we use
from tensorflow.keras.models import Sequential

model = Sequential([
    Dense(64, activation="relu", input_shape=(50,)),  # features -> 64
    # the convolution needs (steps, channels)
    Reshape((64, 1)),
    Conv1D(32, 3, activation="relu"),
    Flatten(),
    Dense(1, activation="sigmoid"),  # trailing comma kept
])
model.compile(optimizer="adam", loss="binary_crossentropy")
