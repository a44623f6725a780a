"""enumerate() and zip() over literal lists drive the layer arguments."""
import keras
from keras import layers

FILTERS = [16, 32, 64]
KERNELS = [9, 5, 3]
DILATIONS = (1, 2, 4)

inputs = keras.Input(shape=(300, 4))
x = inputs
for i, (filters, kernel) in enumerate(zip(FILTERS, KERNELS)):
    x = layers.Conv1D(filters, kernel, dilation_rate=DILATIONS[i], name=f"conv_{i}")(x)
    x = layers.BatchNormalization(name=f"bn_{i}")(x)
    x = layers.Activation("relu")(x)
x = layers.GlobalAveragePooling1D()(x)
heads = []
for name, units in zip(["age", "gender"], [1, 2]):
    heads.append(layers.Dense(units, name=name)(x))
model = keras.Model(inputs, heads)
