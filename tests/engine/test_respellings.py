"""Calls of a model's own API spelled for an older Keras (respellings.py), each measured in Keras 3.15 (torch):
``model.compile(opt, loss, ["accuracy"])`` in Keras 2's positional order is read as ``loss_weights`` and fails at the
first training batch (``ValueError: Invalid dtype: str256``); ``Model(input=x, output=y)`` raises ``ValueError:
Unrecognized keyword arguments passed to Model``.  The before/after pairs in tests/repair/cases are run in Keras by
test_fix.py."""

from __future__ import annotations

from shapedoctor import check_source
from shapedoctor.repair.command import fix_text

HEAD = ("import keras\nfrom keras import layers\n\n"
        "model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3, activation='softmax')])\n")


def _findings(text: str) -> list:
    return [d for d in check_source(text).diagnostics if d.severity == "error"]


def test_metrics_in_third_position_is_an_error_at_that_argument_with_a_safe_keyword_fix():
    text = HEAD + "model.compile('adam', 'categorical_crossentropy', ['accuracy'])\n"
    (finding,) = _findings(text)
    assert (finding.kind.name, finding.line, finding.col) == ("invalid-argument", 5, 50)
    assert "loss_weights" in finding.message and "metrics=['accuracy']" in finding.message
    (fix,) = finding.fixes
    assert fix.applicability == "safe"
    fixed = fix_text(text).fixed
    assert fixed.endswith("model.compile('adam', 'categorical_crossentropy', metrics=['accuracy'])\n")
    assert _findings(fixed) == []


def test_a_metrics_variable_and_keras2_loss_weights_in_fourth_position_are_both_named():
    text = HEAD + ("watched = ['accuracy', keras.metrics.AUC()]\n"
                   "model.compile(keras.optimizers.Adam(1e-3), 'categorical_crossentropy',\n"
                   "              watched, [1.0])\n")
    (finding,) = _findings(text)
    assert finding.line == 7
    fixed = fix_text(text).fixed
    assert fixed.endswith("              metrics=watched, loss_weights=[1.0])\n")
    assert _findings(fixed) == []


def test_keras3_positional_loss_weights_and_keyword_metrics_are_not_findings():
    for call in ("model.compile('adam', 'mse', [0.5])\n",
                 "model.compile('adam', 'mse', {'dense': 1.0})\n",
                 "model.compile('adam', 'mse', metrics=['mae'])\n",
                 "model.compile('adam', 'mse', None, ['mae'])\n",
                 "model.compile('adam', 'mse', unknown_weights)\n"):
        assert _findings(HEAD + call) == [], call


def test_more_positionals_than_keras2_named_and_a_model_with_its_own_compile_are_left_alone():
    assert _findings(HEAD + "model.compile('adam', 'mse', ['mae'], [1.0], None)\n") == []
    text = ("import keras\nfrom keras import layers\n\n"
            "class GAN(keras.Model):\n"
            "    def __init__(self):\n"
            "        super().__init__()\n"
            "        self.dense = layers.Dense(1)\n\n"
            "    def call(self, x):\n"
            "        return self.dense(x)\n\n"
            "    def compile(self, g_opt, d_opt, loss_fn):\n"
            "        super().compile()\n\n"
            "gan = GAN()\ngan.build((None, 4))\ngan.compile('adam', 'adam', 'mse')\n")
    assert _findings(text) == []


def test_a_model_class_made_functional_by_super_init_is_checked_at_its_compile_call():
    text = ("import keras\nfrom keras import layers\n\n"
            "class Classifier(keras.Model):\n"
            "    def __init__(self, inputs, classes):\n"
            "        x = layers.Dense(classes, activation='softmax')(inputs)\n"
            "        super().__init__(inputs=inputs, outputs=x)\n\n"
            "model = Classifier(keras.Input(shape=(8,)), 3)\n"
            "model.compile('adam', 'categorical_crossentropy', ['accuracy'])\n")
    (finding,) = _findings(text)
    assert (finding.line, finding.col) == (10, 50)


