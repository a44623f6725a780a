"""Text classifier: embedding, LSTM returning its sequence, self-attention over the steps, Dense softmax head.

Written from CyberZHG/keras-self-attention#46: adding the sequence self-attention layer after the LSTM as in the
repository's example keeps the time axis, so the softmax head is applied per step and the one-hot labels do not
match ("Shapes (None, 3) and (None, 50, 3) are incompatible").
"""
import keras
from keras import layers


def build_model(maxlen, vocab_size, n_classes, units=16):
    inputs = keras.Input(shape=(maxlen,), dtype="int32")
    x = layers.Embedding(vocab_size, 16, mask_zero=True)(inputs)
    x = layers.LSTM(units, return_sequences=True)(x)
    x = layers.Attention()([x, x])  # heldout: mistake
    outputs = layers.Dense(n_classes, activation="softmax")(x)  # heldout: mistake
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


model = build_model(maxlen=50, vocab_size=100, n_classes=3)
