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
    errors = np.random.default_rng(0).random(1000) * 0.1
    errors[[50, 700]] = [9.0, 5.0]  # the worst window lies inside the training prefix and must be ignored
    scores = anomaly.point_scores(errors, width=128)
    brute = [np.mean([errors[k] for k in range(len(errors)) if k <= t < k + 128]) for t in range(len(scores))]
    assert len(scores) == 1127 and np.allclose(scores, brute)
    assert 700 <= anomaly.locate(200, scores, width=128) <= 827  # inside the bad window, not its centre
    scores[327] = 50.0  # the first point whose windows all start after the prefix is searched, not 326
    assert anomaly.locate(200, scores, width=128) == 327
    scores[326] = 60.0
    assert anomaly.locate(200, scores, width=128) == 327
    scores[-5:] = 100.0  # the last points are covered by few windows: never the argmax
    assert anomaly.locate(200, scores, width=128) < len(scores) - 127


class _HalfModel:
    def predict(self, windows, batch_size=None, verbose=0):
        return np.tanh(windows)  # any deterministic per-window map


def test_injected_anomalies_change_only_their_region_and_rescoring_is_exact():
    t = np.arange(3000)
    z = np.sin(2 * np.pi * t / 50) + 0.01 * np.random.default_rng(1).normal(size=3000)
    assert anomaly.beat_period(z[:1000]) == 50
    rng = np.random.default_rng(0)
    for kind in anomaly.KINDS:
        y, (b, e) = anomaly.inject(z, kind, 1500, 1.0, 50, rng)
        changed = np.flatnonzero(y != z)
        assert changed.min() >= b and changed.max() <= e and len(changed) > 0, kind
    y, (b, e) = anomaly.inject(z, "time-warp", 1500, 1.0, 50, rng)
    assert abs(y[b] - z[b]) < 1e-12 and abs(y[e] - z[e]) < 0.2  # a warp, not a jump
    plan = anomaly.injection_plan("ECG", np.zeros(7500), 2500, (6936, 7287))
    assert len(plan) == 5 * anomaly.INJECT_POSITIONS and plan == anomaly.injection_plan("ECG", np.zeros(7500), 2500,
                                                                                         (6936, 7287))
    assert all(2500 + 128 <= at and at + 400 <= 6936 - 200 for _, at in plan)
    model = _HalfModel()
    base = anomaly.window_errors(model, z.astype(np.float32))
    y, where = anomaly.inject(z, "noise-burst", 2000, 1.0, 50, rng)
    assert np.allclose(anomaly.variant_errors(model, base, y.astype(np.float32), where),
                       anomaly.window_errors(model, y.astype(np.float32)), atol=1e-6)
    assert anomaly.search_range(0, 3000) == (127, 2873)
    assert anomaly.chance_rate((1000, 1099), 0, 3000) == pytest.approx(300 / (2873 - 127))


def test_anomaly_series_are_bundled():
    x, train_end, region = anomaly.load_series("InternalBleeding")
    assert (len(x), train_end, region) == (7501, 1200, (4187, 4198))
    x, train_end, region = anomaly.load_series("Daphnet")
    assert (len(x), train_end, region) == (7040, 3500, None) and x.std() > 0
    if anomaly.available(["ECG"]):
        x, train_end, region = anomaly.load_series("ECG")
        assert len(x) == 7500 and region[0] > train_end


def _runs(*accs):
    return [{"test_accuracy": a, "train_seconds": 1.0, "seed": i, "protocol": "fawaz", "history": {"loss": [1, .5]}}
            for i, a in enumerate(accs)]


def test_summary_uses_the_sample_std_and_the_report_shows_the_verdict(tmp_path):
    a, b = report.summarise("a", 1, _runs(.9, 1.0)), report.summarise("b", 1, _runs(.95))
    assert a["test_accuracy_std"] == pytest.approx(np.std([.9, 1.0], ddof=1)) and b["test_accuracy_std"] is None
    results = {"dataset": {"name": "toy", "n_train": 4, "n_test": 2, "length": 3, "channels": 1, "classes": 2},
               "candidates": [a, b], "epochs": 2, "seeds": [0, 1], "reference": {},
               "comparison": {"winner": None, "best": "b", "indistinguishable": ["b", "a"], "interval_level": 0.95,
                              "method": "m", "verdict": "no winner: b, a cannot be told apart on this test set:\n"
                                                        "  b - a = +0.50 points",
                              "pairs": [{"a": "b", "b": "a", "diff_mean": .005, "ci_low": -.1, "ci_high": .1,
                                         "p_value": 1.0, "wins": 1, "losses": 1, "significant": False}]}}
    table = report.console_table(results)
    assert "95.0% (one run)" in table and "95.0% ± 7.1" in table and table.endswith("b - a = +0.50 points")
    md = report.markdown(results)
    assert "**no winner: b, a cannot be told apart on this test set:**" in md and "- b - a = +0.50 points" in md
    assert "| b | a | +0.50 | [-10.00, +10.00] | 1/1 | 1 | no |" in md
    report.write_all(tmp_path, results)
    assert (tmp_path / "accuracy.png").stat().st_size > 1000 and (tmp_path / "curves.png").stat().st_size > 1000


def test_accuracy_axis_is_scaled_to_the_data_and_median_run():
    low, high = report.accuracy_limits([95.1, 96.3, 97.0])
    assert 93 < low < 95.1 and 97.0 < high < 99.5  # not the fixed 80-101 that made every bar look equal
    assert report.accuracy_limits([40.0, 100.0])[0] == pytest.approx(31.0)
    assert report.median_run(_runs(.9, .7, .8)) == 2 and report.median_run(_runs(.9, .7)) == 1


def test_cross_dataset_friedman_and_cd_groups(tmp_path):
    def one(name, accs):
        cands = [report.summarise(n, 1, _runs(a, a)) for n, a in zip("xyz", accs)]
        return {"dataset": {"name": name}, "candidates": cands, "comparison": {"winner": None}}

    summary = report.cross_dataset([one("d1", (.9, .8, .7)), one("d2", (.95, .9, .6)), one("d3", (.7, .8, .6))])
    assert summary["average_ranks"] == pytest.approx([4 / 3, 5 / 3, 3.0])
    assert summary["nemenyi_cd"] == pytest.approx(2.343 * np.sqrt(12 / 18))
    assert report.cd_groups([1.0, 1.5, 3.0], 2.1) == [[0, 1, 2]]
    assert report.cd_groups([1.0, 1.5, 3.0], 1.9) == [[0, 1], [1, 2]]
    assert report.cd_groups([1.0, 1.5, 3.0], 1.0) == [[0, 1]]
    report.write_cross(tmp_path, summary)
    assert (tmp_path / "cd.png").stat().st_size > 1000 and "average rank" in (tmp_path / "summary.md").read_text()


def test_flat_user_model_reads_the_series_through_a_flatten(tmp_path):
    flat = tmp_path / "flat.py"
    flat.write_text("import keras\nmodel = keras.Sequential([keras.Input((150,)), keras.layers.Dense(4),"
                    " keras.layers.Reshape((2, 2)), keras.layers.Flatten(),"
                    " keras.layers.Dense(2, activation='softmax')])\n")
    model = models.build(str(flat), (150, 1), 2, flat=True)
    assert model.input_shape == (None, 150, 1) and model.output_shape == (None, 2)
    assert model.count_params() == 150 * 4 + 4 + 4 * 2 + 2
    with pytest.raises(models.CandidateError, match=r"model input is \(None, 150\) but the data is \(None, 150, 1\)"):
        models.build(str(flat), (150, 1), 2)