def test_keras1_model_keywords_are_an_error_the_model_is_checked_and_the_fix_renames_them():
    text = ("import keras\nfrom keras import layers\n\n"
            "x = keras.Input(shape=(8,))\ny = layers.Dense(3)(x)\n"
            "model = keras.Model(input=x, output=y)\n")
    report = check_source(text).files[0]
    (model,) = report.models
    assert model.complete and model.inference.results[-1].output_shape == (None, 3)
    (finding,) = _findings(text)
    assert (finding.kind.name, finding.line, finding.col) == ("invalid-argument", 6, 20)
    assert "inputs= and outputs=" in finding.message
    assert fix_text(text).fixed.endswith("model = keras.Model(inputs=x, output=y)\n".replace("output=", "outputs="))
    assert _findings(fix_text(text).fixed) == []


def test_keras1_keywords_of_a_model_class_made_by_super_init_and_a_mixed_spelling():
    text = ("import keras\nfrom keras import layers\n\n"
            "class Net(keras.Model):\n"
            "    def __init__(self):\n"
            "        x = keras.Input(shape=(8,))\n"
            "        super().__init__(input=x, output=layers.Dense(2)(x))\n\n"
            "net = Net()\n"
            "x = keras.Input(shape=(4,))\n"
            "other = keras.Model(inputs=x, output=layers.Dense(1)(x))\n")
    findings = _findings(text)
    assert [(f.line, f.col) for f in findings] == [(7, 25), (11, 30)]
    fixed = fix_text(text).fixed
    assert "super().__init__(inputs=x, outputs=layers.Dense(2)(x))" in fixed
    assert "keras.Model(inputs=x, outputs=layers.Dense(1)(x))" in fixed
    assert _findings(fixed) == []


def test_keras1_merge_is_an_error_and_the_merge_layer_it_meant_is_checked():
    """``from keras.layers import merge`` raises ImportError in Keras 3.15; Keras 1's modes map to the merge layers."""
    text = ("import keras\nfrom keras.layers import Input, Dense, merge\n\n"
            "a = Input(shape=(8,))\nb = Input(shape=(6,))\n"
            "joined = merge([a, b], mode='concat', concat_axis=-1)\n"
            "summed = merge([Dense(4)(a), Dense(4)(b)])\n"
            "model = keras.Model([a, b], [Dense(1)(joined), summed])\n")
    (model,) = check_source(text).files[0].models
    shapes = {r.node.type: r.output_shape for r in model.inference.results if r.node.written_type == "merge"}
    assert shapes == {"Concatenate": (None, 14), "Add": (None, 4)}
    # the import itself is where Keras 3 stops (ImportError), and each call is where the fix goes
    importing, *findings = _findings(text)
    assert (importing.line, importing.col) == (2, 0)
    assert importing.message == "Keras 3's `keras.layers` has no `merge` (ImportError: cannot import name)"
    assert [(f.line, f.col) for f in findings] == [(6, 9), (7, 9)]
    assert "write concatenate([a, b], axis=-1) and import concatenate instead" in findings[0].message
    assert "write add(" in findings[1].message and findings[1].fixes == []


def test_a_fix_elsewhere_in_a_model_holding_a_keras1_merge_is_still_verified():
    """A Theano-era U-Net (channels first, merge(concat_axis=1)): the channels-first fix is verified although the
    merge it lets the walk reach is itself a finding (how the code is written, not a shape the fix made)."""
    text = ("import keras\nfrom keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, merge\n\n"
            "inputs = Input((1, 32, 40))\n"
            "c1 = Conv2D(4, 3, padding='same')(inputs)\n"
            "p1 = MaxPooling2D((2, 2))(c1)\n"
            "c2 = Conv2D(8, 3, padding='same')(p1)\n"
            "up = merge([UpSampling2D((2, 2))(c2), c1], mode='concat', concat_axis=1)\n"
            "model = keras.Model(inputs, Conv2D(1, 1)(up))\n")
    pooling = next(f for f in _findings(text) if f.kind.name == "negative-length")
    assert any("channels_first" in fix.title for fix in pooling.fixes)
