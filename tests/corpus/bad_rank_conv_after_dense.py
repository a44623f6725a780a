"""Conv1D straight after Dense on tabular features (seed article, broken twin 1)."""
import numpy as np
from tensorflow.keras.layers import Dense, Conv1D, Flatten
from tensorflow.keras.models import Sequential

data = np.random.rand(100, 50)

model = Sequential([
    Dense(64, activation="relu", input_shape=(50,)),
    Conv1D(32, 3, activation="relu"),  # SD101
    Flatten(),
    Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
