"""Time-distributed CNN + LSTM frame classifier declared with input_shape=(n_timesteps, 28, 28): each frame has no
channel axis, so the time-distributed Conv2D receives 3-D frames (anayebi/keras-extra#14)."""
import keras
from keras import layers

n_hidden = 32
n_timesteps = 6
nb_pool = 2
nb_classes = 10

model = keras.Sequential()
model.add(layers.TimeDistributed(layers.Conv2D(8, (5, 5), padding="same"),  # heldout: mistake
                                 input_shape=(n_timesteps, 28, 28)))  # heldout: mistake
model.add(layers.TimeDistributed(layers.MaxPooling2D(pool_size=(nb_pool, nb_pool))))
model.add(layers.Activation("relu"))
model.add(layers.TimeDistributed(layers.Flatten()))
model.add(layers.LSTM(n_hidden, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(nb_classes)))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
