"""Three-level 3-D U-Net for hypothalamus segmentation built for the shape of the image to segment: an odd-sized
volume loses a voxel at each 2x pooling and the upsampled decoder map no longer matches its skip
(ANTsX/ANTsPyNet#154, create_hypothalamus_unet_model_3d)."""
import keras
from keras import layers


def create_hypothalamus_unet_model_3d(input_image_size, number_of_filters_at_base_layer=24):
    convolution_kernel_size = (3, 3, 3)
    pool_size = (2, 2, 2)
    number_of_outputs = 11
    number_of_layers = 3
    number_of_filters = [number_of_filters_at_base_layer * 2 ** i for i in range(number_of_layers)]

    inputs = keras.Input(shape=(*input_image_size, 1))

    encoding_convolution_layers = []
    pool = None
    outputs = None
    for i in range(number_of_layers):
        conv = layers.Conv3D(number_of_filters[i], convolution_kernel_size, padding="same",
                             activation="elu")(inputs if i == 0 else pool)
        conv = layers.Conv3D(number_of_filters[i], convolution_kernel_size, padding="same", activation="elu")(conv)
        encoding_convolution_layers.append(conv)
        conv = layers.BatchNormalization(axis=-1)(conv)
        if i < number_of_layers - 1:
            pool = layers.MaxPooling3D(pool_size=pool_size)(conv)
        else:
            outputs = conv

    for i in range(1, number_of_layers):
        deconv = layers.UpSampling3D(size=pool_size)(outputs)
        outputs = layers.Concatenate(axis=4)([encoding_convolution_layers[number_of_layers - i - 1],  # heldout: mistake
                                              deconv])  # heldout: mistake
        outputs = layers.Conv3D(number_of_filters[number_of_layers - i - 1], convolution_kernel_size,
                                padding="same", activation="elu")(outputs)
        outputs = layers.Conv3D(number_of_filters[number_of_layers - i - 1], convolution_kernel_size,
                                padding="same", activation="elu")(outputs)
        outputs = layers.BatchNormalization(axis=-1)(outputs)

    outputs = layers.Conv3D(number_of_outputs, (1, 1, 1), activation="softmax")(outputs)
    return keras.Model(inputs=inputs, outputs=outputs)


t1_warped_shape = (23, 16, 15)  # heldout: mistake
model = create_hypothalamus_unet_model_3d(t1_warped_shape, number_of_filters_at_base_layer=4)
model.compile(optimizer="adam", loss="categorical_crossentropy")
