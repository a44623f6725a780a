"""Seq2seq chatbot LSTMs: input_shape taken from a 2-D x_train, so the first LSTM gets (None, 15)."""
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM

x_train = np.zeros((2000, 15))  # stands in for the reporter's x_train (the warning shows input_shape=(15,))

model = Sequential()
model.add(LSTM(300, input_shape=x_train.shape[1:], return_sequences=True,  # heldout: mistake
               kernel_initializer="glorot_normal", recurrent_initializer="glorot_normal", activation="sigmoid"))
model.add(LSTM(300, return_sequences=True, kernel_initializer="glorot_normal",
               recurrent_initializer="glorot_normal", activation="sigmoid"))
model.add(LSTM(300, return_sequences=True, kernel_initializer="glorot_normal",
               recurrent_initializer="glorot_normal", activation="sigmoid"))
model.compile(loss="cosine_similarity", optimizer="adam")
