"""Three-feature regression MLP with input_shape=(3) -- missing comma."""
import tensorflow as tf

nn_model = tf.keras.Sequential([
    tf.keras.layers.Dense(64, activation="relu", input_shape=(3)),  # heldout: mistake
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(1),
])
nn_model.compile(loss="mse", optimizer="adam")
