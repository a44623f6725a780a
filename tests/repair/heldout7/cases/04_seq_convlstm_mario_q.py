"""Double-DQN Q-function whose first Conv2D was replaced by a ConvLSTM2D on the 4-D stacked-frame input
(Naereen/gym-nes-mario-bros#6, src/dqn/model.py)."""
import keras
from keras import layers


def q_function(input_shape, num_actions):
    image_input = keras.Input(shape=input_shape)
    out = layers.ConvLSTM2D(filters=16, kernel_size=8, strides=(4, 4), padding="valid",  # heldout: mistake
                            activation="relu")(image_input)  # heldout: mistake
    out = layers.Conv2D(filters=32, kernel_size=4, strides=(2, 2), padding="valid", activation="relu")(out)
    out = layers.Conv2D(filters=32, kernel_size=3, strides=(1, 1), padding="valid", activation="relu")(out)
    out = layers.Flatten()(out)
    out = layers.Dense(64, activation="relu")(out)
    q_value = layers.Dense(num_actions)(out)
    return image_input, q_value


def q_model(input_shape, num_actions):
    inputs, outputs = q_function(input_shape, num_actions)
    return keras.Model(inputs, outputs)


image_shape = (48, 48, 1)
frame_history_len = 4
input_shape = image_shape[:-1] + (image_shape[-1] * frame_history_len,)
model = q_model(input_shape, num_actions=6)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4, clipnorm=10, epsilon=1e-4), loss="mse")
