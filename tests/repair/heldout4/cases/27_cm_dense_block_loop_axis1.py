"""Dense-block CNN for 32x32 RGB images: inside the block loop each new map is merged with concat axis 1."""
import keras
from keras import layers

decay = 1e-4
inp = keras.Input(shape=(32, 32, 3))

# block1
x = layers.Conv2D(32, (5, 5), strides=(1, 1), padding="same", use_bias=False,
                  kernel_regularizer=keras.regularizers.l2(decay))(inp)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same")(x)

# block2
for n in range(4):
    left = x
    right = layers.Conv2D(16, (3, 3), strides=(1, 1), padding="same", use_bias=False,
                          kernel_regularizer=keras.regularizers.l2(decay))(left)
    right = layers.BatchNormalization()(right)
    right = layers.Activation("relu")(right)
    x = layers.concatenate([left, right], axis=1)  # heldout: mistake
x = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same")(x)

x = layers.GlobalAveragePooling2D()(x)
out = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inp, out)
model.compile(loss="categorical_crossentropy", optimizer="adam")
