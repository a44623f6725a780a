import textwrap

import numpy as np
import pytest

pytest.importorskip("keras")
from shapedoctor.experiments import anomaly, models, report  # noqa: E402

pytestmark = pytest.mark.keras


@pytest.mark.parametrize("name", models.SEED_NAMES)
@pytest.mark.parametrize("shape, classes", [((150, 1), 2), ((24, 1), 2), ((100, 6), 4), ((5, 1), 3)])
def test_seed_candidates_adapt_to_length_and_channels(name, shape, classes):
    model = models.build(name, shape, classes)
    assert model.output_shape == (None, classes)
    out = model.predict(np.zeros((2, *shape), np.float32), verbose=0)
    assert np.allclose(out.sum(axis=1), 1, atol=1e-5)


@pytest.mark.parametrize("name", models.SEED_NAMES)
def test_reconstruction_head_returns_the_window(name):
    assert models.build(name, (128, 1), None).output_shape == (None, 128, 1)


def test_seed_strategies_follow_the_article():
    layers = [type(layer).__name__ for layer in models.build("dense-reshape-conv", (150, 1), 2).layers]
    assert layers == ["InputLayer", "Flatten", "Dense", "Reshape", "Conv1D", "Flatten", "Dense"]
    fcn = models.build("fcn", (150, 1), 2)
    convs = [(layer.filters, layer.kernel_size[0]) for layer in fcn.layers if type(layer).__name__ == "Conv1D"]
    assert convs == [(128, 8), (256, 5), (128, 3)]


def test_user_file_build_model_and_module_level_model(tmp_path):
    good = tmp_path / "good.py"
    good.write_text(textwrap.dedent("""
        import keras
        def build_model(input_shape, n_classes):
            inp = keras.Input(input_shape)
            return keras.Model(inp, keras.layers.Dense(n_classes, activation="softmax")(keras.layers.Flatten()(inp)))
    """))
    assert models.build(str(good), (30, 1), 3).output_shape == (None, 3)
    assert models.candidate_id(str(good)).startswith("good@")
    fixed = tmp_path / "fixed.py"
    fixed.write_text("import keras\nmodel = keras.Sequential([keras.Input((30, 1)), keras.layers.Flatten(),"
                     " keras.layers.Dense(2, activation='softmax')])\n")
    assert models.build(str(fixed), (30, 1), 2).count_params() == 62
    with pytest.raises(models.CandidateError, match=r"model input is \(None, 30, 1\) but the data is \(None, 40, 1\)"):
        models.build(str(fixed), (40, 1), 2)
    with pytest.raises(models.CandidateError, match="define build_autoencoder"):
        models.build(str(fixed), (30, 1), None)


def test_user_file_without_model_or_failing_import(tmp_path):
    (tmp_path / "empty.py").write_text("x = 1\n")
    with pytest.raises(models.CandidateError, match=r"define build_model\(input_shape, n_classes\)"):
        models.build(str(tmp_path / "empty.py"), (30, 1), 2)
    (tmp_path / "boom.py").write_text("raise RuntimeError('no GPU')\n")
    with pytest.raises(models.CandidateError, match="importing it failed: RuntimeError: no GPU"):
        models.build(str(tmp_path / "boom.py"), (30, 1), 2)


def test_ucr_score_rule_and_location():
    assert anomaly.ucr_hit(4087, (4187, 4198)) and anomaly.ucr_hit(4298, (4187, 4198))
    assert not anomaly.ucr_hit(4086, (4187, 4198)) and not anomaly.ucr_hit(4299, (4187, 4198))
    errors = np.zeros(1000)
    errors[[50, 700]] = [9.0, 5.0]  # the worst window lies inside the training prefix and must be ignored
    assert anomaly.locate(200, errors, width=128) == 764


def test_anomaly_series_are_bundled():
    x, train_end, region = anomaly.load_series("InternalBleeding")
    assert (len(x), train_end, region) == (7501, 1200, (4187, 4198))
    if anomaly.available(["ECG"]):
        x, train_end, region = anomaly.load_series("ECG")
        assert len(x) == 7500 and region[0] > train_end


def _runs(*accs):
    return [{"test_accuracy": a, "train_seconds": 1.0, "seed": i, "protocol": "fawaz", "history": {"loss": [1, .5]}}
            for i, a in enumerate(accs)]


def test_confidence_says_clear_or_overlapping():
    clear = {"candidates": [report.summarise("a", 1, _runs(.95, .96)), report.summarise("b", 1, _runs(.90, .94))]}
    assert report.confidence(clear).startswith("clear")
    overlap = {"candidates": [report.summarise("a", 1, _runs(.99, .90)), report.summarise("b", 1, _runs(.93, .92))]}
    assert report.confidence(overlap).startswith("not sure")
    assert report.summarise("a", 1, _runs(.9, 1.0))["test_accuracy_std"] == pytest.approx(0.05)
