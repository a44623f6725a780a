"""Sentiment classifier given a second Bidirectional LSTM on top of a first one that returns only its last state
(dyadxmachina/Applied-Deep-Learning-with-TensorFlow#2)."""
import keras
from keras import layers

max_features = 500
max_len = 40
embedding_dim = 16
lstm_layer_dim = 16
lstm_layer_dim_1 = 8

sequence = keras.Input(shape=(max_len,), dtype="int32")
embedding = layers.Embedding(max_features, embedding_dim)(sequence)
batch_norm = layers.BatchNormalization()(embedding)

bi_lstm = layers.Bidirectional(layers.LSTM(lstm_layer_dim))(batch_norm)  # heldout: mistake
drop_out = layers.Dropout(0.25)(bi_lstm)
bi_lstm_1 = layers.Bidirectional(layers.LSTM(lstm_layer_dim_1))(drop_out)  # heldout: mistake
drop_out_1 = layers.Dropout(0.25)(bi_lstm_1)
preds = layers.Dense(2, activation="softmax")(drop_out_1)

model = keras.Model(sequence, preds)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
