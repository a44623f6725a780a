"""DeepSpeech2-like ASR (keras-io CTC ASR style): spectrogram in, per-frame character softmax out, CTC loss
compiled on (batch, label_length) integer transcripts."""
import numpy as np
import keras
from keras import layers, ops


def CTCLoss(y_true, y_pred):
    batch_len = ops.shape(y_true)[0]
    input_length = ops.shape(y_pred)[1] * ops.ones((batch_len,), dtype="int32")
    label_length = ops.shape(y_true)[1] * ops.ones((batch_len,), dtype="int32")
    return ops.ctc_loss(ops.cast(y_true, "int32"), y_pred, label_length, input_length, mask_index=0)


def build_model(input_dim, output_dim, rnn_layers=2, rnn_units=64):
    input_spectrogram = layers.Input((None, input_dim), name="input")
    x = layers.Reshape((-1, input_dim, 1), name="expand_dim")(input_spectrogram)
    x = layers.Conv2D(filters=16, kernel_size=[11, 41], strides=[2, 2], padding="same", use_bias=False,
                      name="conv_1")(x)
    x = layers.BatchNormalization(name="conv_1_bn")(x)
    x = layers.ReLU(name="conv_1_relu")(x)
    x = layers.Conv2D(filters=16, kernel_size=[11, 21], strides=[1, 2], padding="same", use_bias=False,
                      name="conv_2")(x)
    x = layers.BatchNormalization(name="conv_2_bn")(x)
    x = layers.ReLU(name="conv_2_relu")(x)
    x = layers.Reshape((-1, x.shape[-2] * x.shape[-1]))(x)
    for i in range(1, rnn_layers + 1):
        recurrent = layers.GRU(units=rnn_units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                               return_sequences=True, reset_after=True, name=f"gru_{i}")
        x = layers.Bidirectional(recurrent, name=f"bidirectional_{i}", merge_mode="concat")(x)
        if i < rnn_layers:
            x = layers.Dropout(rate=0.5)(x)
    x = layers.Dense(units=rnn_units * 2, name="dense_1")(x)
    x = layers.ReLU(name="dense_1_relu")(x)
    x = layers.Dropout(rate=0.5)(x)
    output = layers.Dense(units=output_dim + 1, activation="softmax")(x)
    model = keras.Model(input_spectrogram, output, name="DeepSpeech_2")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss=CTCLoss)
    return model


fft_length = 384
model = build_model(input_dim=fft_length // 2 + 1, output_dim=31, rnn_units=64)
spectrograms = np.random.rand(4, 120, fft_length // 2 + 1).astype("float32")
transcripts = np.random.randint(1, 32, size=(4, 20)).astype("int32")
model.fit(spectrograms, transcripts, batch_size=2, epochs=1)
