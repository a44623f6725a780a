"""YOLOv3 body built from _conv_block dictionaries, whose first residual block takes its skip connection from
the 3-channel image (anmspro/Traffic-Signal-Violation-Detection-System#9, object_detection.py)."""
import keras
from keras import layers


class BoundBox:
    @staticmethod
    def _conv_block(inp, convs, skip=True):
        x = inp
        count = 0
        for conv in convs:
            if count == (len(convs) - 2) and skip:
                skip_connection = x  # heldout: mistake
            count += 1
            if conv["stride"] > 1:
                x = layers.ZeroPadding2D(((1, 0), (1, 0)))(x)  # darknet pads left and top
            x = layers.Conv2D(conv["filter"], conv["kernel"], strides=conv["stride"],
                              padding="valid" if conv["stride"] > 1 else "same",
                              name="conv_" + str(conv["layer_idx"]), use_bias=not conv["bnorm"])(x)
            if conv["bnorm"]:
                x = layers.BatchNormalization(epsilon=0.001, name="bnorm_" + str(conv["layer_idx"]))(x)
            if conv["leaky"]:
                x = layers.LeakyReLU(negative_slope=0.1, name="leaky_" + str(conv["layer_idx"]))(x)
        return layers.add([skip_connection, x]) if skip else x  # heldout: mistake

    @staticmethod
    def make_yolov3_model(n_features=18):
        input_image = keras.Input(shape=(None, None, 3))
        # Layer 0 => 1
        x = BoundBox._conv_block(input_image, [  # heldout: mistake
            {"filter": 8, "kernel": 3, "stride": 1, "bnorm": True, "leaky": True, "layer_idx": 0},  # heldout: mistake
            {"filter": 16, "kernel": 3, "stride": 2, "bnorm": True, "leaky": True, "layer_idx": 1}])  # heldout: mistake
        # Layer 2 => 4
        x = BoundBox._conv_block(x, [
            {"filter": 8, "kernel": 1, "stride": 1, "bnorm": True, "leaky": True, "layer_idx": 2},
            {"filter": 16, "kernel": 3, "stride": 1, "bnorm": True, "leaky": True, "layer_idx": 3}])
        # detection layer
        yolo = BoundBox._conv_block(x, [
            {"filter": 16, "kernel": 3, "stride": 1, "bnorm": True, "leaky": True, "layer_idx": 80},
            {"filter": n_features, "kernel": 1, "stride": 1, "bnorm": False, "leaky": False, "layer_idx": 81}],
            skip=False)
        return keras.Model(input_image, yolo)


model = BoundBox.make_yolov3_model()
model.compile(optimizer="adam", loss="mse")
