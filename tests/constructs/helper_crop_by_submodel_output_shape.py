"""Two branches cropped to a common size read from ``Model(i, o).output_shape`` (an FCN decoder's crop helper):
the comparisons of the sizes decide which branch is cropped."""
import keras
from keras import layers


def crop(o1, o2, i):
    o_shape2 = keras.Model(i, o2).output_shape
    height2, width2 = o_shape2[1], o_shape2[2]
    o_shape1 = keras.Model(i, o1).output_shape
    height1, width1 = o_shape1[1], o_shape1[2]
    cx = abs(width1 - width2)
    cy = abs(height2 - height1)
    if width1 > width2:
        o1 = layers.Cropping2D(cropping=((0, 0), (0, cx)))(o1)
    else:
        o2 = layers.Cropping2D(cropping=((0, 0), (0, cx)))(o2)
    if height1 > height2:
        o1 = layers.Cropping2D(cropping=((0, cy), (0, 0)))(o1)
    else:
        o2 = layers.Cropping2D(cropping=((0, cy), (0, 0)))(o2)
    return o1, o2


inputs = keras.Input((32, 32, 3))
wide = layers.Conv2D(4, 3)(inputs)
narrow = layers.Conv2D(6, 5)(inputs)
wide, narrow = crop(wide, narrow, inputs)
merged = layers.Concatenate()([wide, narrow])
outputs = layers.Conv2D(2, 1)(merged)
model = keras.Model(inputs, outputs)
