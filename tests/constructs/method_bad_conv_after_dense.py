"""Broken: a method builder puts a Conv1D after a Dense (the Dense output has no steps axis)."""
import keras


class ClassifierMLPConv:
    def __init__(self, input_shape, nb_classes):
        self.model = self.build_model(input_shape, nb_classes)

    def build_model(self, input_shape, nb_classes):
        input_layer = keras.layers.Input(input_shape)
        x = keras.layers.Flatten()(input_layer)
        x = keras.layers.Dense(256, activation="relu")(x)
        x = keras.layers.Conv1D(64, 3, activation="relu")(x)
        x = keras.layers.GlobalAveragePooling1D()(x)
        output_layer = keras.layers.Dense(nb_classes, activation="softmax")(x)
        return keras.models.Model(inputs=input_layer, outputs=output_layer)


clf = ClassifierMLPConv((80, 3), 6)
