"""Captcha OCR (keras-io style): CRNN, per-step softmax, CTC loss added by a layer; labels are a model input."""
import numpy as np
import keras
from keras import layers, ops

img_width, img_height = 200, 50
max_length = 5
n_characters = 19
downsample_factor = 4


class CTCLayer(layers.Layer):
    def call(self, y_true, y_pred):
        batch_len = ops.shape(y_true)[0]
        input_length = ops.shape(y_pred)[1] * ops.ones((batch_len,), dtype="int32")
        label_length = ops.shape(y_true)[1] * ops.ones((batch_len,), dtype="int32")
        loss = ops.ctc_loss(ops.cast(y_true, "int32"), y_pred, label_length, input_length, mask_index=0)
        self.add_loss(ops.mean(loss))
        return y_pred


input_img = layers.Input(shape=(img_width, img_height, 1), name="image", dtype="float32")
labels = layers.Input(name="label", shape=(None,), dtype="float32")
x = layers.Conv2D(32, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv1")(input_img)
x = layers.MaxPooling2D((2, 2), name="pool1")(x)
x = layers.Conv2D(64, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv2")(x)
x = layers.MaxPooling2D((2, 2), name="pool2")(x)
new_shape = ((img_width // downsample_factor), (img_height // downsample_factor) * 64)
x = layers.Reshape(target_shape=new_shape, name="reshape")(x)
x = layers.Dense(64, activation="relu", name="dense1")(x)
x = layers.Dropout(0.2)(x)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True, dropout=0.25))(x)
x = layers.Bidirectional(layers.LSTM(32, return_sequences=True, dropout=0.25))(x)
x = layers.Dense(n_characters + 1, activation="softmax", name="dense2")(x)
output = CTCLayer(name="ctc_loss")(labels, x)
model = keras.models.Model(inputs=[input_img, labels], outputs=output, name="ocr_model_v1")
model.compile(optimizer=keras.optimizers.Adam())

images = np.random.rand(8, img_width, img_height, 1).astype("float32")
label_ids = np.random.randint(1, n_characters + 1, size=(8, max_length)).astype("float32")
model.fit({"image": images, "label": label_ids}, batch_size=4, epochs=1)
