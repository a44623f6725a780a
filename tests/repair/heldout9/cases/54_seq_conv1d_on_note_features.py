"""Audio "interesting moment" classifier: 200 note features per 10-second clip (one note per 50 ms block) are read
as 200 separate numeric columns, so the Conv1D that should slide over the 200 time steps receives a flat
(None, 200) vector with no feature axis (volcengine.com article 339161, "Conv1D层输入维度不兼容问题: ValueError:
expected ndim=3, found ndim=2. Full shape received: [None, 200]")."""
import keras
from keras import layers

N_NOTES = 200

model = keras.Sequential([
    keras.Input(shape=(N_NOTES,)),  # heldout: mistake
    layers.Conv1D(32, 3, padding="same", activation="relu"),  # heldout: mistake
    layers.Flatten(),
    layers.Dense(50, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
