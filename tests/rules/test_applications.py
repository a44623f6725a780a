"""Shape rules of the ``keras.applications`` backbones (rules/applications.py) against Keras 3.15.

Every expected value in ``expected_applications.json`` was recorded from real Keras by
``tests/rules/record_applications.py`` (Keras 3.15, torch backend): each case constructs one application
(``weights=None``, or ``"imagenet"`` with the download stubbed out) and stores ``model.output_shape``, the
shape of the model called on a ``keras.Input``, or the exception Keras raised.  Re-record after changing the
cases or upgrading Keras (about 20 minutes on 2 cores)::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_applications.py

The table test compares the rules with the recording and never imports Keras; the tests marked ``keras``
re-build a small sample live and check that every application Keras exports has a rule with Keras'
signature order.
"""

from __future__ import annotations

import inspect
import os

import pytest
from record_applications import check_case, check_live, load_cases

CASES = load_cases()
BY_ID = {case["id"]: case for case in CASES}

# Re-built live (about 25 s with Keras' import): one case per kind of outcome and per padding subtlety.
LIVE = [
    "ResNet50(include_top=False,weights=None,input_shape=(97,97,3))",
    "EfficientNetB0(include_top=False,weights=None)@(N,97,97,3)",
    "MobileNetV2(include_top=False,weights=None,input_shape=(97,97,3))",
    "InceptionV3(include_top=False,weights=None,input_shape=(75,75,3))",
    "Xception(include_top=False,weights=None,input_shape=(74,74,3))",
    "DenseNet121(weights=None,classes=10)",
    "VGG16(weights='imagenet',classes=10)",
    "MobileNetV3Small(include_top=False,weights=None)@(2,32,32,1)",
    "ConvNeXtTiny(include_top=False,weights=None)@(N,8,8,3)",
    "NASNetMobile(include_top=False,weights=None,input_shape=(N,N,3))@(N,97,97,3)",
]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_rule_matches_keras(case):
    check_case(case)


@pytest.mark.keras
@pytest.mark.parametrize("case_id", LIVE)
def test_recording_is_current(case_id):
    os.environ.setdefault("KERAS_BACKEND", "torch")
    pytest.importorskip("keras")
    check_live(BY_ID[case_id])


@pytest.mark.keras
def test_every_application_has_a_rule_with_keras_signature():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    from shapedoctor.rules import RULES
    from shapedoctor.rules.applications import APPS, PREPROCESS_FUNCTIONS

    exported = {name for name in dir(keras.applications) if name[0].isupper()}
    assert exported == set(APPS)
    for name in exported:
        params = tuple(inspect.signature(getattr(keras.applications, name)).parameters)
        assert RULES[name].params == params, name
    modules = {name for name in dir(keras.applications)
               if hasattr(getattr(keras.applications, name), "preprocess_input")}
    assert {f"keras.applications.{m}.preprocess_input" for m in modules} == PREPROCESS_FUNCTIONS


# Engine semantics (not Keras facts).

def test_default_input_shape():
    from shapedoctor.rules.applications import default_input_shape

    assert default_input_shape("ResNet50", {"include_top": False}) == (None, None, None, 3)
    assert default_input_shape("DenseNet121", {"weights": None, "classes": 10}) == (None, 224, 224, 3)
    assert default_input_shape("EfficientNetB3", {}) == (None, 300, 300, 3)
    assert default_input_shape("NASNetMobile", {"include_top": False}) == (None, 224, 224, 3)
    assert default_input_shape("MobileNetV3Large", {}) == (None, None, None, 3)
    assert default_input_shape("MobileNet", {"weights": None, "input_shape": (160, 160, 1)}) == (None, 160, 160, 1)


def test_symbolic_sizes_give_named_sizes_and_undefined_ones_stay_undefined():
    # A size read from data (a symbol) is definite in Keras: the feature map's is too, so a Flatten after it has
    # a definite width (tests/constructs/apps_input_size_from_data_flattened.py, recorded from Keras 3.15); a None
    # stays None (Keras: Flatten then gives None and a Dense after it raises)
    from shapedoctor.rules import apply_rule
    from shapedoctor.shapes import Symbol

    n = Symbol("n")
    args = {"include_top": False, "weights": None, "input_shape": (n, n, 3)}
    through = Symbol("n through EfficientNetB0")
    assert apply_rule("EfficientNetB0", args, [(None, n, n, 3)]) == (None, through, through, 1280)
    assert apply_rule("EfficientNetB0", {**args, "input_shape": (None, None, 3)}, [(None, None, None, 3)]) \
        == (None, None, None, 1280)
    assert apply_rule("ResNet50", {**args, "pooling": "avg"}, [(n, n, n, 3)]) == (n, 2048)


def test_unfoldable_arguments_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule

    for args in [{"include_top": UNKNOWN}, {"include_top": False, "input_shape": UNKNOWN},
                 {"include_top": False, "input_shape": (UNKNOWN, 224, 3)}, {"include_top": False, "pooling": UNKNOWN},
                 {"include_top": False, "alpha": UNKNOWN}]:
        with pytest.raises(Unresolved):
            apply_rule("MobileNet", args, [(None, 224, 224, 3)])


def test_preprocess_functions_are_qualified_names():
    from shapedoctor.rules.applications import PREPROCESS_FUNCTIONS

    assert "keras.applications.resnet50.preprocess_input" in PREPROCESS_FUNCTIONS
    assert "keras.applications.efficientnet.preprocess_input" in PREPROCESS_FUNCTIONS
