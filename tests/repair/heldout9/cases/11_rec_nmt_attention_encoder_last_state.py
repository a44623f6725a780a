"""Neural machine translation with attention (date-format course notebook): the encoder is a Bidirectional LSTM
without return_sequences, so it returns one vector per input instead of one per time step, and the attention step,
which concatenates the encoder sequence with the repeated decoder state, receives a 2-D tensor
(JudasDie/deeplearning.ai#11)."""
import keras
from keras import layers

Tx, Ty = 12, 4  # 30 and 10 in the notebook
n_a, n_s = 8, 16  # 32 and 64 in the notebook
human_vocab_size, machine_vocab_size = 20, 11

repeator = layers.RepeatVector(Tx)
concatenator = layers.Concatenate(axis=-1)
densor1 = layers.Dense(10, activation="tanh")
densor2 = layers.Dense(1, activation="relu")
activator = layers.Softmax(axis=1, name="attention_weights")
dotor = layers.Dot(axes=1)
post_activation_LSTM_cell = layers.LSTM(n_s, return_state=True)
output_layer = layers.Dense(machine_vocab_size, activation="softmax")


def one_step_attention(a, s_prev):
    s_prev = repeator(s_prev)
    concat = concatenator([a, s_prev])  # heldout: mistake
    e = densor1(concat)
    energies = densor2(e)
    alphas = activator(energies)
    context = dotor([alphas, a])
    return context


def build_model(Tx, Ty, n_a, n_s, human_vocab_size, machine_vocab_size):
    X = keras.Input(shape=(Tx, human_vocab_size))
    s0 = keras.Input(shape=(n_s,), name="s0")
    c0 = keras.Input(shape=(n_s,), name="c0")
    s = s0
    c = c0
    outputs = []
    a = layers.Bidirectional(layers.LSTM(units=n_a))(X)  # heldout: mistake
    for t in range(Ty):
        context = one_step_attention(a, s)
        s, _, c = post_activation_LSTM_cell(context, initial_state=[s, c])
        out = output_layer(s)
        outputs.append(out)
    outputs = layers.Lambda(lambda ts: keras.ops.stack(ts, axis=1))(outputs)
    return keras.Model(inputs=[X, s0, c0], outputs=outputs)


model = build_model(Tx, Ty, n_a, n_s, human_vocab_size, machine_vocab_size)
opt = keras.optimizers.Adam(learning_rate=0.005, beta_1=0.9, beta_2=0.999)
model.compile(loss="categorical_crossentropy", optimizer=opt, metrics=["accuracy"])
