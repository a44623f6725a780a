"""Dense GAN template (noise -> Dense layers growing to 784 -> Reshape to the image) switched to 28x28x3 colour
images: the generator's last Dense still has 28*28 = 784 units, so it cannot be reshaped to (28, 28, 3)
(PerceptiLabs forum, "GAN example: modifying random generator for different image shapes")."""
import keras
from keras import layers


def build_generator(latent_dim, img_shape):
    noise = keras.Input(shape=(latent_dim,))
    x = layers.Dense(128, activation="relu")(noise)
    x = layers.Dense(256, activation="relu")(x)
    x = layers.Dense(784, activation="tanh")(x)  # heldout: mistake
    img = layers.Reshape(img_shape)(x)  # heldout: mistake
    return keras.Model(noise, img, name="generator")


def build_discriminator(img_shape):
    img = keras.Input(shape=img_shape)
    x = layers.Flatten()(img)
    x = layers.Dense(128, activation="relu")(x)
    validity = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(img, validity, name="discriminator")


latent_dim = 16
img_shape = (28, 28, 3)
generator = build_generator(latent_dim, img_shape)
discriminator = build_discriminator(img_shape)
discriminator.trainable = False
z = keras.Input(shape=(latent_dim,))
model = keras.Model(z, discriminator(generator(z)), name="gan")
model.compile(optimizer="adam", loss="binary_crossentropy")
