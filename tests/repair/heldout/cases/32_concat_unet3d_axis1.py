"""3-D U-Net written for Theano ordering (concatenate axis=1) called with channels-last cubes (64, 64, 64, 1)."""
from keras import backend as K
from keras import ops
from keras.layers import Activation, Conv3D, Input, MaxPooling3D, UpSampling3D, concatenate
from keras.models import Model
from keras.optimizers import Adam

smooth = 1.0


def dice_coef(y_true, y_pred):
    y_true_f = ops.reshape(y_true, (-1,))
    y_pred_f = ops.reshape(y_pred, (-1,))
    intersection = ops.sum(y_true_f * y_pred_f)
    return (2.0 * intersection + smooth) / (ops.sum(y_true_f) + ops.sum(y_pred_f) + smooth)


def dice_coef_loss(y_true, y_pred):
    return -dice_coef(y_true, y_pred)


def unet_model_3d(input_shape, downsize_filters_factor=1, pool_size=(2, 2, 2), n_labels=1,
                  initial_learning_rate=0.00001):
    inputs = Input(input_shape)
    conv1 = Conv3D(int(32 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(inputs)
    conv1 = Conv3D(int(64 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(conv1)
    pool1 = MaxPooling3D(pool_size=pool_size)(conv1)

    conv2 = Conv3D(int(64 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(pool1)
    conv2 = Conv3D(int(128 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(conv2)
    pool2 = MaxPooling3D(pool_size=pool_size)(conv2)

    conv3 = Conv3D(int(128 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(pool2)
    conv3 = Conv3D(int(256 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(conv3)
    pool3 = MaxPooling3D(pool_size=pool_size)(conv3)

    conv4 = Conv3D(int(256 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(pool3)
    conv4 = Conv3D(int(512 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(conv4)

    up5 = UpSampling3D(size=pool_size)(conv4)
    up5 = concatenate([up5, conv3], axis=1)  # heldout: mistake
    conv5 = Conv3D(int(256 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(up5)
    conv5 = Conv3D(int(256 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(conv5)

    up6 = UpSampling3D(size=pool_size)(conv5)
    up6 = concatenate([up6, conv2], axis=1)  # heldout: mistake
    conv6 = Conv3D(int(128 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(up6)
    conv6 = Conv3D(int(128 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(conv6)

    up7 = UpSampling3D(size=pool_size)(conv6)
    up7 = concatenate([up7, conv1], axis=1)  # heldout: mistake
    conv7 = Conv3D(int(64 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(up7)
    conv7 = Conv3D(int(64 / downsize_filters_factor), (3, 3, 3), activation="relu", padding="same")(conv7)

    conv8 = Conv3D(n_labels, (1, 1, 1))(conv7)
    act = Activation("sigmoid")(conv8)
    model = Model(inputs=inputs, outputs=act)
    model.compile(optimizer=Adam(learning_rate=initial_learning_rate), loss=dice_coef_loss, metrics=[dice_coef])
    return model


model = unet_model_3d((64, 64, 64, 1), downsize_filters_factor=8)
