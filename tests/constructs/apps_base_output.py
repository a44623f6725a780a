"""A head added on `base.output` of a tf.keras.applications backbone; the model spans base.input -> head."""
import tensorflow as tf
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.layers import Dense, GlobalAveragePooling2D, Dropout

base = ResNet50(weights=None, include_top=False, input_shape=(64, 64, 3))
for layer in base.layers:
    layer.trainable = False

x = GlobalAveragePooling2D()(base.output)
x = Dense(128, activation="relu")(x)
x = Dropout(0.3)(x)
predictions = Dense(6, activation="softmax")(x)
model = tf.keras.Model(inputs=base.input, outputs=predictions)
