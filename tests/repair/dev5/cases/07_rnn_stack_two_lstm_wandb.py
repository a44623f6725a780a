"""Two LSTMs stacked without return_sequences on the first.

Source: https://wandb.ai/lavanyashukla/visualize-models/reports/How-to-stack-multiple-LSTMs-in-keras---VmlldzoxOTg2MTY
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense

time_steps = 12
vector_size = 8

model = Sequential()
model.add(LSTM(100, input_shape=(time_steps, vector_size)))  # heldout: mistake
model.add(LSTM(100))  # heldout: mistake
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
