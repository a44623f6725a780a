"""Earthquake ground-motion regressor on the waveforms of a seismic network: the input holds one 3-component
waveform per station, (stations, samples, 3), and Conv1D layers with 125-sample kernels are applied to it directly,
which Keras 3 rejects because the convolution gets a 4-D tensor (StefanBloemheuvel/GCNTimeseriesRegression#4)."""
import keras
from keras import layers, regularizers

N_STATIONS = 6  # 39 stations in the repository


def build_model(input_shape):
    reg_const = 0.0001
    activation_func = "relu"
    wav_input = keras.Input(shape=input_shape, name="wav_input")
    graph_features = keras.Input(shape=(N_STATIONS, 2), name="graph_features")

    conv1 = layers.Conv1D(filters=8, kernel_size=125, strides=2, activation=activation_func,  # heldout: mistake
                          kernel_regularizer=regularizers.l2(reg_const), name="conv1")(wav_input)
    conv1 = layers.Conv1D(filters=16, kernel_size=125, strides=2, activation=activation_func,  # heldout: mistake
                          kernel_regularizer=regularizers.l2(reg_const), name="conv2")(conv1)
    conv1_new = layers.Reshape((N_STATIONS, conv1.shape[2] * conv1.shape[3]))(conv1)
    conv1_new = layers.concatenate(inputs=[conv1_new, graph_features], axis=2)
    conv1_new = layers.Dense(16, activation="relu", use_bias=False)(conv1_new)
    conv1_new = layers.Dropout(0.4)(conv1_new)
    conv1_new = layers.Dense(16, activation="tanh", use_bias=False)(conv1_new)
    conv1_new = layers.Flatten()(conv1_new)
    conv1_new = layers.Dropout(0.4)(conv1_new)

    meta_input = keras.Input(shape=(1,), name="meta_input")
    meta = layers.Dense(1)(meta_input)
    conv1_new = layers.concatenate(inputs=[conv1_new, meta])
    merged = layers.Dense(32)(conv1_new)
    pga = layers.Dense(N_STATIONS)(merged)

    final_model = keras.Model(inputs=[wav_input, meta_input, graph_features], outputs=pga)
    final_model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0001, rho=0.9), loss="mse")
    return final_model


model = build_model((N_STATIONS, 400, 3))  # (39, 1000, 3): testInputs[0].shape in the repository
