"""ResNet-style classifier whose Input was given the whole training-array shape (1900, 224, 224, 3).

Source: https://github.com/flyyufelix/cnn_finetune/issues/8
"""
from keras.layers import Input, ZeroPadding2D, Conv2D, BatchNormalization, Activation, MaxPooling2D
from keras.layers import GlobalAveragePooling2D, Dense, add
from keras.models import Model


def identity_block(x, filters):
    y = Conv2D(filters, (3, 3), padding="same")(x)
    y = BatchNormalization(axis=3)(y)
    y = Activation("relu")(y)
    y = Conv2D(filters, (3, 3), padding="same")(y)
    y = BatchNormalization(axis=3)(y)
    return Activation("relu")(add([x, y]))


def resnet_model(train_shape, num_classes):
    img_input = Input(shape=train_shape)  # heldout: mistake
    x = ZeroPadding2D((3, 3), name="conv1_zeropadding")(img_input)  # heldout: mistake
    x = Conv2D(16, (7, 7), strides=(2, 2), name="conv1")(x)
    x = BatchNormalization(axis=3, name="bn_conv1")(x)
    x = Activation("relu")(x)
    x = MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = identity_block(x, 16)
    x = identity_block(x, 16)
    x = GlobalAveragePooling2D()(x)
    x = Dense(num_classes, activation="softmax", name="fc")(x)
    return Model(img_input, x)


X_train_shape = (1900, 224, 224, 3)
model = resnet_model(X_train_shape, 2)
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
