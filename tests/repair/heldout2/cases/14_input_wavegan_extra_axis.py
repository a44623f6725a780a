"""WaveGAN generator port: the noise input declared Input(shape=[None, 100]) for 100-d noise vectors.

Source: https://github.com/chrisdonahue/wavegan/issues/37
"""
from keras.layers import Input, Dense, Reshape, Activation, Conv2DTranspose
from keras.models import Model
from keras.optimizers import SGD


def defineGen(Gin, d=1, lr=1e-3):
    shapes = [d * x for x in [256, 16, 8, 4, 2, 1]]
    x = Dense(shapes[0])(Gin)
    x = Reshape((1, 16, 16))(x)  # heldout: mistake
    x = Activation("relu")(x)
    x = Conv2DTranspose(25, (shapes[1], shapes[2]), padding="same")(x)
    x = Activation("relu")(x)
    x = Conv2DTranspose(25, (shapes[2], shapes[3]), padding="same")(x)
    x = Activation("relu")(x)
    x = Conv2DTranspose(25, (shapes[5], 1), padding="same")(x)
    G_out = Activation("tanh")(x)
    G = Model(inputs=[Gin], outputs=G_out)
    G.compile(loss="binary_crossentropy", optimizer=SGD(learning_rate=lr))
    return G, G_out


G_in1 = Input(shape=[None, 100])  # heldout: mistake
G, G_out = defineGen(G_in1)
model = G
