"""Brain-tumour patch classifier: 4 MRI modalities stacked first, (4, 33, 33), 7x7 first kernel."""
from tensorflow import keras
from tensorflow.keras import layers, regularizers


def compile_model(n_chan=4, patch=33, k_dims=(7, 5, 5, 3), n_filters=(64, 128, 128, 128),
                  n_classes=5, w_reg=0.01):
    single = keras.Sequential()
    single.add(layers.Conv2D(n_filters[0], (k_dims[0], k_dims[0]), padding="valid",  # heldout: mistake
                             kernel_regularizer=regularizers.l1_l2(l1=w_reg, l2=w_reg),
                             input_shape=(n_chan, patch, patch)))  # heldout: mistake
    single.add(layers.Activation("relu"))
    single.add(layers.BatchNormalization(axis=1))
    single.add(layers.MaxPooling2D(pool_size=(2, 2), strides=(1, 1)))  # heldout: mistake
    single.add(layers.Dropout(0.5))
    for i in range(1, len(n_filters)):
        single.add(layers.Conv2D(n_filters[i], (k_dims[i], k_dims[i]), padding="valid",  # heldout: mistake
                                 kernel_regularizer=regularizers.l1_l2(l1=w_reg, l2=w_reg)))
        single.add(layers.Activation("relu"))
        single.add(layers.BatchNormalization(axis=1))
        single.add(layers.MaxPooling2D(pool_size=(2, 2), strides=(1, 1)))  # heldout: mistake
        single.add(layers.Dropout(0.5))
    single.add(layers.Flatten())
    single.add(layers.Dense(n_classes))
    single.add(layers.Activation("softmax"))
    sgd = keras.optimizers.SGD(learning_rate=0.001, momentum=0.9)
    single.compile(loss="categorical_crossentropy", optimizer=sgd)
    return single


model = compile_model()
