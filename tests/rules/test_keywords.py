"""Keyword arguments a Keras layer does not take: Keras 3 raises "Unrecognized keyword arguments passed to X" when
the layer is made (Keras 1 and 2 names: ``border_mode=``, ``init=``, ``batch_input_shape=``...).

The table (``rules/keywords.py``) is recorded from Keras by tests/rules/record_keywords.py; the tests marked
``keras`` derive it again from the installed Keras and make layers with and without such keywords."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import shapedoctor
from shapedoctor.rules.inventory import KERAS_LAYER_NAMES
from shapedoctor.rules.keywords import ACCEPTED, KERAS_VERSION

HERE = Path(__file__).resolve().parent


def _errors(source: str) -> list[tuple[int, str]]:
    report = shapedoctor.check_source(source)
    return [(d.line, d.message) for d in report.diagnostics if d.severity == "error"]


def test_every_keras_layer_has_its_keywords_recorded():
    assert KERAS_VERSION == "3.15.1"
    assert set(ACCEPTED) == set(KERAS_LAYER_NAMES)
    # every class that passes **kwargs on to Layer takes Layer's own; a few take no **kwargs at all
    common = {"name", "dtype", "trainable", "input_shape", "input_dim", "activity_regularizer", "autocast"}
    closed = {"Discretization", "Pipeline", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "TFSMLayer"}
    assert {name for name in ACCEPTED if not common <= set(ACCEPTED[name])} == closed


@pytest.mark.parametrize("call, message", [
    ('layers.Conv1D(8, 3, border_mode="same")',
     "Conv1D(border_mode='same'): Keras 3's Conv1D does not take this keyword (border_mode= is padding= in Keras 3)"),
    ('layers.Dense(8, init="uniform", W_regularizer=None)',
     "Dense(init='uniform', W_regularizer=None): Keras 3's Dense does not take these keywords "
     "(init= is kernel_initializer=; W_regularizer= is kernel_regularizer= in Keras 3)"),
    ('layers.LSTM(8, batch_input_shape=(4, 10, 1))',
     "LSTM(batch_input_shape=(4, 10, 1)): Keras 3's LSTM does not take this keyword "
     "(batch_input_shape= is keras.Input(batch_shape=...) before the layer in Keras 3)"),
])
def test_a_keyword_the_layer_does_not_take_is_an_error_at_the_layer(call, message):
    source = f"import keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input(shape=(10, 1)),\n    {call}])\n"
    assert _errors(source) == [(4, message)]


def test_keywords_keras_3_takes_out_of_kwargs_are_not_errors():
    source = ("import keras\nfrom keras import layers\n"
              "model = keras.Sequential([layers.Embedding(100, 8, input_length=5), layers.LSTM(4, implementation=1),\n"
              "    layers.LeakyReLU(alpha=0.2), layers.Dense(2, input_dim=4, name='head', dtype='float32')])\n"
              "inputs = keras.Input(shape=(5,), name='ids')\n")
    assert _errors(source) == []


def _recorder():
    spec = importlib.util.spec_from_file_location("record_keywords", HERE / "record_keywords.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.keras
def test_the_table_is_what_the_installed_keras_takes():
    keras = pytest.importorskip("keras")
    if keras.__version__ != KERAS_VERSION:
        pytest.skip(f"table recorded from Keras {KERAS_VERSION}")
    taken = _recorder().taken
    assert {name: frozenset(taken(getattr(keras.layers, name))) for name in KERAS_LAYER_NAMES} == ACCEPTED


# a layer of each kind, as Keras makes it: (class, positional arguments)
_MADE = [("Dense", (4,)), ("Conv2D", (4, 3)), ("Conv1DTranspose", (4, 3)), ("SeparableConv2D", (4, 3)),
         ("DepthwiseConv2D", (3,)), ("MaxPooling2D", ()), ("AveragePooling1D", (2,)), ("GlobalAveragePooling2D", ()),
         ("LSTM", (4,)), ("GRU", (4,)), ("SimpleRNN", (4,)), ("ConvLSTM2D", (4, 3)), ("Embedding", (10, 4)),
         ("Dropout", (0.5,)), ("BatchNormalization", ()), ("LayerNormalization", ()), ("Flatten", ()),
         ("Reshape", ((2, 2),)), ("Permute", ((2, 1),)), ("RepeatVector", (3,)), ("Concatenate", ()), ("Add", ()),
         ("MultiHeadAttention", (2, 4)), ("LeakyReLU", ()), ("ZeroPadding2D", ()), ("Cropping1D", ()),
         ("UpSampling2D", ()), ("Rescaling", (0.5,)), ("Activation", ("relu",)), ("Normalization", ())]


@pytest.mark.keras
@pytest.mark.parametrize("name, args", _MADE, ids=[m[0] for m in _MADE])
def test_keras_refuses_what_the_table_leaves_out_and_takes_what_it_adds(name, args):
    keras = pytest.importorskip("keras")
    cls = getattr(keras.layers, name)
    with pytest.raises((ValueError, TypeError), match="Unrecognized keyword arguments|unexpected keyword"):
        cls(*args, border_mode="same")
    extra = set(_recorder().EXTRA.get(name, ())) | {"input_dim", "input_shape", "name", "trainable", "autocast"}
    for keyword in sorted(extra & set(ACCEPTED[name])):
        value = {"input_dim": 3, "input_shape": (3,), "name": f"{name.lower()}_{keyword}", "trainable": True,
                 "autocast": True, "alpha": 0.2, "implementation": 1, "input_length": 5, "rms_scaling": False,
                 "vocabulary_size": None, "has_input_vocabulary": False}[keyword]
        try:
            cls(*args, **{keyword: value})
        except Exception as exc:  # another complaint about the value is fine; the keyword itself is taken
            assert "Unrecognized keyword" not in str(exc) and "unexpected keyword" not in str(exc), (keyword, exc)


@pytest.mark.keras
def test_a_class_without_kwargs_refuses_layer_keywords_too():
    keras = pytest.importorskip("keras")
    with pytest.raises(TypeError, match="unexpected keyword argument 'input_shape'"):
        keras.layers.SpatialDropout1D(0.2, input_shape=(5, 3))
    assert "input_shape" not in ACCEPTED["SpatialDropout1D"]


def test_keras_input_takes_only_its_own_parameters():
    """``keras.Input`` is a function without ``**kwargs`` (Keras 3.15: "TypeError: Input() got an unexpected keyword
    argument 'input_shape'"); the InputLayer class ignores keywords it does not know (no error)."""
    source = ("import keras\nfrom keras import layers\n"
              "inputs = keras.Input(input_shape=(12,))\n"
              "m2 = keras.Sequential([layers.Input(shape=(3,), type_spec=spec), layers.Dense(1)])\n"
              "m3 = keras.Sequential([layers.InputLayer(shape=(3,), type_spec=spec), layers.Dense(1)])\n"
              "ok = keras.Input(shape=(3,), batch_size=4, dtype='float32', sparse=False, name='x', optional=False)\n")
    assert _errors(source) == [
        (3, "Input(input_shape=(12,)): Keras 3's Input does not take this keyword (input_shape= is shape= in Keras 3)"),
        (4, "Input(type_spec=...): Keras 3's Input does not take this keyword")]


def test_keras_inputs_input_shape_is_renamed_by_a_safe_fix():
    source = "import keras\ninputs = keras.Input(input_shape=(12,))\nmodel = keras.Model(inputs, inputs)\n"
    (finding,) = [d for d in shapedoctor.check_source(source).diagnostics if d.severity == "error"]
    (fix,) = finding.fixes
    assert (fix.title, fix.applicability) == ("rename input_shape= to shape=", "safe")
    from shapedoctor.repair.command import fix_text

    assert fix_text(source).fixed == source.replace("input_shape=", "shape=")


@pytest.mark.keras
def test_keras_input_refuses_what_the_table_leaves_out():
    keras = pytest.importorskip("keras")
    import inspect

    from shapedoctor.rules.keywords import INPUT_FUNCTION

    assert tuple(sorted(inspect.signature(keras.Input).parameters)) == INPUT_FUNCTION
    for keyword in ("input_shape", "type_spec", "input_tensor"):
        assert keyword not in INPUT_FUNCTION
        with pytest.raises(TypeError, match=f"unexpected keyword argument '{keyword}'"):
            keras.Input(shape=(3,), **{keyword: None})
    keras.layers.InputLayer(shape=(3,), type_spec=None)  # the class takes it (and ignores it)


def test_keras_2_backend_functions_on_a_models_tensors_are_errors_and_still_checked():
    """``K.sum`` and the rest of Keras 2's keras.backend are gone from Keras 3 (AttributeError when the function
    runs; Keras 3.15 reports "could not automatically infer the shape of the Lambda's output" when a Lambda traces
    it): an error at the call, the op it meant still checked (Keras 3's keras.ops spelling given); with no such op
    the call is the error's place. Inside a try: with a handler the error may be what the handler expects (a
    fallback written for Keras 3), so nothing is said there."""
    source = ("import keras\nfrom keras import backend as K\nfrom keras import layers\n"
              "inputs = keras.Input(shape=(10, 8))\n"
              "x = layers.Lambda(lambda t: K.sum(t, axis=1))(inputs)\n"
              "y = layers.Lambda(lambda t: K.batch_dot(t, t, axes=(2, 2)))(inputs)\n"
              "try:\n    z = layers.Lambda(lambda t: K.resize_images(t, 2, 2, 'channels_last'))(inputs)\n"
              "except Exception:\n    z = inputs\n"
              "model = keras.Model(inputs, [x, y, z])\n")
    assert _errors(source) == [
        (5, "K.sum is Keras 2's keras.backend.sum: Keras 3's keras.backend has no sum (AttributeError); "
            "write keras.ops.sum"),
        (6, "K.batch_dot is Keras 2's keras.backend.batch_dot: Keras 3's keras.backend has no batch_dot "
            "(AttributeError)")]
    (model,) = shapedoctor.check_source(source).files[0].models
    summed = [r for r in model.inference.results if r.node.type == "ops.sum"]
    assert [r.output_shape for r in summed] == [(None, 8)]


@pytest.mark.keras
def test_keras_3_backend_names_are_recorded_and_the_keras_2_ones_modelled_are_gone():
    keras = pytest.importorskip("keras")
    from shapedoctor.rules.keywords import BACKEND_NAMES
    from shapedoctor.rules.ops import _K, resolve_op

    assert tuple(sorted(n for n in dir(keras.backend) if not n.startswith("_"))) == BACKEND_NAMES
    resolve_op("keras.backend.sum")  # fills the tables
    assert _K and not [name for name in _K if hasattr(keras.backend, name)]


_KERAS_2_IMPORTS = """\
import keras
from keras.models import Sequential
from keras.layers.core import Dense, Flatten
import keras.engine.topology as topology
try:
    from keras.layers.convolutional import Conv2D
except ImportError:
    from keras.layers import Conv2D
from keras.src.layers.core import dense
import keras.applications.resnet50
from keras.utils import np_utils, to_categorical
from keras.datasets import mnist

model = Sequential([keras.Input(shape=(28, 28, 1)), Conv2D(8, 3), Flatten(), Dense(10)])
"""


def test_keras_2_modules_imported_are_reported_at_their_import_and_the_model_checked_as_meant():
    report = shapedoctor.check_source(_KERAS_2_IMPORTS)
    found = [(d.line, d.kind.name, d.message) for d in report.diagnostics if d.severity == "error"]
    assert found == [
        (3, "invalid-argument", "`keras.layers.core` is a Keras 2 module: Keras 3 has no such module "
                                "(ModuleNotFoundError); what it held is in `keras.layers`"),
        (4, "invalid-argument", "`keras.engine.topology` is a Keras 2 module: Keras 3 has no such module "
                                "(ModuleNotFoundError)"),  # not the one inside try: (its handler is the Keras 3 way)
        (11, "invalid-argument", "Keras 3's `keras.utils` has no `np_utils` (ImportError: cannot import name)")]
    (model,) = report.files[0].models
    assert model.inference.output_shapes() == [(None, 10)]


@pytest.mark.keras
def test_the_keras_modules_recorded_are_the_installed_ones_and_keras_2_ones_fail_to_import():
    keras = pytest.importorskip("keras")
    if keras.__version__ != KERAS_VERSION:
        pytest.skip(f"table recorded from Keras {KERAS_VERSION}")
    from shapedoctor.rules.keywords import KERAS_MODULES

    assert _recorder().keras_modules() == KERAS_MODULES
    from shapedoctor.rules.keywords import KERAS_MODULE_NAMES

    assert set(KERAS_MODULE_NAMES) == set(KERAS_MODULES)
    assert KERAS_MODULE_NAMES["keras.utils"] == tuple(sorted(n for n in dir(keras.utils) if not n.startswith("__")))
    with pytest.raises(ImportError, match="cannot import name 'np_utils'"):
        exec("from keras.utils import np_utils")
    exec("from keras.utils import to_categorical\nfrom keras.datasets import mnist")
    for module in ("keras.layers.core", "keras.engine.topology", "keras.utils.np_utils", "keras.layers.recurrent"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(module)
    for module in ("keras.src.layers.core", "keras.applications.resnet50", "keras.preprocessing.image"):
        importlib.import_module(module)
