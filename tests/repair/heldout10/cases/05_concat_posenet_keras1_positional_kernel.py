"""PoseNet of kentsommer/keras-posenet (posenet.create_posenet, GoogLeNet / Inception v1 regressing the camera
position xyz and orientation wpqr): the convolutions are still written with the Keras 1 signature
Convolution2D(filters, nb_row, nb_col, ...).  Under the Keras 2+ signature Conv2D(filters, kernel_size, strides)
the second number becomes the stride, so every 3x3 branch strides by 3 and every 5x5 branch by 5 while the 1x1 and
pooling branches keep the full size, and the first inception concatenation fails
(kentsommer/keras-posenet#9: "A `Concatenate` layer requires inputs with matching shapes except for the
concatenation axis. Received: input_shape=[(None, 13, 13, 64), (None, 5, 5, 128), (None, 3, 3, 32), (None, 13, 13,
...)]" when printing the model summary)."""
import keras
from keras import layers


def inception(x, n0, n1r, n1, n2r, n2, n3, name):
    reduction1 = layers.Conv2D(n1r, 1, 1, padding="same", activation="relu", name=name + "_reduction1")(x)
    out1 = layers.Conv2D(n1, 3, 3, padding="same", activation="relu", name=name + "_out1")(reduction1)  # heldout: mistake
    reduction2 = layers.Conv2D(n2r, 1, 1, padding="same", activation="relu", name=name + "_reduction2")(x)
    out2 = layers.Conv2D(n2, 5, 5, padding="same", activation="relu", name=name + "_out2")(reduction2)  # heldout: mistake
    pool = layers.MaxPooling2D(pool_size=(3, 3), strides=(1, 1), padding="same", name=name + "_pool")(x)
    out3 = layers.Conv2D(n3, 1, 1, padding="same", activation="relu", name=name + "_out3")(pool)
    out0 = layers.Conv2D(n0, 1, 1, padding="same", activation="relu", name=name + "_out0")(x)
    return layers.concatenate([out0, out1, out2, out3], axis=3, name=name + "_concat")  # heldout: mistake


def create_posenet(image_size=224, width=8):
    """width divides the GoogLeNet filter counts (64, 192, 96, 128, ...) by 8."""
    w = lambda n: max(1, n // width)
    inp = keras.Input(shape=(image_size, image_size, 3))
    conv1 = layers.Conv2D(w(64), (7, 7), strides=(2, 2), padding="same", activation="relu", name="conv1")(inp)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(conv1)
    norm1 = layers.BatchNormalization(axis=3, name="norm1")(pool1)
    reduction2 = layers.Conv2D(w(64), 1, 1, padding="same", activation="relu", name="reduction2")(norm1)
    conv2 = layers.Conv2D(w(192), 3, 3, padding="same", activation="relu", name="conv2")(reduction2)  # heldout: mistake
    norm2 = layers.BatchNormalization(axis=3, name="norm2")(conv2)
    pool2 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool2")(norm2)

    icp2_in = inception(pool2, w(64), w(96), w(128), w(16), w(32), w(32), "icp1")
    icp2_out = inception(icp2_in, w(128), w(128), w(192), w(32), w(96), w(64), "icp2")
    icp3_in = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="icp3_in")(icp2_out)
    icp3_out = inception(icp3_in, w(192), w(96), w(208), w(16), w(48), w(64), "icp3")

    cls3_pool = layers.AveragePooling2D(pool_size=(4, 4), strides=(1, 1), padding="valid", name="cls3_pool")(icp3_out)
    cls3_fc1_flat = layers.Flatten()(cls3_pool)
    cls3_fc1_pose = layers.Dense(w(2048), activation="relu", name="cls3_fc1_pose")(cls3_fc1_flat)
    cls3_fc_pose_xyz = layers.Dense(3, name="cls3_fc_pose_xyz")(cls3_fc1_pose)
    cls3_fc_pose_wpqr = layers.Dense(4, name="cls3_fc_pose_wpqr")(cls3_fc1_pose)
    pose = layers.Concatenate(name="pose")([cls3_fc_pose_xyz, cls3_fc_pose_wpqr])
    return keras.Model(inp, pose)


model = create_posenet(image_size=64)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="mse")
