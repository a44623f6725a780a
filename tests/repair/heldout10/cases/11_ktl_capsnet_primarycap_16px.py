"""CapsNet of XifengGuo/CapsNet-Keras (capsulenet.CapsNet) trained on 16x16 images with two classes: the network
was designed for 28x28 MNIST, where the 9x9 valid conv1 leaves 20x20 and the 9x9 stride-2 PrimaryCap convolution
leaves 6x6 capsule grids; on 16x16 inputs conv1 leaves 8x8 and the PrimaryCap kernel no longer fits
(XifengGuo/CapsNet-Keras#65: "Negative dimension size caused by subtracting 9 from 8 for
'primarycap_conv2d/convolution' (op: 'Conv2D') with input shapes: [?,8,8,256], [9,9,256,256]" for
CapsNet(input_shape=(16, 16, 1), n_class=2, routings=3))."""
import keras
from keras import layers, ops


def squash(vectors, axis=-1):
    s_squared_norm = ops.sum(ops.square(vectors), axis, keepdims=True)
    scale = s_squared_norm / (1 + s_squared_norm) / ops.sqrt(s_squared_norm + keras.backend.epsilon())
    return scale * vectors


class Length(layers.Layer):
    def call(self, inputs):
        return ops.sqrt(ops.sum(ops.square(inputs), -1) + keras.backend.epsilon())


class CapsuleLayer(layers.Layer):
    """Capsules with dynamic routing between the primary capsules and the class capsules."""

    def __init__(self, num_capsule, dim_capsule, routings=3, **kwargs):
        super().__init__(**kwargs)
        self.num_capsule, self.dim_capsule, self.routings = num_capsule, dim_capsule, routings

    def build(self, input_shape):
        self.input_num_capsule, self.input_dim_capsule = input_shape[1], input_shape[2]
        self.W = self.add_weight(shape=(self.num_capsule, self.input_num_capsule, self.dim_capsule,
                                        self.input_dim_capsule), initializer="glorot_uniform", name="W")

    def call(self, inputs):
        inputs_hat = ops.einsum("nmdk,bmk->bnmd", self.W, inputs)
        b = ops.zeros_like(inputs_hat[..., 0])
        for i in range(self.routings):
            c = ops.softmax(b, axis=1)
            outputs = squash(ops.einsum("bnm,bnmd->bnd", c, inputs_hat))
            if i < self.routings - 1:
                b = b + ops.einsum("bnd,bnmd->bnm", outputs, inputs_hat)
        return outputs


def PrimaryCap(inputs, dim_capsule, n_channels, kernel_size, strides, padding):
    output = layers.Conv2D(filters=dim_capsule * n_channels, kernel_size=kernel_size, strides=strides,  # heldout: mistake
                           padding=padding, name="primarycap_conv2d")(inputs)
    outputs = layers.Reshape(target_shape=[-1, dim_capsule], name="primarycap_reshape")(output)
    return layers.Lambda(squash, name="primarycap_squash")(outputs)


def CapsNet(input_shape, n_class, routings):
    x = keras.Input(shape=input_shape)  # heldout: mistake
    conv1 = layers.Conv2D(filters=16, kernel_size=9, strides=1, padding="valid", activation="relu",
                          name="conv1")(x)
    primarycaps = PrimaryCap(conv1, dim_capsule=8, n_channels=4, kernel_size=9, strides=2, padding="valid")
    digitcaps = CapsuleLayer(num_capsule=n_class, dim_capsule=16, routings=routings, name="digitcaps")(primarycaps)
    out_caps = Length(name="capsnet")(digitcaps)
    return keras.Model(x, out_caps)


def margin_loss(y_true, y_pred):
    L = y_true * ops.square(ops.maximum(0.0, 0.9 - y_pred)) + \
        0.5 * (1 - y_true) * ops.square(ops.maximum(0.0, y_pred - 0.1))
    return ops.mean(ops.sum(L, 1))


model = CapsNet(input_shape=(16, 16, 1), n_class=2, routings=3)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss=margin_loss, metrics=["accuracy"])
