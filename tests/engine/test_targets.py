"""output-target-mismatch: per-sample heads that still carry a steps axis, and the seq2seq models that must
stay clean. The keras-marked test shows why this finding exists: with `mse`, Keras 3 (torch backend) fits the
mismatched model without a word, broadcasting (batch, 1) targets against (batch, 18, 1) outputs; with
binary/categorical cross-entropy fit() raises (measured: "target and output must have the same shape")."""

import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import shapedoctor

HEAD_WITHOUT_FLATTEN = """
import numpy as np
import keras
from keras import layers
X = np.random.rand(64, 20, 1)
y = np.random.randint(0, 2, size=(64, 1))
model = keras.Sequential([keras.Input(shape=(20, 1)), layers.Conv1D(8, 3, activation="relu"),
                          layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""


def findings(source, **kw):
    report = shapedoctor.check_source(textwrap.dedent(source), "m.py", **kw)
    return [(d.kind.name, d.severity, d.line) for d in report.diagnostics if d.severity != "info"], report


def test_head_without_flatten_is_a_warning():
    found, report = findings(HEAD_WITHOUT_FLATTEN)
    assert found == [("output-target-mismatch", "warning", 8)]
    (d,) = report.diagnostics
    assert [f.title for f in d.fixes] == ["insert GlobalAveragePooling1D() before Dense", "insert Flatten() before Dense"]
    assert "Conv1D at line 7 still has the steps axis" in d.explanation[0]


def test_a_declared_input_of_unknown_length_still_warns():
    """The same head without Flatten on an input that declares its steps, even as a size read from data, keeps
    the warning: only a stack that declares no input at all may be fed windows its convolutions reduce to one."""
    found, _ = findings("""
    import numpy as np
    import keras
    from keras import layers
    X = np.load("x.npy")
    model = keras.Sequential([keras.Input(shape=(X.shape[1], 1)), layers.Conv1D(8, 3), layers.Dense(1)])
    model.compile(loss="mse")
    """)
    assert found == [("output-target-mismatch", "warning", 6)]


def test_known_targets_make_it_an_error():
    found, report = findings(HEAD_WITHOUT_FLATTEN + "model.fit(X, y)\n")
    assert found == [("output-target-mismatch", "error", 8)]
    assert report.diagnostics[0].message.endswith("fit() fails with binary_crossentropy")
    found, report = findings(HEAD_WITHOUT_FLATTEN.replace("binary_crossentropy", "mse") + "model.fit(X, y)\n")
    assert "mse would broadcast them silently" in report.diagnostics[0].message


def test_target_shape_option():
    found, _ = findings(HEAD_WITHOUT_FLATTEN, target_shape=(None, 1))
    assert found == [("output-target-mismatch", "error", 8)]
    found, _ = findings(HEAD_WITHOUT_FLATTEN, target_shape=(None, 18, 1))
    assert found == []


BACKBONE_AND_CLASSIFIER = """
import keras
from keras import layers
base_input = keras.Input((32, 32, 3))
x = layers.Conv2D(8, 3, activation="relu")(base_input)
backbone = keras.Model(base_input, x)
inputs = keras.Input((32, 32, 3))
features = backbone(inputs)
outputs = layers.Dense(4, activation="softmax")(layers.GlobalAveragePooling2D()(features))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
"""


def test_one_target_shape_holds_only_the_compiled_models():
    # the backbone's (None, 30, 30, 8) is not what the data's targets are compared with
    found, _ = findings(BACKBONE_AND_CLASSIFIER, target_shape=(None, 4))
    assert found == []
    found, _ = findings(BACKBONE_AND_CLASSIFIER, target_shape=(None, 3))
    assert found == [("output-target-mismatch", "error", 9)]
    # no model compiled: the shape holds for each
    found, _ = findings(BACKBONE_AND_CLASSIFIER.replace("model.compile(", "dict("), target_shape=(None, 4))
    assert ("output-target-mismatch", "error", 5) in found


@pytest.mark.parametrize("source", [
    # seq2seq: per-step outputs on purpose
    """
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input(shape=(30, 4)), layers.LSTM(16, return_sequences=True),
                              layers.TimeDistributed(layers.Dense(1))])
    model.compile(loss="mse")
    """,
    # sequence tagging with integer labels per step
    """
    import numpy as np
    import keras
    from keras import layers
    y = np.zeros((10, 30))
    model = keras.Sequential([keras.Input(shape=(30, 4)), layers.GRU(16, return_sequences=True),
                              layers.Dense(5, activation="softmax")])
    model.compile(loss="sparse_categorical_crossentropy")
    model.fit(np.zeros((10, 30, 4)), y)
    """,
    # denoising autoencoder: output steps = input steps
    """
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input(shape=(128, 1)), layers.Conv1D(16, 7, padding="same"),
                              layers.MaxPooling1D(2), layers.Conv1DTranspose(16, 7, strides=2, padding="same"),
                              layers.Conv1D(1, 7, padding="same")])
    model.compile(loss="mse")
    """,
    # OCR with a CTC loss layer (keras-io captcha_ocr style): per-step softmax, the layer returns y_pred
    """
    import keras
    from keras import layers

    class CTCLayer(layers.Layer):
        def call(self, y_true, y_pred):
            self.add_loss(keras.ops.ctc_loss(y_true, y_pred, None, None))
            return y_pred

    image = keras.Input(shape=(128, 32, 1), name="image")
    labels = keras.Input(name="label", shape=(None,))
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(image)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Reshape((64, 16 * 32))(x)
    x = layers.Dense(20, activation="softmax", name="dense2")(x)
    output = CTCLayer(name="ctc_loss")(labels, x)
    model = keras.Model(inputs=[image, labels], outputs=output)
    """,
    # per-step regression with padding="same": same steps as the input
    """
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input(shape=(50, 3)), layers.Conv1D(8, 3, padding="same"), layers.Dense(1)])
    model.compile(loss="mse")
    """,
    # a layer stack with no input of its own, fed windows as long as its kernel (TensorFlow's time-series
    # tutorial: 3-step windows, a (batch, 1, 1) label per window): one step out, so one prediction per window
    """
    import tensorflow as tf
    CONV_WIDTH = 3
    conv_model = tf.keras.Sequential([
        tf.keras.layers.Conv1D(filters=32, kernel_size=(CONV_WIDTH,), activation="relu"),
        tf.keras.layers.Dense(units=32, activation="relu"),
        tf.keras.layers.Dense(units=1),
    ])
    conv_model.compile(loss=tf.keras.losses.MeanSquaredError(), optimizer="adam")
    """,
    # a hand-written RNN stacking its per-step outputs (keras-io's functional API guide): per step on purpose
    """
    import keras
    from keras import layers, ops

    class CustomRNN(layers.Layer):
        def __init__(self):
            super().__init__()
            self.projection_1 = layers.Dense(units=32, activation="tanh")
            self.projection_2 = layers.Dense(units=32, activation="tanh")
            self.classifier = layers.Dense(1)

        def call(self, inputs):
            outputs = []
            state = ops.zeros(shape=(inputs.shape[0], 32))
            for t in range(inputs.shape[1]):
                y = self.projection_1(inputs[:, t, :]) + self.projection_2(state)
                state = y
                outputs.append(y)
            return self.classifier(ops.stack(outputs, axis=1))

    inputs = keras.Input(batch_shape=(16, 10, 5))
    model = keras.Model(inputs, CustomRNN()(layers.Conv1D(32, 3)(inputs)))
    """,
])
def test_sequence_outputs_stay_clean(source):
    assert findings(source)[0] == []


def test_return_sequences_against_known_target():
    source = """
    import numpy as np
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input(shape=(30, 4)), layers.LSTM(16, return_sequences=True),
                              layers.Dense(1)])
    model.compile(loss="mse")
    model.fit(np.zeros((8, 30, 4)), np.zeros((8, 1)))
    """
    found, report = findings(source)
    assert found == [("output-target-mismatch", "warning", 6)]  # mse broadcasts (8, 1) against (8, 30, 1)
    assert report.diagnostics[0].fixes[0].title == "set return_sequences=False on the LSTM at line 5"


# fit() of a model whose output has the first shape on targets of the second (batch axes left out), per loss:
# "error" where Keras 3.15 (torch backend) raised, "warning" where it trained on broadcast shapes, None where the
# shapes match.  Recorded by test_the_loss_table_is_what_keras_does (below), which re-measures it.
_BROADCASTING = ["mse", "mae", "huber", "hinge", "poisson", "kl_divergence", "categorical_focal_crossentropy"]
_SHAPE_CHECKING = ["binary_crossentropy", "categorical_crossentropy", "binary_focal_crossentropy"]
_PAIRS = {((18, 1), (1,)): "warning", ((10, 4), (1,)): "error", ((4,), (1,)): "warning", ((4,), (3,)): "error",
          ((10, 1), ()): "warning", ((4,), (4,)): None, ((10, 1), (10,)): None, ((1, 1), (1,)): None}
LOSS_TABLE = [(out, target, loss, outcome if loss in _BROADCASTING or outcome is None else "error")
              for loss in _BROADCASTING + _SHAPE_CHECKING for (out, target), outcome in _PAIRS.items()]


def _fitted(out, target, loss) -> str:
    return (f"import numpy as np\nimport keras\nfrom keras import layers\n"
            f"model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense({int(np.prod(out))}, "
            f"activation='sigmoid'), layers.Reshape({out!r})])\n"
            f"model.compile(loss={loss!r}, optimizer='sgd')\n"
            f"model.fit(np.random.rand(8, 6), np.random.randint(0, 2, size=(8, *{target!r})).astype('float32'), "
            f"epochs=1, verbose=0)\n")


@pytest.mark.parametrize("out, target, loss, outcome", LOSS_TABLE)
def test_a_known_target_is_an_error_where_fit_raises_and_a_warning_where_it_broadcasts(out, target, loss, outcome):
    found, report = findings(_fitted(out, target, loss))
    assert [severity for kind, severity, _ in found if kind == "output-target-mismatch"] == \
        ([outcome] if outcome else [])
    if outcome:
        (message,) = [d.message for d in report.diagnostics if d.kind.name == "output-target-mismatch"]
        assert message.endswith(f"fit() fails with {loss}" if outcome == "error" else "on the wrong objective")


def test_a_mismatch_whose_broadcast_depends_on_an_unknown_size_is_a_warning():
    found, report = findings("""
    import numpy as np
    import keras
    from keras import layers
    steps = np.load("steps.npy").shape[0]
    model = keras.Sequential([keras.Input(shape=(steps, 4)), layers.Dense(3)])
    model.compile(loss="mse")
    model.fit(np.zeros((8, 20, 4)), np.zeros((8, 3)))
    """)
    assert [(kind, severity) for kind, severity, _ in found] == [("output-target-mismatch", "warning")]
    assert "depending on sizes not known here" in report.diagnostics[0].message


@pytest.mark.keras
def test_the_loss_table_is_what_keras_does(tmp_path):
    pytest.importorskip("keras")
    script = tmp_path / "table.py"
    lines = ["import json, sys", "results = []"]
    for out, target, loss, _ in LOSS_TABLE:
        lines += ["try:", textwrap.indent(_fitted(out, target, loss), "    "), "    results.append('trains')",
                  "except Exception as exc:", "    results.append('raises: ' + str(exc)[:120])"]
    lines.append("print(json.dumps(results))")
    script.write_text("\n".join(lines) + "\n")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=dict(os.environ, KERAS_BACKEND="torch"), timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    measured = json.loads(proc.stdout.strip().splitlines()[-1])
    for (out, target, loss, outcome), result in zip(LOSS_TABLE, measured):
        assert result.startswith("raises") == (outcome == "error"), (out, target, loss, result)


@pytest.mark.keras
def test_keras_trains_the_mismatched_model_silently(tmp_path):
    pytest.importorskip("keras")
    script = tmp_path / "m.py"
    script.write_text(textwrap.dedent(HEAD_WITHOUT_FLATTEN).replace("binary_crossentropy", "mse") +
                      "h = model.fit(X, y, epochs=1, verbose=0)\nprint('OUT', model.output_shape, 'LOSS', "
                      "h.history['loss'][0])\n")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=dict(os.environ, KERAS_BACKEND="torch"), timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "OUT (None, 18, 1) LOSS" in proc.stdout


def test_a_loss_of_the_users_own_decides_its_targets():
    """A CTC loss function (one label sequence per sample against one prediction per step) or any loss the user
    wrote: no comparison of output and target shapes holds, neither from fit() nor from --target-shape."""
    custom = HEAD_WITHOUT_FLATTEN.replace('loss="binary_crossentropy"', "loss=my_loss").replace(
        "import keras\n", "import keras\n\ndef my_loss(y_true, y_pred):\n    return keras.ops.mean(y_pred)\n\n")
    assert findings(custom + "model.fit(X, y)\n")[0] == []
    assert findings(custom, target_shape="(None, 1)")[0] == []
    assert findings(HEAD_WITHOUT_FLATTEN, target_shape="(None, 1)")[0] == [("output-target-mismatch", "error", 8)]


@pytest.mark.parametrize("loss", ["categorical_crossentropy", "CTC"])
def test_a_keras_loss_imported_by_name_is_read(loss):
    """``from keras.losses import categorical_crossentropy``: the loss is known (its target contract holds); a
    CTC loss compares label sequences with per-step outputs: no shape comparison."""
    source = HEAD_WITHOUT_FLATTEN.replace("from keras import layers\n", f"from keras import layers\nfrom keras.losses "
                                                                       f"import {loss}\n")
    source = source.replace('loss="binary_crossentropy"', f"loss={loss}")
    found = findings(source, target_shape="(None, 1)")[0]
    assert found == ([("output-target-mismatch", "error", 9)] if loss != "CTC" else [])


LIST_OF_ONE_THEN_MISMATCH = """
import keras
from keras import layers
volumes = keras.Input((8, 8, 8, 1))
features = layers.Conv3D(4, 3, padding="same")(volumes)
core = keras.Model(volumes, outputs=[features])
x = core.output
flow = layers.Conv3D(3, 3, padding="same")(x)
pooled = layers.Flatten()(flow)
bad = layers.Conv1D(2, 3)(pooled)
net = keras.Model(volumes, bad)
"""


def test_a_layer_called_on_a_list_of_one_tensor_is_reported_and_the_layers_after_it_are_still_checked():
    # Keras 3 rejects Conv3D on `core.output` (a list: outputs=[features]); once the tensor is passed itself,
    # the Conv1D on the flattened map fails too: both are reported, the second with the traced shape
    found, report = findings(LIST_OF_ONE_THEN_MISMATCH)
    assert ("invalid-argument", "error", 8) in found
    assert ("rank", "error", 10) in found
    (rank,) = [d for d in report.diagnostics if d.line == 10]
    assert "(None, 1536)" in rank.message


def test_the_targets_are_checked_past_a_layer_called_on_a_list_of_one_tensor():
    source = LIST_OF_ONE_THEN_MISMATCH.replace("bad = layers.Conv1D(2, 3)(pooled)", "bad = layers.Dense(2)(pooled)")
    found, _ = findings(source, target_shape=(None, 3))
    assert ("invalid-argument", "error", 8) in found
    assert ("output-target-mismatch", "error", 10) in found


def test_a_models_own_compile_decides_the_loss():
    # keras-io's serialization guide: compile(self, optimizer, loss_fn, metrics) passes a loss of the user's own on;
    # a (None, 4) output against (None,) targets is that loss's business (Keras 3.15 trains it)
    found, _ = findings("""
    import numpy as np
    import keras

    def small_square_sum_loss(y_true, y_pred):
        return keras.ops.sum(keras.ops.square(y_pred - y_true) / 10.0, axis=1)

    class ModelWithCustomCompile(keras.Model):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.dense1 = keras.layers.Dense(8, activation="relu")
            self.dense2 = keras.layers.Dense(4, activation="softmax")

        def call(self, inputs):
            return self.dense2(self.dense1(inputs))

        def compile(self, optimizer, loss_fn, metrics):
            super().compile(optimizer=optimizer, loss=loss_fn, metrics=metrics)

    model = ModelWithCustomCompile()
    model.compile(optimizer="SGD", loss_fn=small_square_sum_loss, metrics=["accuracy"])
    model.fit(np.random.random((4, 8)), np.random.random((4,)))
    """)
    assert found == []


def test_one_step_is_one_prediction_per_sample():
    """Windows expanded to (batch, 1, features) for a causal Conv1D (mrdbourke/tensorflow-deep-learning's forecasting
    notebook): the (batch, 1, 1) output is one prediction per sample, which the loss squeezes to the (batch, 1)
    labels (LOSS_TABLE: ((1, 1), (1,)) trains with every loss): no per-step warning."""
    found, _ = findings("""
    import keras
    import tensorflow as tf
    from keras import layers
    model = keras.Sequential([
        keras.Input(shape=(7,)),
        layers.Lambda(lambda x: tf.expand_dims(x, axis=1)),
        layers.Conv1D(filters=128, kernel_size=5, padding="causal", activation="relu"),
        layers.Dense(1),
    ])
    model.compile(loss="mae", optimizer="adam")
    """)
    assert found == []
    found, _ = findings("""
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input(shape=(10, 7)), layers.Conv1D(128, 5), layers.Dense(1)])
    model.compile(loss="mae", optimizer="adam")
    """)
    assert found == [("output-target-mismatch", "warning", 4)]
