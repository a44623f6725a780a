"""reshape-size: a SegNet of layer lists on 24 x 40 images with four poolings: 24 is no multiple of 16, so the
decoder comes back 16 x 32 and the Reshape((24 * 40, 3)) written for the input's size does not fit. One level
fewer (the deepest pooling and the first upsampling removed) brings the maps back to 24 x 40."""
import keras
from keras import layers

h, w, classes = 24, 40, 3
encoder = [layers.Conv2D(8, 3, padding="same", activation="relu", input_shape=(h, w, 3)), layers.MaxPooling2D(),
           layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
           layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
           layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D()]
decoder = [layers.UpSampling2D(), layers.Conv2D(16, 3, padding="same", activation="relu"),
           layers.UpSampling2D(), layers.Conv2D(16, 3, padding="same", activation="relu"),
           layers.UpSampling2D(), layers.Conv2D(8, 3, padding="same", activation="relu"),
           layers.UpSampling2D(), layers.Conv2D(classes, 1)]
model = keras.Sequential()
for layer in encoder + decoder:
    model.add(layer)
model.add(layers.Reshape((h * w, classes)))
model.add(layers.Activation("softmax"))
