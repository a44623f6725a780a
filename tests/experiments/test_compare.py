import json
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("keras")
pytest.importorskip("aeon")
from shapedoctor.experiments import command, models, train  # noqa: E402

pytestmark = [pytest.mark.keras, pytest.mark.slow]
EASY = ["--dataset", "ItalyPowerDemand", "--epochs", "25", "--seeds", "2"]


def _results(out):
    return json.loads((out / "results.json").read_text())


def test_local_run_writes_everything_beats_chance_and_reruns_from_cache(compare, tmp_path, monkeypatch):
    code, err, out = compare(*EASY, "--candidates", "conv-pool-conv", "dense-reshape-conv", "--jobs", "2")
    assert code == 0, err
    for name in ("results.json", "report.md", "accuracy.png", "curves.png"):
        assert (out / name).stat().st_size > 1000 or name == "report.md"
    res = _results(out)
    assert res["dataset"] == {"name": "ItalyPowerDemand", "n_train": 67, "n_test": 1029, "length": 24,
                              "channels": 1, "classes": 2}
    assert res["reference"]["test_accuracy"]["FCN"] == pytest.approx(0.961) and "Fawaz" in res["reference"]["source"]
    for cand in res["candidates"]:
        assert set(cand) >= {"name", "params", "test_accuracy_mean", "test_accuracy_std", "train_seconds_mean", "runs"}
        assert len(cand["runs"]) == 2 and cand["params"] > 0
        assert cand["test_accuracy_mean"] > 0.8  # chance is 0.5
        assert [len(r["history"]["loss"]) for r in cand["runs"]] == [25, 25]
        assert {r["protocol"] for r in cand["runs"]} == {"fawaz"}
        accs = [r["test_accuracy"] for r in cand["runs"]]
        assert cand["test_accuracy_std"] == pytest.approx(np.std(accs, ddof=1))
        for r in cand["runs"]:  # per-series predictions, consistent with the accuracy
            y = np.load(next((tmp_path / "cache" / "data").glob("*.npz")))["y_test"]
            assert len(r["predictions"]) == 1029
            assert np.mean(np.array(r["predictions"]) == y) == pytest.approx(r["test_accuracy"])
    comparison = res["comparison"]
    assert {"method", "winner", "pairs"} <= set(comparison)
    (pair,) = comparison["pairs"]
    assert set(pair) >= {"a", "b", "diff_mean", "ci_low", "ci_high", "p_value"}
    means = {c["name"]: c["test_accuracy_mean"] for c in res["candidates"]}
    assert pair["diff_mean"] == pytest.approx(means[pair["a"]] - means[pair["b"]]) and pair["diff_mean"] >= 0
    assert pair["ci_low"] <= pair["diff_mean"] <= pair["ci_high"] and 0 <= pair["p_value"] <= 1
    assert (comparison["winner"] is not None) == (pair["ci_low"] > 0 and pair["p_value"] < 0.05)
    report = (out / "report.md").read_text()
    assert "## Verdict" in report and "Holm" in report and "Fawaz-style" in report

    def no_training(*a, **k):
        raise AssertionError("a cached trial was trained again")

    monkeypatch.setattr(train, "run_local", no_training)
    start = time.perf_counter()
    code, err, out2 = compare(*EASY, "--candidates", "conv-pool-conv", "dense-reshape-conv", out=tmp_path / "again")
    assert code == 0, err
    assert time.perf_counter() - start < 15
    assert _results(out2)["candidates"] == res["candidates"]


def test_ray_backend_runs_the_same_trials(compare, tmp_path):
    pytest.importorskip("ray")
    code, err, out = compare(*EASY, "--candidates", "conv-pool-conv", "--backend", "ray", "--jobs", "2")
    assert code == 0, err
    res = _results(out)
    assert res["backend"] == "ray"
    cand = res["candidates"][0]
    assert len(cand["runs"]) == 2 and cand["test_accuracy_mean"] > 0.8
    assert len(list((tmp_path / "cache" / "runs").glob("*.json"))) == 2  # the local backend would reuse these


