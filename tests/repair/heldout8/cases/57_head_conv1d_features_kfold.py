"""1D-CNN over per-second feature vectors built in a K-fold loop: four Conv1D layers and a Dense(3) softmax
with no pooling or flattening, so the head emits one prediction per step against one-hot (n, 3) targets
(datascience.stackexchange.com 77277)."""
import keras
from keras import layers

n_features = 24  # 95 extracted features per second in the question
n_classes = 3

for fold_no in range(1, 2):  # kfold.split(X, y) in the question
    model = keras.Sequential()
    model.add(layers.Conv1D(16, 3, activation="relu", input_shape=(n_features, 1)))
    model.add(layers.Conv1D(16, 3, activation="relu"))
    model.add(layers.Conv1D(24, 3, activation="relu"))
    model.add(layers.Conv1D(24, 3, activation="relu"))  # heldout: mistake
    model.add(layers.Dense(n_classes, activation="softmax"))  # heldout: mistake
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
