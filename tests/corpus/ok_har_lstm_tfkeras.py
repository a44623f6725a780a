# Human activity recognition from a 3-axis accelerometer, 128-sample windows (UCI HAR layout)
import numpy as np
import tensorflow as tf

n_timesteps, n_features, n_outputs = 128, 9, 6
trainX = np.zeros((512, n_timesteps, n_features))
trainy = np.zeros((512, n_outputs))

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(100, input_shape=(n_timesteps, n_features)))
model.add(tf.keras.layers.Dropout(0.5))
model.add(tf.keras.layers.Dense(100, activation="relu"))
model.add(tf.keras.layers.Dense(n_outputs, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(trainX, trainy, epochs=15, batch_size=64, verbose=0)
