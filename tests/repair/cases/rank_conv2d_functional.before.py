"""rank: Conv2D on a 3-D tensor (grayscale images without a channel axis), functional."""
from tensorflow import keras
from tensorflow.keras import layers as L

inp = keras.Input(shape=(28, 28))
x = L.Conv2D(8, (3, 3), activation='relu')(inp)
x = L.GlobalAveragePooling2D()(x)
out = L.Dense(10, activation='softmax')(x)
model = keras.Model(inp, out)
