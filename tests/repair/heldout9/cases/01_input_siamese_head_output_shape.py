"""Siamese network of the aspamers/siamese package's test: the head model's two embedding inputs are declared with
the base model's whole output_shape, batch axis included, so the head expects (None, None, 4) embeddings and
receives (None, 4) (aspamers/siamese#5)."""
import keras
from keras import layers


def create_base_model(input_shape):
    model_input = keras.Input(shape=input_shape)
    embedding = layers.Dense(4)(model_input)
    embedding = layers.BatchNormalization()(embedding)
    embedding = layers.Activation("relu")(embedding)
    return keras.Model(model_input, embedding)


def create_head_model(embedding_shape):
    embedding_a = keras.Input(shape=embedding_shape)  # heldout: mistake
    embedding_b = keras.Input(shape=embedding_shape)  # heldout: mistake
    head = layers.Concatenate()([embedding_a, embedding_b])
    head = layers.Dense(4)(head)
    head = layers.BatchNormalization()(head)
    head = layers.Activation("sigmoid")(head)
    head = layers.Dense(1)(head)
    head = layers.BatchNormalization()(head)
    head = layers.Activation("sigmoid")(head)
    return keras.Model([embedding_a, embedding_b], head)


class SiameseNetwork:
    def __init__(self, base_model, head_model):
        self.base_model = base_model
        self.head_model = head_model
        self.input_shape = self.base_model.input_shape[1:]
        input_a = keras.Input(shape=self.input_shape)
        input_b = keras.Input(shape=self.input_shape)
        processed_a = self.base_model(input_a)
        processed_b = self.base_model(input_b)
        head = self.head_model([processed_a, processed_b])  # heldout: mistake
        self.siamese_model = keras.Model([input_a, input_b], head)


input_shape = (3,)
base_model = create_base_model(input_shape)
head_model = create_head_model(base_model.output_shape)  # heldout: mistake
siamese_network = SiameseNetwork(base_model, head_model)
model = siamese_network.siamese_model
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
