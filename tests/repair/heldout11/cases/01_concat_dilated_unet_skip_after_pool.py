"""Dilated U-Net for car masks (Carvana): encoder blocks, a cascade of dilated convolutions summed in the
bottleneck, and a decoder that upsamples and concatenates the encoder's skip tensors."""
import keras
from keras import layers


def encoder(x, filters=4, n_block=3, kernel_size=(3, 3), activation="relu"):
    skip = []
    for i in range(n_block):
        x = layers.Conv2D(filters * 2 ** i, kernel_size, activation=activation, padding="same")(x)
        x = layers.Conv2D(filters * 2 ** i, kernel_size, activation=activation, padding="same")(x)
        x = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2))(x)
        skip.append(x)  # heldout: mistake
    return x, skip


def bottleneck(x, filters_bottleneck, depth=6, kernel_size=(3, 3), activation="relu"):
    dilated = []
    for i in range(depth):
        x = layers.Conv2D(filters_bottleneck, kernel_size, activation=activation, padding="same",
                          dilation_rate=2 ** i)(x)
        dilated.append(x)
    return layers.add(dilated)


def decoder(x, skip, filters, n_block=3, kernel_size=(3, 3), activation="relu"):
    for i in reversed(range(n_block)):
        x = layers.UpSampling2D(size=(2, 2))(x)
        x = layers.Conv2D(filters * 2 ** i, kernel_size, activation=activation, padding="same")(x)
        x = layers.concatenate([skip[i], x])  # heldout: mistake
        x = layers.Conv2D(filters * 2 ** i, kernel_size, activation=activation, padding="same")(x)
        x = layers.Conv2D(filters * 2 ** i, kernel_size, activation=activation, padding="same")(x)
    return x


def get_dilated_unet(input_shape=(64, 64, 3), filters=4, n_block=3, lr=1e-4, n_class=1):
    inputs = keras.Input(input_shape)
    enc, skip = encoder(inputs, filters, n_block)
    bottle = bottleneck(enc, filters_bottleneck=filters * 2 ** n_block)
    dec = decoder(bottle, skip, filters, n_block)
    classify = layers.Conv2D(n_class, (1, 1), activation="sigmoid")(dec)
    model = keras.Model(inputs=inputs, outputs=classify)
    model.compile(optimizer=keras.optimizers.RMSprop(lr), loss="binary_crossentropy")
    return model


model = get_dilated_unet()
