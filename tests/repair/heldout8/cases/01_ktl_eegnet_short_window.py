"""EEGNet (channels-last version) built for EEG windows of 32 channels x 20 samples: the two temporal average
poolings (1, 4) and (1, 8) need at least 32 samples (vlawhern/arl-eegmodels#28)."""
import keras
from keras import layers
from keras.constraints import max_norm


def EEGNet(nb_classes, Chans=64, Samples=128, dropoutRate=0.5, kernLength=64, F1=8, D=2, F2=16,
           norm_rate=0.25):
    input1 = keras.Input(shape=(Chans, Samples, 1))
    block1 = layers.Conv2D(F1, (1, kernLength), padding="same", use_bias=False)(input1)
    block1 = layers.BatchNormalization()(block1)
    block1 = layers.DepthwiseConv2D((Chans, 1), use_bias=False, depth_multiplier=D,
                                   depthwise_constraint=max_norm(1.0))(block1)
    block1 = layers.BatchNormalization()(block1)
    block1 = layers.Activation("elu")(block1)
    block1 = layers.AveragePooling2D((1, 4))(block1)
    block1 = layers.Dropout(dropoutRate)(block1)

    block2 = layers.SeparableConv2D(F2, (1, 16), use_bias=False, padding="same")(block1)
    block2 = layers.BatchNormalization()(block2)
    block2 = layers.Activation("elu")(block2)
    block2 = layers.AveragePooling2D((1, 8))(block2)  # heldout: mistake
    block2 = layers.Dropout(dropoutRate)(block2)

    flatten = layers.Flatten(name="flatten")(block2)
    dense = layers.Dense(nb_classes, name="dense", kernel_constraint=max_norm(norm_rate))(flatten)
    softmax = layers.Activation("softmax", name="softmax")(dense)
    return keras.Model(inputs=input1, outputs=softmax)


# 17388 trials of 640 samples reshaped to 32 x 20 in the report
model = EEGNet(nb_classes=2, Chans=32, Samples=20)  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