def test_anomaly_task_reports_per_series_and_per_injected_kind(compare):
    code, err, out = compare("--dataset", "anomaly", "--candidates", "conv-pool-conv", "--epochs", "2",
                             "--seeds", "1")
    assert code == 0, err
    res = _results(out)
    assert res["task"] == "anomaly"
    cand = res["candidates"][0]
    series = {s["name"]: s for s in res["dataset"]["series"]}
    assert set(series) == {"InternalBleeding", "ECG", "Daphnet"} and series["Daphnet"]["anomaly"] is None
    assert "ucr_score" not in cand  # never pooled into one number
    assert set(cand["labelled"]) == {"InternalBleeding", "ECG"}
    assert set(cand["injected"]) == {"spike", "level-shift", "noise-burst", "time-warp", "missing-beat"}
    assert all(k["n"] == 3 * 4 and 0 < k["chance"] < 0.2 for k in cand["injected"].values())
    for run in cand["runs"]:
        info = series[run["series"]]
        if info["anomaly"]:
            assert info["train_end"] + 127 <= run["location"] <= info["length"] - 128
            begin, end = run["anomaly"]
            assert run["hit"] == (begin - 100 <= run["location"] <= end + 100)
            assert len(run["scores"]) == info["length"]
        for v in run["injected"]:
            assert v["hit"] == (v["region"][0] - 100 <= v["location"] <= v["region"][1] + 100)
    report = (out / "report.md").read_text()
    assert "## Injected anomalies: hit rate per kind and candidate" in report and "| chance |" in report
    for name in ("anomaly-ECG.png", "anomaly-InternalBleeding.png", "injected.png"):
        assert (out / name).stat().st_size > 1000


def test_fcn_is_left_out_of_the_anomaly_task_with_the_reason(compare):
    code, err, _ = compare("--dataset", "ecg", "--candidates", "fcn", "--epochs", "1", "--seeds", "1")
    assert code == 2 and "fcn: its global average pooling keeps no position" in err


def test_user_model_file_is_checked_then_trained(compare, tmp_path, monkeypatch):
    model = tmp_path / "mine.py"
    model.write_text(textwrap.dedent("""
        import keras
        def build_model(input_shape, n_classes):
            inp = keras.Input(input_shape)
            h = keras.layers.Dense(16, activation="relu")(keras.layers.Flatten()(inp))
            return keras.Model(inp, keras.layers.Dense(n_classes, activation="softmax")(h))
    """))
    code, err, out = compare(*EASY, "--seeds", "1", "--candidates", str(model))
    assert code == 0, err
    assert _results(out)["candidates"][0]["name"] == "mine.py"

    class Diag:
        severity, line, code, message = "error", 5, "SD101", "Conv1D needs input (batch, steps, channels)"

    class Report:
        diagnostics = [Diag()]

    import shapedoctor

    monkeypatch.setattr(shapedoctor, "check_file", lambda path: Report(), raising=False)
    code, err, _ = compare(*EASY, "--candidates", str(model), out=tmp_path / "refused")
    assert code == 1
    assert err.strip().splitlines() == [
        f"shapedoctor compare: mine.py:5: SD101 Conv1D needs input (batch, steps, channels): "
        f"fix the model first (shapedoctor fix {model})"]
    assert not (tmp_path / "refused").exists()


def test_failing_candidate_is_reported_in_one_line_and_others_still_run(compare, tmp_path):
    bad = tmp_path / "wrong.py"
    bad.write_text("import keras\nmodel = keras.Sequential([keras.Input((7, 1)), keras.layers.Flatten(),"
                   " keras.layers.Dense(2)])\n")
    code, err, out = compare(*EASY, "--seeds", "1", "--candidates", str(bad), "flatten-reshape-conv")
    assert code == 1
    assert "wrong.py: model input is (None, 7, 1) but the data is (None, 24, 1)" in err
    assert "Traceback" not in err
    names = {c["name"]: c for c in _results(out)["candidates"]}
    assert names["wrong.py"]["runs"] == [] and names["flatten-reshape-conv"]["test_accuracy_mean"] > 0.7


def test_interrupt_keeps_finished_runs_and_resumes(compare, tmp_path, monkeypatch):
    real = train.run_local

    def interrupted_after_first(trials, cache_dir, jobs, on_epoch, on_done, on_start=None):
        def first_then_stop(trial, result):
            on_done(trial, result)
            raise KeyboardInterrupt

        real(trials, cache_dir, 1, on_epoch, first_then_stop, on_start)

    monkeypatch.setattr(train, "run_local", interrupted_after_first)
    code, err, out = compare(*EASY, "--candidates", "flatten-reshape-conv")
    assert code == 1 and "interrupted: 1 of 2 runs finished" in err
    assert _results(out)["interrupted"] is True
    assert len(list((tmp_path / "cache" / "runs").glob("*.json"))) == 1
    monkeypatch.setattr(train, "run_local", real)
    code, err, out = compare(*EASY, "--candidates", "flatten-reshape-conv")
    assert code == 0 and len(_results(out)["candidates"][0]["runs"]) == 2


@pytest.mark.parametrize("argv, code, message", [
    (["--dataset", "GunPoint", "--epochs", "0"], 2, "--epochs must be at least 1"),
    (["--dataset", "NoSuchSet"], 2, "unknown dataset 'NoSuchSet'"),
    (["--dataset", "missing/data.npz"], 2, "dataset file missing/data.npz does not exist"),
    (["--dataset", "GunPoint", "--candidates", "resnet"], 2, "unknown candidate 'resnet'"),
    (["--dataset", "GunPoint", "--ray-address", "127.0.0.1:6379"], 2, "--ray-address needs --backend ray"),
])
def test_usage_errors(compare, argv, code, message):
    got, err, _ = compare(*argv)
    assert got == code and message in err and len(err.strip().splitlines()) == 1


