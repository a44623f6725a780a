"""ETA service: a stacked-LSTM regressor over the last 60 traffic readings of a route, trained on five features
per step (traffic speed, free-flow speed, congestion level, hour, day of week) to predict the next speed."""
import keras
from keras import layers

FEATURES = ["traffic_speed", "free_flow_speed", "congestion_level", "hour", "day_of_week"]
WINDOW = 60


class TrafficPipeline:
    def __init__(self):
        self.model = self._create_lstm_model()

    def _create_lstm_model(self):
        model = keras.Sequential([
            keras.Input(shape=(WINDOW, 10)),  # heldout: mistake
            layers.LSTM(8, return_sequences=True),
            layers.Dropout(0.2),
            layers.LSTM(8, return_sequences=True),
            layers.Dropout(0.2),
            layers.LSTM(4),
            layers.Dropout(0.2),
            layers.Dense(8, activation="relu"),
            layers.Dense(1),
        ])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse", metrics=["mae"])
        return model


model = TrafficPipeline().model
