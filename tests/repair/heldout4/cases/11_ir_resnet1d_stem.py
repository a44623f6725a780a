"""keras-resnet's ResNet1D18 after the 1-D port: signals of shape (length, channels), but the stem is still 2-D."""
import keras
from keras import layers


def basic_1d(filters, stage, block, stride=1):
    def f(x):
        y = layers.ZeroPadding1D(padding=1)(x)
        y = layers.Conv1D(filters, 3, strides=stride, use_bias=False)(y)
        y = layers.BatchNormalization(epsilon=1e-5)(y)
        y = layers.Activation("relu")(y)
        y = layers.ZeroPadding1D(padding=1)(y)
        y = layers.Conv1D(filters, 3, use_bias=False)(y)
        y = layers.BatchNormalization(epsilon=1e-5)(y)
        if block == 0:
            shortcut = layers.Conv1D(filters, 1, strides=stride, use_bias=False)(x)
            shortcut = layers.BatchNormalization(epsilon=1e-5)(shortcut)
        else:
            shortcut = x
        y = layers.Add()([y, shortcut])
        return layers.Activation("relu")(y)
    return f


class ResNet1D(keras.Model):
    def __init__(self, inputs, blocks, block, include_top=True, classes=1000, **kwargs):
        x = layers.ZeroPadding1D(padding=3, name="padding_conv1")(inputs)
        x = layers.Conv2D(16, (7, 7), strides=(2, 2), use_bias=False, name="conv1")(x)  # heldout: mistake
        x = layers.BatchNormalization(epsilon=1e-5, name="bn_conv1")(x)
        x = layers.Activation("relu", name="conv1_relu")(x)
        x = layers.MaxPooling1D(3, strides=2, padding="same", name="pool1")(x)
        features = 16
        for stage_id, iterations in enumerate(blocks):
            for block_id in range(iterations):
                x = block(features, stage_id, block_id, stride=2 if (stage_id > 0 and block_id == 0) else 1)(x)
            features *= 2
        if include_top:
            x = layers.GlobalAveragePooling1D(name="pool5")(x)
            x = layers.Dense(classes, activation="softmax", name="fc1000")(x)
        super().__init__(inputs=inputs, outputs=x, **kwargs)


class ResNet1D18(ResNet1D):
    def __init__(self, inputs, blocks=None, include_top=True, classes=1000, **kwargs):
        if blocks is None:
            blocks = [2, 2, 2, 2]
        super().__init__(inputs, blocks, block=basic_1d, include_top=include_top, classes=classes, **kwargs)


shape, classes = (64, 3), 10
x = keras.Input(shape)
model = ResNet1D18(x, classes=classes)
model.compile("adam", "categorical_crossentropy", ["accuracy"])
