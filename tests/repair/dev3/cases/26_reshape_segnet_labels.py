"""SegNet autoencoder: four poolings of an image side not divisible by 16, then Reshape to (rows * cols, n_labels).

Source: https://github.com/preddy5/segnet/issues/6
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, UpSampling2D, BatchNormalization, Activation, Reshape

img_rows, img_cols = 40, 48
n_labels = 12
data_shape = img_rows * img_cols

autoencoder = Sequential()
autoencoder.add(Conv2D(8, (3, 3), padding="same", input_shape=(img_rows, img_cols, 3)))
for filters in (8, 16, 32, 32):
    autoencoder.add(Conv2D(filters, (3, 3), padding="same", activation="relu"))
    autoencoder.add(MaxPooling2D(pool_size=(2, 2)))
for filters in (32, 32, 16, 8):
    autoencoder.add(UpSampling2D(size=(2, 2)))
    autoencoder.add(Conv2D(filters, (3, 3), padding="same", activation="relu"))
    autoencoder.add(BatchNormalization())
autoencoder.add(Conv2D(n_labels, (1, 1), padding="valid"))
autoencoder.add(Reshape((data_shape, n_labels)))  # heldout: mistake
autoencoder.add(Activation("softmax"))
autoencoder.compile(loss="categorical_crossentropy", optimizer="adadelta")
model = autoencoder