def test_bad_user_data_is_one_line(compare, tmp_path):
    np.savez(tmp_path / "flat.npz", X=np.zeros((10, 50)), y=np.arange(10) % 2)
    code, err, _ = compare("--dataset", tmp_path / "flat.npz")
    assert code == 1
    assert err.strip() == ("shapedoctor compare: flat.npz: X is (n, L) = (10, 50): add a channel axis, "
                           "X = X[..., None] gives (n, L, 1) = (10, 50, 1)")


def test_repairs_of_a_clean_file_is_one_line(compare, tmp_path):
    (tmp_path / "m.py").write_text("x = 1\n")
    code, err, _ = compare("--dataset", "GunPoint", "--candidates", "repairs", tmp_path / "m.py")
    assert code == 1 and err.strip() == "shapedoctor compare: m.py: shapedoctor finds no Keras model in it"



def test_build_model_file_is_adapted_and_repaired(tmp_path):
    import shapedoctor

    model = tmp_path / "broken.py"
    model.write_text(
        "from tensorflow.keras import layers, models\n\n\n"
        "def build_model(input_shape=(150, 1), n_classes=2):\n"
        "    return models.Sequential([layers.Input(shape=input_shape), layers.Flatten(),\n"
        "                              layers.Dense(64, activation='relu'), layers.Conv1D(16, 3),\n"
        "                              layers.Flatten(), layers.Dense(n_classes, activation='softmax')])\n")
    data = __import__("shapedoctor.experiments.datasets", fromlist=["x"]).load_dataset("ItalyPowerDemand")
    cands = command.resolve_candidates(["repairs", str(model)], tmp_path / "out", data=data, note=lambda m: None)
    labels = [c.label for c in cands]
    assert labels[0] == "remove the Flatten at line 5" and "Reshape((8, 8))" in labels
    for c in cands:
        assert not [d for d in shapedoctor.check_file(c.spec).diagnostics if d.severity == "error"]
        built = models.build(c.spec, (24, 1), 2, flat=c.flat)
        assert built.input_shape == (None, 24, 1) and built.output_shape == (None, 2)


def test_repairs_of_the_seed_example_on_two_datasets(compare, tmp_path, monkeypatch, capsys):
    seed_1 = Path(__file__).resolve().parents[2] / "examples" / "seed_1_broken_conv_after_dense.py"
    started = []
    real = train.run_local

    def counting(trials, *a, **k):
        started.extend(trials)
        return real(trials, *a, **k)

    monkeypatch.setattr(train, "run_local", counting)
    code, err, out = compare("--dataset", "ItalyPowerDemand", "GunPoint", "--candidates", "repairs", seed_1,
                             "--max-candidates", "2", "--epochs", "2", "--seeds", "2", "--jobs", "1")
    assert code == 0, err
    assert len(started) == 8 and {t.get("flat") for t in started} == {True}
    for name, n_test in (("ItalyPowerDemand", 1029), ("GunPoint", 150)):
        res = _results(out / name)
        assert [c["name"] for c in res["candidates"]] == ["Reshape((64, 1))", "Reshape((32, 2))"]
        assert all(len(r["predictions"]) == n_test for c in res["candidates"] for r in c["runs"])
        assert res["candidates"][0]["repair"]["fix"] == "insert Reshape((64, 1)) before Conv1D"
        assert len(res["comparison"]["pairs"]) == 1
    summary = _results(out)
    assert summary["datasets"] == ["ItalyPowerDemand", "GunPoint"] and len(summary["average_ranks"]) == 2
    assert (out / "cd.png").exists() and "Friedman" in (out / "summary.md").read_text()


def test_a_model_that_cannot_be_adapted_is_refused_before_any_worker(compare, tmp_path, monkeypatch):
    def no_training(*a, **k):
        raise AssertionError("a worker was started")

    monkeypatch.setattr(train, "run_local", no_training)
    model = tmp_path / "image.py"
    model.write_text("import keras\nmodel = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(),"
                     " keras.layers.Conv1D(8, 3), keras.layers.Flatten(), keras.layers.Dense(10)])\n")
    code, err, _ = compare("--dataset", "GunPoint", "--candidates", "repairs", model)
    assert code == 1
    assert err.strip().splitlines() == [
        "shapedoctor compare: image.py: its Input (28, 28, 1) has rank 3; the data's series are (length, channels) "
        "= (150, 1): only a rank-1 or rank-2 input can be adapted"]


