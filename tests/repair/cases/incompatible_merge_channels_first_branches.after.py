"""incompatible-merge: a radar nowcaster whose two branches take frames stacked channels first -- the last 4 scans
and the last 2 hours' accumulations, (4, 24, 24) and (2, 24, 24) -- and add their maps.  Read channels_last, each
branch convolves over its second axis and keeps its stack as rows: (4, 24, 3) plus (2, 24, 3).  Every layer reads
the frames channels first."""
import keras
from keras import layers

scans = keras.Input((4, 24, 24))
hours = keras.Input((2, 24, 24))
a = layers.Conv2D(3, 3, padding="same", activation="relu", data_format="channels_first")(scans)
b = layers.Conv2D(3, 3, padding="same", activation="relu", data_format="channels_first")(hours)
merged = layers.Add()([a, b])
outputs = layers.Conv2D(1, 1, data_format="channels_first")(merged)
model = keras.Model([scans, hours], outputs)
model.compile(optimizer="adam", loss="mse")
