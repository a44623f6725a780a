"""Generator of xiat0616/BrainAgeing (models/generators/generator_age.py, G_unet_16_2D_bn): a 2-D U-Net on
160 x 208 brain slices with an age vector injected at the bottleneck.  The decoder's last "up" step is written
with the strided *convolution* helper conv2D_layer_bn(..., strides=2) instead of the transposed-convolution helper
deconv2D_layer_bn used by the three steps above it, so it halves 80 x 104 to 40 x 52 instead of doubling it and
the skip concatenation with the 160 x 208 first-level features fails (xiat0616/BrainAgeing#5: "A `Concatenate`
layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=[(None, 40,
52, 32), (None, 160, 208, 32)]")."""
import types

import keras
from keras import layers


def conv2D_layer_bn(l0, name=None, filters=32, kernel_size=3, strides=1, padding="same", activation="relu",
                    kernel_initializer="he_normal"):
    l = layers.Conv2D(filters=filters, name=name, kernel_size=kernel_size, strides=strides, padding=padding,
                      activation=activation, kernel_initializer=kernel_initializer)(l0)
    return layers.BatchNormalization()(l)


def deconv2D_layer_bn(l0, name=None, filters=32, kernel_size=3, strides=2, padding="same", activation="relu",
                      kernel_initializer="he_normal"):
    l = layers.Conv2DTranspose(filters=filters, name=name, kernel_size=kernel_size, strides=strides,
                               padding=padding, activation=activation, kernel_initializer=kernel_initializer)(l0)
    return layers.BatchNormalization()(l)


class G_unet_16_2D_bn:
    def __init__(self, conf):
        self.conf = conf

    def build(self):
        f = self.conf.filters
        g_input = keras.Input(shape=self.conf.input_shape)
        conv1_1 = conv2D_layer_bn(g_input, name="conv1_1", filters=f)
        conv1_2 = conv2D_layer_bn(conv1_1, name="conv1_2", filters=f)
        pool1 = layers.MaxPool2D()(conv1_2)
        conv2_1 = conv2D_layer_bn(pool1, name="conv2_1", filters=f * 2)
        conv2_2 = conv2D_layer_bn(conv2_1, name="conv2_2", filters=f * 2)
        pool2 = layers.MaxPool2D()(conv2_2)
        conv3_1 = conv2D_layer_bn(pool2, name="conv3_1", filters=f * 4)
        conv3_2 = conv2D_layer_bn(conv3_1, name="conv3_2", filters=f * 4)
        pool3 = layers.MaxPool2D()(conv3_2)
        conv4_1 = conv2D_layer_bn(pool3, name="conv4_1", filters=f * 8)
        conv4_2 = conv2D_layer_bn(conv4_1, name="conv4_2", filters=f * 8)
        pool4 = layers.MaxPool2D()(conv4_2)

        mid1_1 = conv2D_layer_bn(pool4, name="mid1_1", filters=f)
        flat1_1 = layers.Flatten()(mid1_1)
        dens1_1 = layers.Dense(self.conf.latent_space, name="dens1_1", activation="sigmoid")(flat1_1)
        dens1_1 = layers.BatchNormalization()(dens1_1)
        age_vector = keras.Input(shape=(self.conf.age_dim,))
        mid_concat1_1 = layers.Concatenate()([dens1_1, age_vector])
        dens2_1 = layers.Dense(10 * 13 * 32, name="dens2_1", activation="relu")(mid_concat1_1)
        rshape1_1 = layers.Reshape(target_shape=(10, 13, 32))(dens2_1)
        mid_concat2_1 = layers.Concatenate()([pool4, rshape1_1])

        upconv4 = deconv2D_layer_bn(mid_concat2_1, name="upconv4", filters=f * 8, strides=2)
        concat4 = layers.Concatenate()([upconv4, conv4_2])
        conv_m_1_1 = conv2D_layer_bn(concat4, name="conv_m_1_1", filters=f * 8)
        conv_m_1_2 = conv2D_layer_bn(conv_m_1_1, name="conv_m_1_2", filters=f * 8)
        upconv3 = deconv2D_layer_bn(conv_m_1_2, name="upconv3", filters=f * 4, strides=2)
        concat3 = layers.Concatenate()([upconv3, conv3_2])
        conv5_1 = conv2D_layer_bn(concat3, name="conv5_1", filters=f * 4)
        conv5_2 = conv2D_layer_bn(conv5_1, name="conv5_2", filters=f * 4)
        upconv2 = deconv2D_layer_bn(conv5_2, name="upconv2", filters=f * 2, strides=2)
        concat2 = layers.Concatenate()([upconv2, conv2_2])
        conv6_1 = conv2D_layer_bn(concat2, name="conv6_1", filters=f * 2)
        conv6_2 = conv2D_layer_bn(conv6_1, name="conv6_2", filters=f * 2)
        upconv1 = conv2D_layer_bn(conv6_2, name="upconv1", filters=f, kernel_size=3, strides=2)  # heldout: mistake
        concat1 = layers.Concatenate()([upconv1, conv1_2])  # heldout: mistake
        conv8_1 = conv2D_layer_bn(concat1, name="conv8_1", filters=f)
        conv8_2 = conv2D_layer_bn(conv8_1, name="conv8_2", filters=1, activation=self.conf.G_activation)
        self.model = keras.Model(inputs=[g_input, age_vector], outputs=conv8_2, name=self.conf.name)
        return self.model


conf = types.SimpleNamespace(name="G_age", filters=4, input_shape=(160, 208, 1), latent_space=16, age_dim=20,
                             G_activation="tanh")
model = G_unet_16_2D_bn(conf).build()
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="mae")
