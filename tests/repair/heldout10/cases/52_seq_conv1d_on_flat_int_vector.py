"""Conv1D classifier on rows of 68 integers: the input is declared as a flat vector, Input(shape=(68,)), so the
first Conv1D receives a 2-D (batch, 68) tensor with no channel axis (whosebug.com 6234608, Chinese mirror of the
Stack Overflow question "How is the Keras Conv1D input specified? I seem to be lacking a dimension":
"Input 0 of layer convLayer is incompatible with the layer: expected min_ndim=3, found ndim=2. Full shape received:
[None, 68]")."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(68,), name="input"))  # heldout: mistake
model.add(layers.Conv1D(8, 2, activation="relu", padding="same", name="convLayer"))  # heldout: mistake
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
