import json
import textwrap
import time

import numpy as np
import pytest

pytest.importorskip("keras")
pytest.importorskip("aeon")
from shapedoctor.experiments import command, train  # noqa: E402

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
    report = (out / "report.md").read_text()
    assert "**Winner:" in report and "How sure:" in report and "Fawaz-style" in report

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


def test_anomaly_task_reports_a_ucr_score_per_candidate(compare):
    code, err, out = compare("--dataset", "anomaly", "--candidates", "conv-pool-conv", "--epochs", "2",
                             "--seeds", "1")
    assert code == 0, err
    res = _results(out)
    assert res["task"] == "anomaly"
    cand = res["candidates"][0]
    series = {s["name"]: s for s in res["dataset"]["series"]}
    assert "InternalBleeding" in series and 0 <= cand["ucr_score"] <= 1
    assert set(cand["hits"]) == set(series)
    for run in cand["runs"]:
        info = series[run["series"]]
        assert info["train_end"] <= run["location"] < info["length"]
        begin, end = run["anomaly"]
        assert run["hit"] == (begin - 100 <= run["location"] <= end + 100)
    assert "UCR score" in (out / "report.md").read_text()


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

    def interrupted_after_first(trials, cache_dir, jobs, on_epoch, on_done):
        def first_then_stop(trial, result):
            on_done(trial, result)
            raise KeyboardInterrupt

        real(trials, cache_dir, 1, on_epoch, first_then_stop)

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
    assert code == 1 and "found nothing it can repair" in err



def test_repair_variants_are_the_ranked_fixes_and_check_clean(tmp_path):
    import shapedoctor

    model = tmp_path / "broken.py"
    model.write_text(
        "from tensorflow.keras import layers, models\n\n\n"
        "def build_model(input_shape=(150, 1), n_classes=2):\n"
        "    return models.Sequential([layers.Input(shape=input_shape), layers.Flatten(),\n"
        "                              layers.Dense(64, activation='relu'), layers.Conv1D(16, 3),\n"
        "                              layers.Flatten(), layers.Dense(n_classes, activation='softmax')])\n")
    variants = command.repair_variants(model, tmp_path / "out")
    assert len(variants) == 3
    texts = [open(v).read() for v in variants]
    assert texts[0].startswith("# broken.py repaired with fix 1: remove the Flatten at line 5")
    assert len(set(texts)) == 3
    for v in variants:
        report = shapedoctor.check_file(v)
        assert not [d for d in report.diagnostics if d.severity == "error"]


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
