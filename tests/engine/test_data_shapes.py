"""input-data-mismatch (SD109): the model's Input against the arrays it is fit on (``--data-shape``).

The severities follow what Keras 3.15 does with a model built from an Input (torch backend), checked by
``test_keras_does_what_the_findings_say``: a rank that differs fails in fit ("Invalid input shape") unless by a
trailing axis of 1; the same rank with other sizes warns and runs the layers at the data's shape, so it fails
when one of them does.
"""

import subprocess
import sys
import textwrap

import pytest

import shapedoctor

FLAT_FEATURES = """
import keras
from keras import layers
inputs = keras.Input((16, 5, 1))
x = layers.Conv2D(4, 3, padding="same")(inputs)
outputs = layers.Dense(1)(layers.Flatten()(x))
model = keras.Model(inputs, outputs)
"""
CHANNELS_FIRST = """
import keras
from keras import layers
model = keras.Sequential([keras.Input((3, 32, 32)), layers.Conv2D(8, 3), layers.Flatten(), layers.Dense(2)])
"""
SERIES = """
import keras
from keras import layers
model = keras.Sequential([keras.Input((20, 3)), layers.LSTM(8), layers.Dense(1)])
"""
GREY_IMAGES = """
import keras
from keras import layers
model = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(10)])
"""
# (source, data shape, expected (severity or None), fit() in Keras fails)
CASES = [
    (FLAT_FEATURES, (None, 80), "error", True),  # rank 2 against rank 4
    (CHANNELS_FIRST, (None, 32, 32, 3), "error", True),  # the Conv2D's kernel was built for 32 channels
    (SERIES, (None, 30, 3), "warning", False),  # longer series: the LSTM runs, Keras warns
    (GREY_IMAGES, (None, 28, 28), None, False),  # Keras adds the trailing axis of 1 itself
    (SERIES, (None, 20, 3), None, False),
    (SERIES, (None, 20, 4), "error", True),  # the LSTM's kernel was built for 3 features
    # Keras adds the trailing axis of 1 whatever the other sizes, then runs the layers at the data's shape: the
    # Dense after the Flatten gets 12 * 5 * 4 values instead of 16 * 5 * 4
    (FLAT_FEATURES, (None, 12, 5), "error", True),
    (FLAT_FEATURES, (None, 16, 5, 1, 1), None, False),  # ... and drops one: (16, 5, 1) is what was declared
    (SERIES, (None, 20, 3, 1), None, False),
    (CHANNELS_FIRST, (None, 3, 32), "error", True),  # a last axis of 32 is not one Keras adds or drops
]


def data_findings(source, data, **kw):
    report = shapedoctor.check_source(textwrap.dedent(source), "m.py", data_shape=data, **kw)
    return [d for d in report.diagnostics if d.kind.name == "input-data-mismatch"]


@pytest.mark.parametrize("source,data,severity,_", CASES)
def test_severity_follows_what_keras_does(source, data, severity, _):
    found = data_findings(source, data)
    assert [d.severity for d in found] == ([severity] if severity else [])


def test_finding_is_at_the_input_and_says_what_fails():
    (d,) = data_findings(CHANNELS_FIRST, (None, 32, 32, 3))
    assert d.code == "SD109" and d.line == 4 and d.layer == "Input"
    assert d.message == ("the data (None, 32, 32, 3) do not match the Input's (None, 3, 32, 32): run at the data's "
                         "shape, Conv2D at line 4 gets (None, 32, 32, 3), but its weights were built for 32 on the "
                         "last axis")


def test_fixes_declare_the_data_and_keep_the_layers_shape():
    (d,) = data_findings(FLAT_FEATURES, (None, 80))
    assert [f.title for f in d.fixes] == ["declare the data's shape, Input(shape=(80,)), and insert "
                                          "Reshape((16, 5, 1)) after it"]
    (d,) = data_findings(CHANNELS_FIRST, (None, 32, 32, 3))
    assert d.fixes[0].title == "declare the data's channels-last shape: Input(shape=(32, 32, 3))"
    fixed = shapedoctor.check_source(textwrap.dedent(FLAT_FEATURES), "m.py").files[0]
    assert not fixed.diagnostics  # without the data the model is consistent: nothing to say


