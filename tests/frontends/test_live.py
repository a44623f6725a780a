"""Live models (``check_model``) and ``explain()`` around real Keras exceptions.

Models are built by real Keras 3 (torch backend) inside the tests; the exceptions are the
ones Keras raises.  The user files ``explain`` reads are written to ``tmp_path`` and run
from there, so their frames are the user's own.
"""

from __future__ import annotations

import runpy
import textwrap

import pytest

pytestmark = pytest.mark.keras

BROKEN_FILE = '''
import keras
from keras import layers
from shapedoctor.frontends.live import explain


def build():
    model = keras.Sequential()
    model.add(keras.Input(shape=(50,)))
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Conv1D(32, 3, activation="relu"))
    return model


@explain
def build_decorated():
    return build()


@explain()
def build_decorated_called():
    return build()


def build_in_context():
    with explain():
        return build()
'''


def test_check_model_built_unbuilt_functional_and_dict():
    keras = pytest.importorskip("keras")
    from keras import layers

    from shapedoctor.frontends.live import check_model

    seq = keras.Sequential([layers.Conv1D(4, 3), layers.GlobalMaxPooling1D(), layers.Dense(2)])
    unbuilt = check_model(seq)
    # No input shape: the first layer's input is unknown, so the model is reported as only partly checked.
    assert [(d.kind.name, d.severity) for d in unbuilt.diagnostics] == [
        ("unknown-layer", "info"), ("incomplete-model", "info")]
    seq.build((None, 30, 2))
    built = check_model(seq)
    assert built.exit_code == 0 and built.diagnostics == []
    results = built.models[0].inference.results
    assert [r.output_shape for r in results][1:] == [tuple(l.output.shape) for l in seq.layers]
    inp = keras.Input((16, 3))
    out = layers.Dense(1)(layers.Flatten()(layers.Conv1D(2, 5)(inp)))
    fun = keras.Model(inp, out)
    report = check_model(fun)
    assert report.models[0].inference.output_shapes() == [tuple(fun.output.shape)]
    as_dict = check_model(fun.get_config() | {})  # a bare get_config() dict
    assert as_dict.models[0].inference.output_shapes() == [tuple(fun.output.shape)]
    assert [d.kind.name for d in check_model(object()).diagnostics] == ["input-error"]


@pytest.mark.parametrize("entry", ["build_decorated", "build_decorated_called", "build_in_context"])
def test_explain_reraises_same_type_chained_with_the_users_line(entry, tmp_path):
    pytest.importorskip("keras")
    path = tmp_path / "user_model.py"
    path.write_text(BROKEN_FILE)
    namespace = runpy.run_path(str(path))
    with pytest.raises(ValueError) as raised:
        namespace[entry]()
    exc = raised.value
    assert type(exc) is ValueError and isinstance(exc.__cause__, ValueError)
    original = str(exc.__cause__)
    assert "expected min_ndim=3, found ndim=2" in original  # Keras' own message ...
    text = str(exc)
    assert text.startswith(original)  # ... kept first
    assert "user_model.py:11:15: SD101 [rank] Conv1D needs input (batch, steps, channels) but gets (None, 64)" \
        in text
    assert "conv1d (Conv1D)" in text and "<-- error" in text  # the trace table
    assert "fix 1: insert Reshape((64, 1)) before Conv1D" in text


def test_explain_leaves_other_exceptions_alone(tmp_path):
    pytest.importorskip("keras")
    from shapedoctor.frontends.live import explain

    with pytest.raises(ValueError) as raised:
        with explain():
            raise ValueError("not from keras")
    assert str(raised.value) == "not from keras" and raised.value.__cause__ is None
    with pytest.raises(KeyError):
        with explain():
            raise KeyError("k")
    path = tmp_path / "ok_model.py"
    path.write_text(textwrap.dedent('''
        import keras
        from shapedoctor.frontends.live import explain
        with explain():
            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
    '''))
    assert runpy.run_path(str(path))["model"].count_params() == 4 * 2 + 2


def test_top_level_explain_is_the_context_manager():
    import shapedoctor
    import shapedoctor.check  # noqa: F401  (imports every engine module; none may shadow `explain`)
    from shapedoctor.frontends.live import explain

    assert shapedoctor.explain is explain
