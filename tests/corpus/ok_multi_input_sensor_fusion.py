"""Two-branch sensor fusion: accelerometer window + static patient metadata."""
import keras
from keras import layers

acc_in = keras.Input(shape=(128, 3), name="accelerometer")
meta_in = keras.Input(shape=(10,), name="metadata")

a = layers.Conv1D(32, 7, activation="relu")(acc_in)
a = layers.MaxPooling1D(3)(a)
a = layers.Conv1D(64, 5, activation="relu")(a)
a = layers.GlobalMaxPooling1D()(a)

m = layers.Dense(16, activation="relu")(meta_in)

merged = layers.concatenate([a, m])
merged = layers.Dense(32, activation="relu")(merged)
risk = layers.Dense(1, activation="sigmoid", name="fall_risk")(merged)
activity = layers.Dense(5, activation="softmax", name="activity")(merged)

model = keras.Model(inputs=[acc_in, meta_in], outputs=[risk, activity])
model.compile(optimizer="adam", loss={"fall_risk": "binary_crossentropy", "activity": "categorical_crossentropy"})
