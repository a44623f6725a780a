"""A functional tagger emitting one label per question token, trained on answers of another length."""
import numpy as np
import keras
from keras import layers

questions = np.zeros((32, 12), dtype="int32")
answers = np.zeros((32, 5, 20))

tokens = keras.Input(shape=(12,), dtype="int32")
x = layers.Embedding(50, 16)(tokens)
x = layers.LSTM(24, return_sequences=False)(x)
x = layers.RepeatVector(n=5)(x)
x = layers.LSTM(units=24, return_sequences=True)(x)
x = layers.TimeDistributed(layers.Dense(20, activation="softmax"))(x)
model = keras.Model(tokens, x)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(questions, answers)
