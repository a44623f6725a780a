"""Layers inside ``keras.applications`` backbones (frontends/applications.py) against real Keras.

User code reaches into a backbone with ``base.get_layer(name).output`` and ``base.layers[i]``; the
source front-end replays the backbone's recorded graph on the backbone's input.  Here every backbone
is written as a user would write it, ``keras.Model(base.input, [layer.output for layer in
base.layers[1:]])``, checked from source, then built by Keras 3 (torch backend, ``keras.device("meta")``:
no weights, same shapes) and every layer's output shape is compared.  Sizes are odd and even so that the
``correct_pad`` parity rule is exercised, with and without the classifier top and pooling.

The fast tests need no Keras: the recorded graphs load, and a missing layer name is said.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from shapedoctor.check import check_one_file
from shapedoctor.frontends.applications import application_graph, correct_pad
from shapedoctor.rules.applications import APPS

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "rules"))

SOURCE = """\
import keras
base = keras.applications.{app}({args})
probe = keras.Model(base.input, [layer.output for layer in base.layers[1:]])
"""

# (application, constructor arguments as written)
CASES = [
    ("VGG16", "include_top=False, weights=None, input_shape=(97, 101, 3)"),
    ("VGG19", "include_top=True, weights=None, classes=7"),
    ("ResNet50", "include_top=False, weights=None, input_shape=(97, 96, 3)"),
    ("ResNet50V2", "include_top=False, weights=None, input_shape=(64, 64, 3), pooling='max'"),
    ("ResNet101", "include_top=True, weights=None, input_shape=(65, 65, 3), classes=3"),
    ("DenseNet121", "include_top=False, weights=None, input_shape=(75, 76, 3)"),
    ("InceptionV3", "include_top=False, weights=None, input_shape=(139, 150, 3)"),
    ("InceptionResNetV2", "include_top=False, weights=None, input_shape=(99, 99, 3), pooling='avg'"),
    ("Xception", "include_top=False, weights=None, input_shape=(99, 100, 3)"),
    ("MobileNet", "include_top=False, weights=None, input_shape=(97, 97, 3)"),
    ("MobileNetV2", "include_top=False, weights=None, input_shape=(97, 98, 3)"),
    ("MobileNetV2", "include_top=True, weights=None, input_shape=(96, 96, 3), classes=5"),
    ("MobileNetV3Small", "include_top=False, weights=None, input_shape=(75, 75, 3)"),
    ("MobileNetV3Large", "include_top=False, weights=None, input_shape=(96, 97, 3)"),
    ("EfficientNetB0", "include_top=False, weights=None, input_shape=(97, 97, 3)"),
    ("EfficientNetB3", "include_top=True, weights=None, input_shape=(98, 99, 3), classes=10"),
    ("EfficientNetV2B0", "include_top=False, weights=None, input_shape=(97, 96, 3)"),
    ("ConvNeXtTiny", "include_top=False, weights=None, input_shape=(96, 96, 3)"),
    ("NASNetMobile", "include_top=False, weights=None, input_shape=(97, 97, 3)"),
]


def _ours(tmp_path, app: str, args: str) -> list:
    path = tmp_path / "backbone.py"
    path.write_text(SOURCE.format(app=app, args=args))
    report = check_one_file(str(path))
    assert not [d.message for d in report.diagnostics if d.severity != "info"], app
    (model,) = [m for m in report.models if m.graph.name == "probe"]
    assert model.inference.complete, (app, [g.reason for g in model.inference.gaps])
    return [tuple(s) for s in model.inference.output_shapes()]


@pytest.mark.keras
@pytest.mark.parametrize("app,args", CASES, ids=[f"{a}-{i}" for i, (a, _) in enumerate(CASES)])
def test_every_layer_inside_a_backbone_matches_keras(tmp_path, app, args):
    keras = pytest.importorskip("keras")
    from record_applications import _nasnet_mobile_on_torch

    keras.utils.clear_session()
    namespace: dict = {}
    with _nasnet_mobile_on_torch(app), keras.device("meta"):
        exec(SOURCE.format(app=app, args=args), {"keras": keras}, namespace)
    expected = [tuple(t.shape) for t in namespace["probe"].outputs]
    assert _ours(tmp_path, app, args) == expected


def test_every_application_has_a_recorded_graph():
    for app in APPS:
        graph = application_graph(app, {"include_top": False})
        assert not isinstance(graph, str), graph
        assert graph.nodes[0].type == "InputLayer" and len(graph.nodes) > 15, app


def test_architecture_arguments_other_than_the_defaults_are_said_not_guessed():
    assert "alpha=0.5" in application_graph("MobileNetV2", {"alpha": 0.5})
    assert not isinstance(application_graph("MobileNetV2", {"alpha": 1.0}), str)


def test_correct_pad_follows_keras_imagenet_utils():
    # keras/src/applications/imagenet_utils.correct_pad: adjust = 1 - size % 2, (1, 1) when unknown
    assert correct_pad((97, 98), 3) == ((1, 1), (0, 1))
    assert correct_pad((None, None), 5) == ((1, 2), (1, 2))


def test_a_layer_name_the_backbone_does_not_have_is_said(tmp_path):
    path = tmp_path / "bad_name.py"
    path.write_text("import keras\nvgg = keras.applications.VGG16(include_top=False)\n"
                    "m = keras.Model(vgg.input, vgg.get_layer('block9_conv1').output)\n")
    report = check_one_file(str(path))
    (error,) = [d for d in report.diagnostics if d.severity == "error"]
    assert "no layer named 'block9_conv1'" in error.message and error.line == 3 and error.kind.name == "invalid-argument"
