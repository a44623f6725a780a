"""Fine-tuning a FaceNet-style base whose output is already the 128-d bottleneck with a
GlobalAveragePooling2D head (keras-team/keras#10450)."""
import keras
from keras import layers


def facenet_base(size=32, bottleneck=128):
    inp = keras.Input(shape=(size, size, 3))
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inp)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.GlobalAveragePooling2D(name="AvgPool")(x)
    x = layers.Dropout(0.2, name="Dropout")(x)
    x = layers.Dense(bottleneck, use_bias=False, name="Bottleneck")(x)
    x = layers.BatchNormalization(name="Bottleneck_BatchNorm")(x)
    return keras.Model(inp, x, name="facenet")


def finetune_model(n_classes=6):
    base_model = facenet_base()
    x = base_model.output
    x = layers.GlobalAveragePooling2D()(x)  # heldout: mistake
    x = layers.Dense(64, activation="relu")(x)
    predictions = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inputs=base_model.input, outputs=predictions)
    for layer in base_model.layers:
        layer.trainable = False
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
    return model


model = finetune_model()
