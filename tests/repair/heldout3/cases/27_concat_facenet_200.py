"""FaceNet-style inception block tuned for 96x96 faces (fixed pool-branch padding), built for (3, 200, 200)."""
import keras
from keras import layers

keras.config.set_image_data_format("channels_first")


def inception_block_1a(X):
    X_3x3 = layers.Conv2D(32, (1, 1))(X)
    X_3x3 = layers.Activation("relu")(X_3x3)
    X_3x3 = layers.Conv2D(64, (3, 3), padding="same")(X_3x3)
    X_5x5 = layers.Conv2D(8, (1, 1))(X)
    X_5x5 = layers.Conv2D(16, (5, 5), padding="same")(X_5x5)
    X_pool = layers.MaxPooling2D(pool_size=3, strides=2)(X)
    X_pool = layers.Conv2D(16, (1, 1))(X_pool)
    X_pool = layers.ZeroPadding2D(padding=((3, 4), (3, 4)))(X_pool)
    X_1x1 = layers.Conv2D(32, (1, 1))(X)
    inception = layers.concatenate([X_3x3, X_5x5, X_pool, X_1x1], axis=1)  # heldout: mistake
    return inception


def faceRecoModel(input_shape):
    X_input = keras.Input(input_shape)  # heldout: mistake
    X = layers.ZeroPadding2D((3, 3))(X_input)
    X = layers.Conv2D(16, (7, 7), strides=(2, 2))(X)
    X = layers.Activation("relu")(X)
    X = layers.MaxPooling2D(2)(X)
    X = layers.Conv2D(32, (3, 3), padding="same", activation="relu")(X)
    X = layers.MaxPooling2D(2)(X)
    X = inception_block_1a(X)
    X = layers.GlobalAveragePooling2D()(X)
    X = layers.Dense(128)(X)
    X = layers.UnitNormalization(axis=1)(X)
    return keras.Model(X_input, X, name="FaceRecoModel")


FRmodel = faceRecoModel(input_shape=(3, 200, 200))
FRmodel.compile(optimizer="adam", loss="mse")
model = FRmodel
