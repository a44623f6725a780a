"""3-D U-Net for BraTS written for channels-first volumes (4 modalities first), run with channels_last layers."""
from keras import ops
from keras.layers import Activation, Conv3D, Input, MaxPooling3D, UpSampling3D, concatenate
from keras.models import Model
from keras.optimizers import Adam


def dice_coefficient(y_true, y_pred, smooth=1.0):
    y_true_f = ops.reshape(y_true, (-1,))
    y_pred_f = ops.reshape(y_pred, (-1,))
    intersection = ops.sum(y_true_f * y_pred_f)
    return (2.0 * intersection + smooth) / (ops.sum(y_true_f) + ops.sum(y_pred_f) + smooth)


def dice_coefficient_loss(y_true, y_pred):
    return -dice_coefficient(y_true, y_pred)


def create_convolution_block(input_layer, n_filters, kernel=(3, 3, 3), padding="same"):
    layer = Conv3D(n_filters, kernel, padding=padding)(input_layer)  # heldout: mistake
    return Activation("relu")(layer)


def unet_model_3d(input_shape=(4, 32, 32, 32), pool_size=(2, 2, 2), n_labels=1, depth=4,
                  n_base_filters=8, initial_learning_rate=0.00001):
    inputs = Input(input_shape)  # heldout: mistake
    current_layer = inputs
    levels = []
    for layer_depth in range(depth):
        layer1 = create_convolution_block(current_layer, n_base_filters * (2 ** layer_depth))
        layer2 = create_convolution_block(layer1, n_base_filters * (2 ** layer_depth) * 2)
        if layer_depth < depth - 1:
            current_layer = MaxPooling3D(pool_size=pool_size)(layer2)  # heldout: mistake
            levels.append([layer1, layer2, current_layer])
        else:
            current_layer = layer2
            levels.append([layer1, layer2])
    for layer_depth in range(depth - 2, -1, -1):
        up_convolution = UpSampling3D(size=pool_size)(current_layer)  # heldout: mistake
        concat = concatenate([up_convolution, levels[layer_depth][1]], axis=1)  # heldout: mistake
        current_layer = create_convolution_block(concat, levels[layer_depth][1].shape[1])
        current_layer = create_convolution_block(current_layer, levels[layer_depth][1].shape[1])
    final_convolution = Conv3D(n_labels, (1, 1, 1))(current_layer)  # heldout: mistake
    act = Activation("sigmoid")(final_convolution)
    model = Model(inputs=inputs, outputs=act)
    model.compile(optimizer=Adam(learning_rate=initial_learning_rate), loss=dice_coefficient_loss)
    return model


model = unet_model_3d()
