"""Conv1D classifier of (1, 44) feature rows with a custom k-max pooling layer, followed by GlobalAveragePooling1D."""
import keras
from keras import layers, ops


class KMaxPooling(layers.Layer):
    """K-max pooling: the k highest activations of every channel over the steps, flattened to (k * channels,)."""

    def __init__(self, k=1, **kwargs):
        super().__init__(**kwargs)
        self.input_spec = layers.InputSpec(ndim=3)
        self.k = k

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[2] * self.k)

    def call(self, inputs):
        shifted = ops.transpose(inputs, (0, 2, 1))
        top_k = ops.top_k(shifted, k=self.k, sorted=True)[0]
        return ops.reshape(top_k, (-1, inputs.shape[2] * self.k))


model1 = keras.Sequential()
model1.add(layers.Conv1D(100, 1, activation="relu", input_shape=(1, 44)))
model1.add(layers.Conv1D(100, 1, activation="relu"))
model1.add(layers.MaxPooling1D(1))
model1.add(layers.Conv1D(160, 1, activation="relu"))
model1.add(layers.Dropout(0.5))
model1.add(KMaxPooling(1))  # heldout: mistake
model1.add(layers.GlobalAveragePooling1D())  # heldout: mistake
model1.add(layers.Dense(2, activation="softmax"))
model1.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

model = model1
