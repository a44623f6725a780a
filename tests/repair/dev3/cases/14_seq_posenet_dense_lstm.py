"""PoseNet-style regressor built in a class method: AveragePooling, Flatten, Dense(2048), then LSTM layers.

Source: https://github.com/keras-team/keras/issues/11425
"""
import keras
from keras import layers


class PoseNetLSTM:
    def __init__(self, input_shape=(56, 56, 3), fc_units=64):
        self.input_shape = input_shape
        self.fc_units = fc_units

    def backbone(self, x):
        for filters in (16, 32, 64):
            x = layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu")(x)
        return x

    def create(self):
        inp = keras.Input(shape=self.input_shape)
        icp_9_output = self.backbone(inp)
        cls3_ave_pool = layers.AveragePooling2D(pool_size=(7, 7), strides=(1, 1))(icp_9_output)
        cls3_flat = layers.Flatten()(cls3_ave_pool)
        cls3_fc = layers.Dense(self.fc_units, activation="relu")(cls3_flat)
        cls3_drop_fc = layers.Dropout(0.5)(cls3_fc)
        lstm1 = layers.LSTM(32, return_sequences=True)(cls3_drop_fc)  # heldout: mistake
        lstm2 = layers.LSTM(16)(lstm1)
        xyz = layers.Dense(3, name="cls3_fc_pose_xyz")(lstm2)
        wpqr = layers.Dense(4, name="cls3_fc_pose_wpqr")(lstm2)
        return keras.Model(inp, [xyz, wpqr])


model = PoseNetLSTM().create()
model.compile(optimizer="adam", loss="mse")
