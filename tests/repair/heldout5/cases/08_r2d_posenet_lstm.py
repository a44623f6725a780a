"""PoseNet-style camera pose regressor with an LSTM added after the last fully connected layer
(keras-team/keras issue 11425)."""
import keras
from keras import layers


def inception_module(x, f1, f3, fpool, name):
    b1 = layers.Conv2D(f1, (1, 1), padding="same", activation="relu", name=name + "_1x1")(x)
    b3 = layers.Conv2D(f3, (3, 3), padding="same", activation="relu", name=name + "_3x3")(x)
    bp = layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same", name=name + "_pool")(x)
    bp = layers.Conv2D(fpool, (1, 1), padding="same", activation="relu", name=name + "_pool_proj")(bp)
    return layers.concatenate([b1, b3, bp], axis=-1, name=name + "_output")


def create_posenet(input_shape=(32, 32, 3)):
    image = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, (7, 7), strides=(2, 2), padding="same", activation="relu", name="conv1")(image)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same", name="pool1")(x)
    x = inception_module(x, 8, 16, 8, "icp1")
    icp_9_output = inception_module(x, 16, 16, 8, "icp9")

    # --- classification 3 --- #
    cls3_ave_pool = layers.AveragePooling2D(pool_size=(4, 4), strides=(1, 1), name="cls3_ave_pool")(icp_9_output)
    cls3_flat = layers.Flatten()(cls3_ave_pool)
    cls3_fc = layers.Dense(64, activation="relu", name="cls3_fc")(cls3_flat)
    cls3_drop_fc = layers.Dropout(0.5)(cls3_fc)
    # ---> lstm
    lstm1 = layers.LSTM(32, return_sequences=True)(cls3_drop_fc)  # heldout: mistake
    lstm2 = layers.LSTM(16)(lstm1)
    cls3_fc_pose_xyz = layers.Dense(3, name="cls3_fc_pose_xyz")(lstm2)
    cls3_fc_pose_wpqr = layers.Dense(4, name="cls3_fc_pose_wpqr")(lstm2)

    posenet = keras.Model(inputs=image, outputs=[cls3_fc_pose_xyz, cls3_fc_pose_wpqr])
    posenet.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss=["mse", "mse"])
    return posenet


model = create_posenet()