def test_fix_command_applies_the_reshape(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(textwrap.dedent(FLAT_FEATURES))
    proc = subprocess.run([sys.executable, "-m", "shapedoctor", "fix", "--unsafe-fixes", "--data-shape", "(None, 80)",
                           str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = path.read_text()
    assert "keras.Input((80,))" in text and "layers.Reshape((16, 5, 1))(inputs)" in text
    assert not data_findings(text, (None, 80))


def test_bad_data_shape_is_one_line(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(textwrap.dedent(SERIES))
    proc = subprocess.run([sys.executable, "-m", "shapedoctor", "check", "--data-shape", "(None, x)", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.strip() == ("shapedoctor: error: --data-shape: cannot read "
                                                            "'(None, x)'; write e.g. '(None, 1)'")
    with pytest.raises(ValueError, match="data_shape"):
        shapedoctor.check_source("x = 1", data_shape={"model": (None, 1)})


def test_configured_target_shapes_still_apply_with_a_data_shape(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.shapedoctor]\n[tool.shapedoctor.target-shapes]\nmodel = "(None, 5)"\n')
    (tmp_path / "m.py").write_text(textwrap.dedent(SERIES))
    proc = subprocess.run([sys.executable, "-m", "shapedoctor", "check", "--data-shape", "(None, 20, 3)", "m.py"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert "SD105" in proc.stdout and "SD109" not in proc.stdout


@pytest.mark.keras
def test_keras_does_what_the_findings_say():
    script = textwrap.dedent("""
        import json, sys, numpy as np, keras
        out = []
        for source, data in json.loads(sys.argv[1]):
            scope = {}
            exec(source, scope)
            model = scope["model"]
            model.compile(optimizer="adam", loss="mse")
            x = np.zeros((2, *data[1:]), "float32")
            y = np.zeros((2, *model.output_shape[1:]), "float32")
            try:
                model.train_on_batch(x, y)
                out.append(False)
            except Exception:
                out.append(True)
        print(json.dumps(out))
    """)
    import json
    import os

    cases = [(textwrap.dedent(source), list(data)) for source, data, _, _ in CASES]
    proc = subprocess.run([sys.executable, "-c", script, json.dumps(cases)], capture_output=True, text=True,
                          env=dict(os.environ, KERAS_BACKEND="torch"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [fails for *_, fails in CASES]


# The arrays fit() is given, when their shapes fold, are the data the model is held to (as --data-shape)
FIT_ON_ROWS = """
import numpy as np
import keras
from keras import layers
X = np.random.rand(100, 5)
y = np.random.rand(100, 1)
model = keras.Sequential()
model.add(layers.Conv1D(filters=1, kernel_size=2, input_shape=(None, 5)))
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(X, y)
"""
FIT_BUILT_MODEL = """
import numpy as np
import keras
from keras import layers
X = np.random.rand(100, 28, 28)
y = np.random.rand(100, 1)


def build():
    inp = keras.Input((28, 28, 1))
    h = layers.Conv2D(4, 3)(inp)
    out = layers.Dense(1)(layers.Flatten()(h))
    return keras.Model(inp, out)


model = build()
model.compile(loss="mse")
model.fit(DATA, y)
"""
# (source, expected finding line or None, fit() in Keras fails)
FIT_CASES = [
    (FIT_ON_ROWS, 8, True),
    (FIT_BUILT_MODEL.replace("DATA", "X.reshape((100, 784))"), 10, True),
    (FIT_BUILT_MODEL.replace("DATA", "X[:, :, :14]"), 10, True),
    (FIT_BUILT_MODEL.replace("DATA", "X"), None, False),  # the channel axis Keras adds
    (FIT_BUILT_MODEL.replace("DATA", "X[..., np.newaxis]"), None, False),
    (FIT_BUILT_MODEL.replace("DATA", "np.expand_dims(X, -1)"), None, False),
    (FIT_BUILT_MODEL.replace("DATA", "X.reshape(-1, 28, 28, 1)"), None, False),
]


@pytest.mark.parametrize("source,line,_", FIT_CASES)
def test_the_arrays_given_to_fit_are_the_data(source, line, _):
    found = data_findings(source, None)
    assert [d.line for d in found] == ([line] if line else [])


@pytest.mark.keras
def test_keras_fails_to_fit_where_the_findings_say():
    script = textwrap.dedent("""
        import json, sys, keras
        def fit(model, x, y):
            model.fit(x, y, epochs=1, verbose=0)
        out = []
        for source in json.loads(sys.argv[1]):
            source = source.replace("np.random.rand(100,", "np.random.rand(4,").replace("(100, 784)", "(4, 784)")
            try:
                exec(source.replace("model.fit(", "fit(model, "), {"fit": fit})
                out.append(False)
            except Exception:
                out.append(True)
        print(json.dumps(out))
    """)
    import json
    import os

    sources = [textwrap.dedent(source) for source, _, _ in FIT_CASES]
    proc = subprocess.run([sys.executable, "-c", script, json.dumps(sources)], capture_output=True, text=True,
                          env=dict(os.environ, KERAS_BACKEND="torch"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [fails for *_, fails in FIT_CASES]


# An Input written from some of a folded array's sample axes: that array is the data (no fit() needed)
WRITTEN_FROM_DATA = """
import numpy as np
import keras
from keras import layers
clips = np.zeros((120, 24, 24, 6), dtype="float32")
model = keras.Sequential()
model.add(layers.LSTM(16, input_shape=(clips.shape[1], SECOND)))
model.add(layers.Dense(5, activation="softmax"))
"""


@pytest.mark.parametrize("second,found", [("clips.shape[2]", True),  # drops the 6 channels: Keras fails
                                          ("clips.shape[3]", False),  # not axes 1, 2 in order: no claim
                                          ("24", False)])  # a literal: not written from the data
def test_an_input_written_from_part_of_the_data_shape_is_held_to_the_data(second, found):
    report = shapedoctor.check_source(textwrap.dedent(WRITTEN_FROM_DATA.replace("SECOND", second)), "m.py")
    messages = [d.message for d in report.diagnostics if d.kind.name == "input-data-mismatch"]
    assert messages == (["the data clips (None, 24, 24, 6) have 3 axes per sample, the Input declares "
                         "(None, 24, 24): fit() fails (Invalid input shape)"] if found else [])


@pytest.mark.keras
def test_keras_fails_on_data_an_input_takes_part_of():
    import json
    import os

    script = ("import json\n" + textwrap.dedent(WRITTEN_FROM_DATA.replace("SECOND", "clips.shape[2]"))
              + textwrap.dedent("""
        model.compile(loss="categorical_crossentropy", optimizer="adam")
        try:
            model.train_on_batch(clips[:2], np.zeros((2, 5)))
            failed = False
        except ValueError as exc:
            failed = "Invalid input shape" in str(exc)
        print(json.dumps(failed))
    """))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=dict(os.environ, KERAS_BACKEND="torch"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) is True
