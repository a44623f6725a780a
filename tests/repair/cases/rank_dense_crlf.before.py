"""rank in a file with Windows line endings and a parenthesised import."""
from keras.layers import (
    Dense,
    Conv1D,
    Flatten,
)
from keras.models import Sequential

model = Sequential([Dense(32, input_shape=(10,)), Conv1D(4, 3), Flatten(), Dense(1)])
