"""Full YOLOv2 notebook of experiencor/keras-yolo2 switched to a data set with one label: the detection head's 1x1
convolution still has BOX * (4 + 1 + 80) filters of the COCO setting, so Reshape((GRID_H, GRID_W, BOX, 4 + 1 + CLASS))
reports that the total size of the new array must be unchanged (experiencor/keras-yolo2#13)."""
import keras
from keras import layers

LABELS = ["raccoon"]
IMAGE_H, IMAGE_W = 64, 64  # 416 x 416 in the notebook
GRID_H, GRID_W = 2, 2  # 13 x 13 in the notebook
BOX = 5
CLASS = len(LABELS)


def space_to_depth_x2(x):
    return keras.ops.reshape(
        keras.ops.transpose(
            keras.ops.reshape(x, (-1, x.shape[1] // 2, 2, x.shape[2] // 2, 2, x.shape[3])), (0, 1, 3, 2, 4, 5)),
        (-1, x.shape[1] // 2, x.shape[2] // 2, 4 * x.shape[3]))


input_image = keras.Input(shape=(IMAGE_H, IMAGE_W, 3))
x = input_image
for i, filters in enumerate([4, 8, 16, 16, 32]):
    x = layers.Conv2D(filters, (3, 3), padding="same", use_bias=False, name=f"conv_{i + 1}")(x)
    x = layers.BatchNormalization(name=f"norm_{i + 1}")(x)
    x = layers.LeakyReLU(negative_slope=0.1)(x)
    if i == 4:
        skip_connection = x
    x = layers.MaxPooling2D(pool_size=(2, 2))(x)
x = layers.Conv2D(64, (3, 3), padding="same", use_bias=False, name="conv_20")(x)
x = layers.BatchNormalization(name="norm_20")(x)
x = layers.LeakyReLU(negative_slope=0.1)(x)

skip_connection = layers.Conv2D(8, (1, 1), padding="same", use_bias=False, name="conv_21")(skip_connection)
skip_connection = layers.BatchNormalization(name="norm_21")(skip_connection)
skip_connection = layers.LeakyReLU(negative_slope=0.1)(skip_connection)
skip_connection = layers.Lambda(space_to_depth_x2)(skip_connection)
x = layers.concatenate([skip_connection, x])

x = layers.Conv2D(64, (3, 3), padding="same", use_bias=False, name="conv_22")(x)
x = layers.BatchNormalization(name="norm_22")(x)
x = layers.LeakyReLU(negative_slope=0.1)(x)

x = layers.Conv2D(BOX * (4 + 1 + 80), (1, 1), padding="same", name="conv_23")(x)  # heldout: mistake
output = layers.Reshape((GRID_H, GRID_W, BOX, 4 + 1 + CLASS))(x)  # heldout: mistake

model = keras.Model(input_image, output)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5e-4), loss="mse")
