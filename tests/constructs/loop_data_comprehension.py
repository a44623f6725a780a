"""Data preparation in comprehensions: hundreds of items built by a user function, no model code.

shapedoctor walks the first few elements, sees that they build no layer and are not constants, and does not
interpret the other elements; a list keeps its length, so `len(tag_names)` still sizes the head.
"""
import numpy as np
import keras
from keras import layers


def letter_counts(text):
    counts = np.zeros(26)
    for letter in text.lower():
        if "a" <= letter <= "z":
            counts[ord(letter) - ord("a")] += 1
    return counts / max(len(text), 1)


sentences = ["sample sentence number %d" % i for i in range(400)]
features = np.stack([letter_counts(s) for s in sentences])
tag_names = ["-".join(["tag", str(i)]) for i in range(12)]

model = keras.Sequential([
    keras.Input(shape=(26,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(len(tag_names), activation="softmax"),
])
