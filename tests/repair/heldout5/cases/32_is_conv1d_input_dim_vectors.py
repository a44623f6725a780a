"""Conv1D classifier of fixed-length 1-D vectors (keras-team/keras issue 870).

Each sample is a vector of VECTOR_LEN values.  Following the Keras 0.x docs, the first Convolution1D is given the
vector length as its input_dim (written input_shape=(None, input_dim)).
"""
import keras
from keras import layers

VECTOR_LEN = 64


def build_m2(input_dim, nb_filter=8, filter_length=3, n_classes=2):
    m2 = keras.Sequential()
    m2.add(layers.Conv1D(nb_filter, filter_length, padding="valid", activation="relu",
                         input_shape=(None, input_dim)))  # heldout: mistake
    m2.add(layers.MaxPooling1D(pool_size=2))
    m2.add(layers.Flatten())
    m2.add(layers.Dense(128))  # heldout: mistake
    m2.add(layers.Dropout(0.25))
    m2.add(layers.Activation("relu"))
    m2.add(layers.Dense(n_classes, activation="softmax"))
    m2.compile(loss="categorical_crossentropy", optimizer="adam")
    return m2


model = build_m2(VECTOR_LEN)
