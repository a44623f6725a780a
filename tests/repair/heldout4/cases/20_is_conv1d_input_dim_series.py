"""Conv1D on five-value vectors: Keras 1 input_dim=5 (features per step, length unknown), then Flatten and Dense."""
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Conv1D(filters=1, kernel_size=2, input_shape=(None, 5)))  # heldout: mistake
model.add(layers.Flatten())  # heldout: mistake
model.add(layers.Dense(1))  # heldout: mistake
model.compile(optimizer="sgd", loss="mse")
