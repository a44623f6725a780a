"""A list appended to in a loop after its literal feeds Dense(len(class_names))."""
import keras
from keras import layers

class_names = []
for animal in ["cat", "dog", "horse", "sheep"]:
    class_names.append(animal)
num_classes = len(class_names)

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(len(class_names), activation="softmax"),
])

labels = ["background"]
labels.extend(["person", "car"])
labels += ["bicycle"]
seg_in = keras.Input(shape=(32, 32, 3))
seg_out = layers.Conv2D(len(labels), 1, activation="softmax")(seg_in)
segmenter = keras.Model(seg_in, seg_out)
