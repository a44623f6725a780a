"""House-price CNN branch (mixed-data tutorial style): the Flatten/Dense head was indented into the filter loop."""
from tensorflow.keras.layers import (Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, Input,
                                     MaxPooling2D)
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam


def create_cnn(width, height, depth, filters=(16, 32, 64), regress=False):
    inputShape = (height, width, depth)
    chanDim = -1
    inputs = Input(shape=inputShape)
    for (i, f) in enumerate(filters):
        if i == 0:
            x = inputs
        # CONV => RELU => BN => POOL
        x = Conv2D(f, (3, 3), padding="same")(x)  # heldout: mistake
        x = Activation("relu")(x)
        x = BatchNormalization(axis=chanDim)(x)
        x = MaxPooling2D(pool_size=(2, 2))(x)
        # flatten the volume, then FC => RELU => BN => DROPOUT
        x = Flatten()(x)  # heldout: mistake
        x = Dense(16)(x)  # heldout: mistake
        x = Activation("relu")(x)
        x = BatchNormalization(axis=chanDim)(x)
        x = Dropout(0.5)(x)
        x = Dense(4)(x)  # heldout: mistake
        x = Activation("relu")(x)
        if regress:
            x = Dense(1, activation="linear")(x)  # heldout: mistake
    model = Model(inputs, x)
    return model


model = create_cnn(64, 64, 3, regress=True)
opt = Adam(learning_rate=1e-3)
model.compile(loss="mean_absolute_percentage_error", optimizer=opt)
