"""CNN-LSTM for multivariate sensor windows; hyper-parameters as defaults of build_model."""
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Conv1D, MaxPooling1D, LSTM, Dense, Dropout


def build_model(n_steps=128, n_features=3, n_classes=4):
    model = Sequential()
    model.add(Conv1D(64, 3, activation="relu", input_shape=(n_steps, n_features)))
    model.add(Conv1D(64, 3, activation="relu"))
    model.add(Dropout(0.5))
    model.add(MaxPooling1D(pool_size=2))
    model.add(LSTM(64))
    model.add(Dense(n_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


model = build_model()
