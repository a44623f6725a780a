"""Conv1D + BiLSTM binary classifier on rows of numeric features (keras-team/keras issue 12852).

Each sample is one row of n_features numbers (3000 rows x 356 features in the report), given to the model as a
(1, n_features) array: one step whose channels are the features.
"""
import keras
from keras import layers


def build_model(n_features, n_classes=2):
    model = keras.Sequential()
    conv_layer1 = layers.Conv1D(filters=16, kernel_size=8, strides=1, padding="valid", activation="relu",
                                input_shape=(1, n_features))  # heldout: mistake
    model.add(conv_layer1)
    model.add(layers.Dropout(0))
    model.add(layers.MaxPooling1D(pool_size=4, strides=4))
    model.add(layers.Dropout(0.5))
    model.add(layers.Bidirectional(layers.LSTM(8, return_sequences=True, use_bias=True, activation="relu")))
    model.add(layers.Dropout(0.6))
    model.add(layers.Flatten())
    model.add(layers.Dense(n_classes, activation="sigmoid"))
    model.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adamax(), metrics=["accuracy"])
    return model


model = build_model(64)
