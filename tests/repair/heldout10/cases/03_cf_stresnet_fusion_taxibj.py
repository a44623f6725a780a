"""ST-ResNet of lucktroy/DeepST (deepst.models.STResNet.stresnet) for the TaxiBJ crowd-flow maps: every branch
takes its frames stacked channels-first, Input(shape=(nb_flow * len_seq, map_height, map_width)), as under Theano.
With the channels-last default the convolutions slide over the 32 x 32 map's second axis and keep the stacked
frames as rows, so the closeness branch ends (6, 32, 2) while the period and trend branches end (2, 32, 2), and
the parameter-matrix fusion cannot sum them (lucktroy/DeepST#6: "Only layers of same output shape can be merged
using sum mode. Layer shapes: [(None, 6, 32, 2), (None, 2, 32, 2), (None, 2, 32, 2)]", with both the Theano "th"
and the TensorFlow channels_last configurations of Keras 2.0.2)."""
import keras
from keras import layers


class iLayer(layers.Layer):
    """Element-wise learnable weights (parameter-matrix-based fusion)."""

    def build(self, input_shape):
        self.W = self.add_weight(shape=tuple(input_shape[1:]), initializer="random_normal", name="W")

    def call(self, x):
        return x * self.W


def _shortcut(x, residual):
    return layers.Add()([x, residual])


def _bn_relu_conv(filters, rows, cols, strides=(1, 1)):
    def f(x):
        activation = layers.Activation("relu")(x)
        return layers.Conv2D(filters, (rows, cols), strides=strides, padding="same")(activation)
    return f


def _residual_unit(filters, strides=(1, 1)):
    def f(x):
        residual = _bn_relu_conv(filters, 3, 3)(x)
        residual = _bn_relu_conv(filters, 3, 3)(residual)
        return _shortcut(x, residual)
    return f


def ResUnits(residual_unit, filters, repetitions=1):
    def f(x):
        for _ in range(repetitions):
            x = residual_unit(filters)(x)
        return x
    return f


def stresnet(c_conf=(3, 2, 32, 32), p_conf=(3, 2, 32, 32), t_conf=(3, 2, 32, 32), external_dim=8,
             nb_residual_unit=3, filters=8):
    """conf = (len_seq, nb_flow, map_height, map_width)."""
    main_inputs = []
    outputs = []
    for conf in [c_conf, p_conf, t_conf]:
        if conf is not None:
            len_seq, nb_flow, map_height, map_width = conf
            branch_input = keras.Input(shape=(nb_flow * len_seq, map_height, map_width))  # heldout: mistake
            main_inputs.append(branch_input)
            conv1 = layers.Conv2D(filters, (3, 3), padding="same")(branch_input)
            residual_output = ResUnits(_residual_unit, filters, repetitions=nb_residual_unit)(conv1)
            activation = layers.Activation("relu")(residual_output)
            conv2 = layers.Conv2D(nb_flow, (3, 3), padding="same")(activation)
            outputs.append(conv2)

    if len(outputs) == 1:
        main_output = outputs[0]
    else:
        new_outputs = [iLayer()(output) for output in outputs]
        main_output = layers.Add()(new_outputs)  # heldout: mistake

    if external_dim is not None and external_dim > 0:
        external_input = keras.Input(shape=(external_dim,))
        main_inputs.append(external_input)
        embedding = layers.Dense(10, activation="relu")(external_input)
        h1 = layers.Dense(nb_flow * map_height * map_width, activation="relu")(embedding)
        external_output = layers.Reshape((nb_flow, map_height, map_width))(h1)  # heldout: mistake
        main_output = layers.Add()([main_output, external_output])

    main_output = layers.Activation("tanh")(main_output)
    return keras.Model(main_inputs, main_output)


def build_model(external_dim, len_closeness=3, len_period=1, len_trend=1, nb_flow=2, map_height=32, map_width=32,
                nb_residual_unit=2):
    c_conf = (len_closeness, nb_flow, map_height, map_width) if len_closeness > 0 else None
    p_conf = (len_period, nb_flow, map_height, map_width) if len_period > 0 else None
    t_conf = (len_trend, nb_flow, map_height, map_width) if len_trend > 0 else None
    model = stresnet(c_conf=c_conf, p_conf=p_conf, t_conf=t_conf, external_dim=external_dim,
                     nb_residual_unit=nb_residual_unit)
    model.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.0002))
    return model


model = build_model(external_dim=28)
