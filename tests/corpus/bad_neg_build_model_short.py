"""Model factory tuned for 512-sample windows, called with its short default length."""
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense


def build_model(n_steps=32, n_features=1):
    model = Sequential()
    model.add(Conv1D(32, 9, activation="relu", input_shape=(n_steps, n_features)))
    model.add(MaxPooling1D(4))
    model.add(Conv1D(64, 9, activation="relu"))  # SD102
    model.add(Flatten())
    model.add(Dense(1, activation="sigmoid"))
    return model


model = build_model()
