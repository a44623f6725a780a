"""FC-DenseNet (Tiramisu) with n_pool down-samplings on an input whose height is not divisible by 2 ** n_pool."""
import keras
from keras import layers


def BN_ReLU_Conv(x, n_filters, filter_size=3, dropout_p=0.2):
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(n_filters, filter_size, padding="same", kernel_initializer="he_uniform")(x)
    if dropout_p:
        x = layers.Dropout(dropout_p)(x)
    return x


def TransitionDown(x, n_filters, dropout_p=0.2):
    x = BN_ReLU_Conv(x, n_filters, filter_size=1, dropout_p=dropout_p)
    return layers.MaxPooling2D((2, 2))(x)


def TransitionUp(skip_connection, block_to_upsample, n_filters_keep):
    l = layers.concatenate(block_to_upsample)
    l = layers.Conv2DTranspose(n_filters_keep, 3, strides=2, padding="same", kernel_initializer="he_uniform")(l)
    l = layers.concatenate([l, skip_connection], axis=-1)  # heldout: mistake
    return l


def Tiramisu(input_shape=(None, None, 3), n_classes=1, n_filters_first_conv=16, n_pool=3, growth_rate=8,
             n_layers_per_block=2, dropout_p=0.2):
    inputs = keras.Input(shape=input_shape)  # heldout: mistake
    stack = layers.Conv2D(n_filters_first_conv, 3, padding="same", kernel_initializer="he_uniform")(inputs)
    n_filters = n_filters_first_conv
    skip_connection_list = []
    for i in range(n_pool):
        for _ in range(n_layers_per_block):
            l = BN_ReLU_Conv(stack, growth_rate, dropout_p=dropout_p)
            stack = layers.concatenate([stack, l])
            n_filters += growth_rate
        skip_connection_list.append(stack)
        stack = TransitionDown(stack, n_filters, dropout_p)
    skip_connection_list = skip_connection_list[::-1]

    block_to_upsample = []
    for _ in range(n_layers_per_block):
        l = BN_ReLU_Conv(stack, growth_rate, dropout_p=dropout_p)
        block_to_upsample.append(l)
        stack = layers.concatenate([stack, l])

    for i in range(n_pool):
        n_filters_keep = growth_rate * n_layers_per_block
        stack = TransitionUp(skip_connection_list[i], block_to_upsample, n_filters_keep)
        block_to_upsample = []
        for _ in range(n_layers_per_block):
            l = BN_ReLU_Conv(stack, growth_rate, dropout_p=dropout_p)
            block_to_upsample.append(l)
            stack = layers.concatenate([stack, l])

    l = layers.Conv2D(n_classes, 1, padding="same", kernel_initializer="he_uniform")(stack)
    output = layers.Activation("sigmoid")(l)
    return keras.Model(inputs=inputs, outputs=output)


model = Tiramisu(input_shape=(44, 64, 3))
model.compile(optimizer="adam", loss="binary_crossentropy")
