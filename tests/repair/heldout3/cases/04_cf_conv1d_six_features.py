"""1-D CNN over six tabular features, declared as one step of six channels: input_shape=(1, num_features)."""
import keras
from keras import layers

num_features = 6
num_classes = 3
n_hidden_1 = 64
n_hidden_2 = 64

model = keras.Sequential()
model.add(layers.Conv1D(filters=n_hidden_1, kernel_size=3, activation="sigmoid",  # heldout: mistake
                        input_shape=(1, num_features)))  # heldout: mistake
model.add(layers.Conv1D(filters=n_hidden_2, kernel_size=3, activation="sigmoid"))
model.add(layers.Dropout(0.5))
model.add(layers.MaxPooling1D(pool_size=2))
model.add(layers.Flatten())
model.add(layers.Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
