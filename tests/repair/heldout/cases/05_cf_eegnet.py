"""EEGNet (old channels-first signature) on BCI IV-2a trials stored as (kernels=1, chans=22, samples=500)."""
from tensorflow.keras.constraints import max_norm
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D, Dense,
                                     DepthwiseConv2D, Dropout, Flatten, Input, SeparableConv2D)
from tensorflow.keras.models import Model


def EEGNet(nb_classes, Chans=64, Samples=128, dropoutRate=0.5, kernLength=64, F1=8, D=2, F2=16,
           norm_rate=0.25):
    input1 = Input(shape=(1, Chans, Samples))  # heldout: mistake
    block1 = Conv2D(F1, (1, kernLength), padding="same", use_bias=False)(input1)  # heldout: mistake
    block1 = BatchNormalization(axis=1)(block1)
    block1 = DepthwiseConv2D((Chans, 1), use_bias=False, depth_multiplier=D,  # heldout: mistake
                             depthwise_constraint=max_norm(1.0))(block1)
    block1 = BatchNormalization(axis=1)(block1)
    block1 = Activation("elu")(block1)
    block1 = AveragePooling2D((1, 4))(block1)  # heldout: mistake
    block1 = Dropout(dropoutRate)(block1)
    block2 = SeparableConv2D(F2, (1, 16), use_bias=False, padding="same")(block1)  # heldout: mistake
    block2 = BatchNormalization(axis=1)(block2)
    block2 = Activation("elu")(block2)
    block2 = AveragePooling2D((1, 8))(block2)  # heldout: mistake
    block2 = Dropout(dropoutRate)(block2)
    flatten = Flatten(name="flatten")(block2)
    dense = Dense(nb_classes, name="dense", kernel_constraint=max_norm(norm_rate))(flatten)
    softmax = Activation("softmax", name="softmax")(dense)
    return Model(inputs=input1, outputs=softmax)


kernels, chans, samples = 1, 22, 500
model = EEGNet(nb_classes=4, Chans=chans, Samples=samples, dropoutRate=0.5, kernLength=64, F1=8, D=2, F2=16)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
