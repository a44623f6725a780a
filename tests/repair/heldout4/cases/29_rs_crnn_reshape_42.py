"""Captcha text recogniser (CNN to RNN): the feature map is reshaped to a fixed (42, 1024) sequence."""
import keras
from keras import layers

img_w, img_h = 128, 32
n_chars = 37


def Image_text_recogniser_model_1(stage, drop_out_rate=0.35):
    model_input = keras.Input(shape=(img_h, img_w, 1), name="img_input", dtype="float32")
    model = layers.Conv2D(32, (3, 3), padding="same", kernel_initializer="he_normal")(model_input)
    model = layers.BatchNormalization()(model)
    model = layers.Activation("relu")(model)
    model = layers.MaxPooling2D((2, 2))(model)
    model = layers.Conv2D(64, (3, 3), padding="same", kernel_initializer="he_normal")(model)
    model = layers.BatchNormalization()(model)
    model = layers.Activation("relu")(model)
    model = layers.MaxPooling2D((2, 2))(model)
    model = layers.Conv2D(128, (3, 3), padding="same", kernel_initializer="he_normal")(model)
    model = layers.BatchNormalization()(model)
    model = layers.Activation("relu")(model)
    model = layers.MaxPooling2D((2, 1))(model)

    # CNN to RNN
    model = layers.Reshape(target_shape=((42, 1024)), name="reshape")(model)  # heldout: mistake
    model = layers.Dense(64, activation="relu", kernel_initializer="he_normal", name="dense1")(model)

    # RNN
    model = layers.Bidirectional(layers.LSTM(64, return_sequences=True, dropout=drop_out_rate))(model)
    model = layers.Dense(n_chars, kernel_initializer="he_normal", name="dense2")(model)
    y_pred = layers.Activation("softmax", name="softmax")(model)
    img_text_recog = keras.Model(inputs=model_input, outputs=y_pred)
    img_text_recog.compile(optimizer="adam", loss="categorical_crossentropy")
    return model_input, y_pred, img_text_recog


model_input, y_pred, model = Image_text_recogniser_model_1("train")
