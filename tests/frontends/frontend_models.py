"""Model sources shared by ``record_configs.py`` (the recorder) and the Keras tests.

Each entry is Python source that builds ``model`` with Keras.  The recorder runs them in
real Keras and saves their configs as fixtures; the Keras tests run them again, save
``.json``/``.keras`` files to a temporary directory and check that the config front-end
agrees with the source front-end (which reads the same text without running it).
"""

SOURCES = {
    "seq_conv": '''
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(128, 1)),
    layers.Conv1D(8, 3, activation="relu", name="c1"),
    layers.MaxPooling1D(2),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Reshape((8, 8)),
    layers.Bidirectional(layers.LSTM(4)),
    layers.Dense(1),
], name="seq_conv")
''',
    "seq_build": '''
import keras
from keras import layers

model = keras.Sequential([
    layers.Conv1D(4, 5, padding="same"),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2, activation="softmax"),
], name="seq_build")
model.build((None, 50, 3))
''',
    "seq_nested_first": '''
import keras
from keras import layers

inner = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(6, name="inner_dense")], name="inner")
model = keras.Sequential([inner, layers.Dense(3, name="head")], name="seq_nested_first")
''',
    "fun_shared_nested": '''
import keras
from keras import layers

inp = keras.Input(shape=(32, 3), name="x")
shared = layers.Dense(5, name="shared")
a = shared(inp)
b = shared(layers.Conv1D(3, 1, name="cc")(inp))
inner = keras.Sequential([layers.Dense(7, name="d7"), layers.Dense(2, name="d2")], name="inner")
c = inner(layers.Add(name="add")([a, b]))
t = layers.TimeDistributed(layers.Dense(4, name="td_dense"), name="td")(c)
cat = layers.Concatenate(axis=-1, name="cat")([t, c])
r = layers.Reshape((-1,), name="rs")(cat)
model = keras.Model(inp, [r, c], name="fun_shared_nested")
''',
    "fun_multi_io": '''
import keras
from keras import layers

image = keras.Input(shape=(28, 28, 1), name="image")
meta = keras.Input(shape=(10,), name="meta")
x = layers.Conv2D(8, 3, activation="relu", name="conv")(image)
x = layers.MaxPooling2D(2, name="pool")(x)
x = layers.Flatten(name="flat")(x)
m = layers.Dense(16, name="meta_dense")(meta)
h = layers.Concatenate(name="join")([x, m])
out_a = layers.Dense(1, activation="sigmoid", name="out_a")(h)
out_b = layers.Dense(3, activation="softmax", name="out_b")(h)
model = keras.Model([image, meta], [out_a, out_b], name="fun_multi_io")
''',
    "fun_ops_state": '''
import keras
from keras import layers, ops

inp = keras.Input(shape=(16,), name="series")
x = ops.expand_dims(inp, -1)
seq, h, c = layers.LSTM(6, return_sequences=True, return_state=True, name="lstm")(x)
pooled = layers.GlobalMaxPooling1D(name="gmp")(seq)
both = layers.Concatenate(name="both")([pooled, c])
out = layers.Dense(1, name="out")(both)
model = keras.Model(inp, out, name="fun_ops_state")
''',
    "fun_nested_functional": '''
import keras
from keras import layers

enc_in = keras.Input(shape=(20, 4), name="enc_in")
enc_out = layers.Conv1D(6, 3, padding="same", name="enc_conv")(enc_in)
encoder = keras.Model(enc_in, enc_out, name="encoder")
inp = keras.Input(shape=(20, 4), name="inp")
e1 = encoder(inp)
e2 = encoder(layers.Dense(4, name="pre")(inp))
merged = layers.Add(name="sum")([e1, e2])
out = layers.GlobalAveragePooling1D(name="gap")(merged)
model = keras.Model(inp, out, name="fun_nested_functional")
''',
    "custom_layer": '''
import keras
from keras import layers


@keras.saving.register_keras_serializable(package="demo")
class Scale(layers.Layer):
    def call(self, x):
        return x * 2.0


model = keras.Sequential([
    keras.Input(shape=(10, 2)),
    layers.Conv1D(4, 3, name="conv"),
    Scale(name="scale"),
    layers.Flatten(name="flat"),
    layers.Dense(1, name="out"),
], name="custom_layer")
''',
}

# Hand edits of saved valid configs that Keras cannot load; (base, description, edit function name).
BROKEN = {
    "broken_reshape_target": ("seq_conv", "Reshape target (8, 8) changed to (9, 8)"),
    "broken_reshape_removed": ("seq_conv", "the Reshape layer removed"),
    "broken_kernel_too_long": ("fun_shared_nested", "Conv1D 'cc' kernel_size 1 -> 40 on 32 steps"),
    "broken_conv2d_on_3d": ("fun_multi_io", "image Input shape (28, 28, 1) -> (28, 28)"),
}


def edit(name: str, config: dict) -> dict:
    """Apply the hand edit ``name`` to a copy of a saved config (Keras 3 format)."""
    import copy

    config = copy.deepcopy(config)
    layers = config["config"]["layers"]
    if name == "broken_reshape_target":
        next(l for l in layers if l["class_name"] == "Reshape")["config"]["target_shape"] = [9, 8]
    elif name == "broken_reshape_removed":
        config["config"]["layers"] = [l for l in layers if l["class_name"] != "Reshape"]
    elif name == "broken_kernel_too_long":
        next(l for l in layers if l["name"] == "cc")["config"]["kernel_size"] = [40]
    elif name == "broken_conv2d_on_3d":
        next(l for l in layers if l["name"] == "image")["config"]["batch_shape"] = [None, 28, 28]
    else:
        raise KeyError(name)
    return config
