"""tf.* tensor functions on Keras tensors: tf.reshape, tf.expand_dims, tf.concat, tf.reduce_mean."""
import tensorflow as tf

inputs = tf.keras.Input(shape=(64,))
x = tf.keras.layers.Dense(96, activation="relu")(inputs)
seq = tf.reshape(x, (-1, 12, 8))
seq = tf.keras.layers.Conv1D(16, 3, padding="same")(seq)
avg = tf.reduce_mean(seq, axis=1)
col = tf.expand_dims(avg, axis=-1)
col = tf.keras.layers.Flatten()(col)
both = tf.concat([avg, col, x], axis=1)
outputs = tf.keras.layers.Dense(3, activation="softmax")(both)
model = tf.keras.Model(inputs=inputs, outputs=outputs)
