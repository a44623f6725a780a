"""IMDB sentiment model Embedding -> BiLSTM(return_sequences) -> self-attention -> Dense(1, sigmoid): the
attention keeps the time axis, so the model predicts one probability per word against one label per review
(CyberZHG/keras-self-attention#22)."""
import keras
from keras import layers

max_features = 1000
maxlen = 40

inputs = keras.Input(shape=(maxlen,), dtype="int32")
x = layers.Embedding(max_features, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(x)
x = layers.Attention()([x, x])  # self-attention over the time steps (SeqSelfAttention in the report)
outputs = layers.Dense(1, activation="sigmoid")(x)  # heldout: mistake
model3 = keras.Model(inputs, outputs)
model3.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["acc"])
model = model3
