"""A first regression model fitted on a 1-D array (one number per sample): Keras 2 added the feature axis, Keras 3
feeds Dense the rank-1 batch and raises "expected min_ndim=2, found ndim=1"."""
import keras
import numpy as np

X = np.arange(-100, 100, 4, dtype="float32")
y = X + 10
X_train, y_train = X[:40], y[:40]
X_test = X[40:]

model = keras.Sequential([
    keras.layers.Reshape((1,)),
    keras.layers.Dense(10, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(loss="mae", optimizer="sgd", metrics=["mae"])
model.fit(X_train, y_train, epochs=5, verbose=0)
predictions = model.predict(X_test, verbose=0)
