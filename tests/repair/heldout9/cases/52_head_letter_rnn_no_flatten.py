"""Next-letter predictor: a SimpleRNN that returns its whole sequence feeds a 7-way softmax directly, so the model
outputs one distribution per time step, (None, 7, 7), against one one-hot letter per sample, (n, 7); the reporter
found it only trains once a Flatten is put between the RNN and the Dense (whosebug.com 4097325, "Why is my layer
output not the same dimensions as shown in my model summary?")."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(7, 7)))
model.add(layers.SimpleRNN(7, return_sequences=True))  # heldout: mistake
model.add(layers.Dense(7))  # heldout: mistake
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.001),
              metrics=["accuracy"])