def test_apply_winner_writes_only_a_supported_winner(tmp_path, capsys):
    import shutil

    from shapedoctor.experiments.adapt import Candidate

    target = tmp_path / "seed.py"
    shutil.copy(Path(__file__).resolve().parents[2] / "examples" / "seed_1_broken_conv_after_dense.py", target)
    before = target.read_bytes()
    cands = [Candidate("x.py", "Reshape((8, 8))", True, "insert Reshape((8, 8)) before Conv1D", str(target)),
             Candidate("y.py", "Reshape((4, 16))", True, "insert Reshape((4, 16)) before Conv1D", str(target))]
    tied = {"comparison": {"winner": None, "indistinguishable": ["Reshape((8, 8))", "Reshape((4, 16))"]}}
    assert command._apply_winner(tied, cands) == 1
    assert "nothing written: no supported winner (Reshape((8, 8)), Reshape((4, 16)) cannot be told apart)" in \
        capsys.readouterr().err
    assert target.read_bytes() == before
    assert command._apply_winner({"comparison": {"winner": "Reshape((8, 8))"}}, cands) == 0
    assert "applied the winner: " in capsys.readouterr().out
    assert "    Reshape((8, 8)),\n" in target.read_text()


def test_apply_winner_usage(compare, tmp_path):
    code, err, _ = compare("--dataset", "GunPoint", "--candidates", "seed", "--apply-winner")
    assert code == 2 and "--apply-winner needs --candidates repairs FILE.py" in err


def test_progress_without_a_terminal_prints_one_line_per_finished_run():
    import io

    stream = io.StringIO()
    trials = [{"key": str(i), "label": "Reshape((8, 8))", "seed": i, "epochs": 10} for i in range(2)]
    with command.Progress(False, trials, stream=stream) as progress:
        progress.begin(trials, 1, 2, 10, 1)
        progress.start(trials[0], True)
        for e in range(1, 11):
            progress.epoch(trials[0], e)
        progress.done(trials[0], {"test_accuracy": 0.9333, "train_seconds": 12.0, "protocol": "fawaz"})
        progress.start(trials[1], False)
        progress.epoch(trials[1], 4)
        progress.done(trials[1], train.TrialError("boom"))
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("compare: 2 run(s) to train (1 candidates x 2 seeds, up to 10 epochs each) on 1 "
                               "worker(s); each worker first imports Keras")
    assert lines[1].startswith("[1/2] Reshape((8, 8)) seed 0: 93.3% in 12 s; elapsed 0:00, ETA 0:00")
    assert lines[2].startswith("[2/2] Reshape((8, 8)) seed 1: failed: boom; elapsed")
    assert len(lines) == 3
    quiet = io.StringIO()
    with command.Progress(True, trials, stream=quiet) as progress:
        progress.begin(trials, 1, 2, 10, 1)
        progress.done(trials[0], train.TrialError("boom"))
    assert quiet.getvalue() == ""


def test_learning_rate_is_reduced_before_early_stopping_stops():
    from shapedoctor.experiments import models as seed_models
    from shapedoctor.experiments.datasets import Dataset

    assert train.early_stopping_patience(500) == (50, 25) and train.early_stopping_patience(30) == (20, 10)
    import keras

    rng = np.random.default_rng(0)
    X = rng.normal(size=(700, 16, 1)).astype("float32")
    y = rng.integers(0, 2, 700)  # noise: the validation loss stops improving at once
    data = Dataset("noise", X[:600], y[:600], X[600:], y[600:], [0, 1])
    keras.utils.set_random_seed(0)
    record = train.fit_classifier(seed_models.build("flatten-reshape-conv", (16, 1), 2), data, 120, 0)
    assert record["protocol"] == "early-stopping" and record["epochs_run"] < 120
    rates = record["history"]["learning_rate"]
    assert min(rates[:-1]) < 1e-3  # the schedule acted before the stop (with equal patiences it never does)


def test_large_training_set_uses_early_stopping_on_a_validation_split(compare, tmp_path):
    rng = np.random.default_rng(0)
    n, length = 800, 32
    y = np.arange(n) % 2
    t = np.linspace(0, 4 * np.pi, length)
    X = (np.where(y[:, None] == 1, np.sin(t), np.sign(np.sin(t))) + 0.3 * rng.normal(size=(n, length)))[..., None]
    np.savez(tmp_path / "big.npz", X=X[:600], y=y[:600], X_test=X[600:], y_test=y[600:])
    code, err, out = compare("--dataset", tmp_path / "big.npz", "--candidates", "flatten-reshape-conv",
                             "--epochs", "30", "--seeds", "1")
    assert code == 0, err
    run = _results(out)["candidates"][0]["runs"][0]
    assert run["protocol"] == "early-stopping" and len(run["history"]["val_loss"]) == run["epochs_run"] <= 30
    assert run["test_accuracy"] > 0.9
    assert "early stopping: a stratified 20%" in (out / "report.md").read_text()
