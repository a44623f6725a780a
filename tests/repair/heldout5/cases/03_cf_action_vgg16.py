"""VGG16 fine-tuning for driver action recognition, built at module level
(oswaldoludwig/Human-Action-Recognition-with-Keras issue 5).

The images come from ImageDataGenerator.flow_from_directory, which yields (rows, cols, 3) batches with the
TensorFlow image ordering.
"""
import keras
from keras import layers

img_width, img_height = 32, 32
nb_classes = 10

# build the VGG16 network:
model = keras.Sequential()
model.add(layers.ZeroPadding2D((1, 1), input_shape=(3, img_width, img_height)))  # heldout: mistake

model.add(layers.Conv2D(8, (3, 3), activation="relu", name="conv1_1"))
model.add(layers.ZeroPadding2D((1, 1)))
model.add(layers.Conv2D(8, (3, 3), activation="relu", name="conv1_2"))
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))

model.add(layers.ZeroPadding2D((1, 1)))
model.add(layers.Conv2D(16, (3, 3), activation="relu", name="conv2_1"))
model.add(layers.ZeroPadding2D((1, 1)))
model.add(layers.Conv2D(16, (3, 3), activation="relu", name="conv2_2"))
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))  # heldout: mistake

model.add(layers.ZeroPadding2D((1, 1)))
model.add(layers.Conv2D(32, (3, 3), activation="relu", name="conv3_1"))
model.add(layers.ZeroPadding2D((1, 1)))
model.add(layers.Conv2D(32, (3, 3), activation="relu", name="conv3_2"))
model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))

# classifier on top of the convolutional model
model.add(layers.Flatten())
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(nb_classes, activation="softmax"))

for layer in model.layers[:6]:
    layer.trainable = False

model.compile(loss="categorical_crossentropy",
              optimizer=keras.optimizers.SGD(learning_rate=1e-6, momentum=0.9),
              metrics=["accuracy"])
