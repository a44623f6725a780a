"""VGGFace ResNet50 base at a smaller face size (rcmalli/keras-vggface issue 52).

The library's RESNET50(include_top, input_shape, pooling) ends its trunk with AveragePooling2D((7, 7),
name='avg_pool'), sized for 224x224 faces; the reporter builds it for 96x96 faces and adds a classifier.
"""
import keras
from keras import layers


def conv_block(x, filters, strides, stage):
    shortcut = layers.Conv2D(filters, (1, 1), strides=strides, name="conv%d_proj" % stage)(x)
    shortcut = layers.BatchNormalization(name="bn%d_proj" % stage)(shortcut)
    y = layers.Conv2D(filters, (3, 3), strides=strides, padding="same", name="conv%d_a" % stage)(x)
    y = layers.BatchNormalization(name="bn%d_a" % stage)(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, (3, 3), padding="same", name="conv%d_b" % stage)(y)
    y = layers.BatchNormalization(name="bn%d_b" % stage)(y)
    y = layers.add([y, shortcut])
    return layers.Activation("relu")(y)


def RESNET50(include_top=True, input_shape=(224, 224, 3), pooling=None, classes=8631):
    img_input = keras.Input(shape=input_shape)
    x = layers.Conv2D(8, (7, 7), strides=(2, 2), padding="same", name="conv1_7x7_s2")(img_input)
    x = layers.BatchNormalization(name="conv1_7x7_s2_bn")(x)
    x = layers.Activation("relu")(x)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same")(x)

    x = conv_block(x, 16, (1, 1), 2)
    x = conv_block(x, 32, (2, 2), 3)
    x = conv_block(x, 32, (2, 2), 4)
    x = conv_block(x, 64, (2, 2), 5)

    x = layers.AveragePooling2D((7, 7), name="avg_pool")(x)  # heldout: mistake

    if include_top:
        x = layers.Flatten()(x)
        x = layers.Dense(classes, activation="softmax", name="classifier")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D()(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D()(x)
    return keras.Model(img_input, x, name="vggface_resnet50")


def build_classifier(n_identities):
    base_model = RESNET50(include_top=False, input_shape=(96, 96, 3))  # heldout: mistake
    x = layers.Flatten(name="flatten")(base_model.output)
    x = layers.Dense(32, activation="relu", name="fc6")(x)
    out = layers.Dense(n_identities, activation="softmax", name="fc8")(x)
    classifier = keras.Model(base_model.input, out)
    classifier.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return classifier


model = build_classifier(8)
