"""Captcha OCR (CRNN + CTC, keras-io style): the image Input uses img_width twice, so the Reshape size is off."""
import keras
from keras import layers, ops

img_width = 200
img_height = 50
downsample_factor = 4
n_characters = 19


class CTCLayer(layers.Layer):
    def call(self, y_true, y_pred):
        batch_len = ops.shape(y_true)[0]
        input_length = ops.shape(y_pred)[1]
        label_length = ops.shape(y_true)[1]
        input_length = input_length * ops.ones((batch_len,), dtype="int32")
        label_length = label_length * ops.ones((batch_len,), dtype="int32")
        loss = ops.ctc_loss(ops.cast(y_true, "int32"), y_pred, label_length, input_length, mask_index=0)
        self.add_loss(ops.mean(loss))
        return y_pred


def build_model():
    input_img = layers.Input(shape=(img_width, img_width, 1), name="image", dtype="float32")  # heldout: mistake
    labels = layers.Input(name="label", shape=(None,), dtype="float32")

    x = layers.Conv2D(32, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same",
                      name="Conv1")(input_img)
    x = layers.MaxPooling2D((2, 2), name="pool1")(x)
    x = layers.Conv2D(64, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same",
                      name="Conv2")(x)
    x = layers.MaxPooling2D((2, 2), name="pool2")(x)

    new_shape = ((img_width // downsample_factor), (img_height // downsample_factor) * 64)
    x = layers.Reshape(target_shape=new_shape, name="reshape")(x)  # heldout: mistake
    x = layers.Dense(64, activation="relu", name="dense1")(x)
    x = layers.Dropout(0.2)(x)

    x = layers.Bidirectional(layers.LSTM(128, return_sequences=True, dropout=0.25))(x)
    x = layers.Bidirectional(layers.LSTM(64, return_sequences=True, dropout=0.25))(x)
    x = layers.Dense(n_characters + 1, activation="softmax", name="dense2")(x)

    output = CTCLayer(name="ctc_loss")(labels, x)
    model = keras.models.Model(inputs=[input_img, labels], outputs=output, name="ocr_model_v1")
    model.compile(optimizer=keras.optimizers.Adam())
    return model


model = build_model()
