"""OCR-style model for CTC: conv features reshaped to (steps, features), a BiLSTM and a per-step softmax."""
import keras
from keras import layers

characters = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
img_width, img_height = 128, 32


def build_ocr_model(n):
    images = keras.Input(shape=(img_width, img_height, 1), name="image")
    x = layers.Conv2D(32, 3, activation="relu", padding="same")(images)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
    x = layers.MaxPooling2D((2, 2))(x)
    new_shape = ((img_width // 4), (img_height // 4) * 64)
    x = layers.Reshape(target_shape=new_shape)(x)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
    outputs = layers.Dense(n + 1, activation="softmax", name="dense_out")(x)
    return keras.Model(images, outputs, name="ocr_model")


model = build_ocr_model(len(characters))
