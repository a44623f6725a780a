"""`--candidates repairs FILE.py`: adapting the user's model to the data and taking every verified repair.

Static only (the engine, no Keras): the models built from these files are exercised in test_compare.py."""

import shutil
from pathlib import Path

import pytest

pytest.importorskip("libcst")
from shapedoctor import check_file  # noqa: E402
from shapedoctor.experiments import adapt  # noqa: E402
from shapedoctor.repair import candidates as engine_candidates  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_1 = EXAMPLES / "seed_1_broken_conv_after_dense.py"
SEED_2 = EXAMPLES / "seed_2_broken_conv_after_flatten.py"


def _errors(path):
    return [d for d in check_file(str(path)).diagnostics if d.severity == "error"]


def test_flat_input_model_is_adapted_to_the_series_and_every_factorization_is_a_candidate(tmp_path):
    made = adapt.repair_candidates(SEED_1, (150, 1), 2, tmp_path, "GunPoint")
    assert [c.label for c in made] == ["Reshape((64, 1))", "Reshape((32, 2))", "Reshape((16, 4))",
                                       "Reshape((8, 8))", "Reshape((4, 16))"]
    assert all(c.flat and c.origin == str(SEED_1.resolve()) for c in made)
    assert made[3].fix_title == "insert Reshape((8, 8)) before Conv1D"
    assert made[0].adapted == ["Input (50,) -> (150,), each 150 x 1 series flattened",
                               "head Dense(1, 'sigmoid') -> Dense(2, 'softmax') for 2 classes"]
    text = Path(made[3].spec).read_text()
    assert "input_shape=(150,)" in text and "    Reshape((8, 8)),\n" in text
    assert "Dense(2, activation='softmax')" in text
    assert "# 100 samples, 50 features" in text  # the rest of the file is kept byte for byte
    for c in made:
        assert _errors(c.spec) == []


def test_factorizations_are_recomputed_for_the_new_size(tmp_path):
    # Flatten of (20, 1) -> 20 in the file; of (150, 1) -> 150 for GunPoint: (150, 1), (75, 2), ... (3, 50)
    made = adapt.repair_candidates(SEED_2, (150, 1), 3, tmp_path, "GunPoint")
    labels = [c.label for c in made]
    assert labels[0] == "remove the Flatten at line 9"
    reshapes = [label for label in labels if label.startswith("Reshape")]
    want = [f"Reshape(({s}, {150 // s}))" for s in (150, 75, 50, 30, 25, 15, 10, 6, 5, 3)]
    assert reshapes == want  # more than check's display cap of 5: every verified factorization
    assert not any(c.flat for c in made)
    assert "input_shape=(150, 1)" in Path(made[1].spec).read_text()
    assert engine_candidates.GROUP_LIMITS["factorization"] == 5  # the cap is lifted only while compare asks


def test_max_candidates_cuts_and_says_what_was_left_out(tmp_path):
    said = []
    made = adapt.repair_candidates(SEED_1, (24, 1), 2, tmp_path, "ItalyPowerDemand", max_candidates=2,
                                   warn=said.append)
    assert [c.label for c in made] == ["Reshape((64, 1))", "Reshape((32, 2))"]
    assert any("training the first 2 (--max-candidates): Reshape((16, 4)), Reshape((8, 8)), Reshape((4, 16)) "
               "left out" in s for s in said)


@pytest.mark.parametrize("source, message", [
    ("import keras\nmodel = keras.Sequential([keras.Input((4, 5, 1)), keras.layers.Flatten(),\n"
     "    keras.layers.Conv1D(8, 3), keras.layers.Dense(2)])\n",
     "its Input (4, 5, 1) has rank 3; the data's series are (length, channels) = (150, 1)"),
    ("import keras\nmodel = keras.Sequential([keras.Input((50,)), keras.layers.Dense(64), keras.layers.Conv1D(8, 3),"
     "\n    keras.layers.GlobalAveragePooling1D()])\n",
     "its output layer is GlobalAveragePooling1D, not Dense"),
    ("x = 1\n", "shapedoctor finds no Keras model in it"),
    ("import keras\nmodel = keras.Sequential([keras.Input((20, 1)), keras.layers.Conv1D(8, 3),"
     " keras.layers.Flatten(), keras.layers.Dense(2, activation='softmax')])\n",
     "finds no error to repair in it once adapted (Input (20, 1) -> (150, 1)); pass it as a plain candidate"),
])
def test_what_cannot_be_adapted_is_one_line(tmp_path, source, message):
    path = tmp_path / "m.py"
    path.write_text(source)
    with pytest.raises(adapt.CannotAdapt) as e:
        adapt.repair_candidates(path, (150, 1), 2, tmp_path / "out", "GunPoint")
    assert message in str(e.value) and "\n" not in str(e.value)
    assert not (tmp_path / "out" / "repairs").exists() or not list((tmp_path / "out" / "repairs").iterdir())


def test_apply_fix_writes_the_chosen_repair_losslessly(tmp_path):
    target = tmp_path / "model.py"
    shutil.copy(SEED_1, target)
    before = target.read_text()
    done = adapt.apply_fix(target, "insert Reshape((8, 8)) before Conv1D")
    assert done.endswith("model.py:10: insert Reshape((8, 8)) before Conv1D")
    after = target.read_text()
    assert _errors(target) == []
    assert after.replace("    Reshape((8, 8)),\n", "").replace(", Reshape\n", "\n") == before
    with pytest.raises(adapt.CannotAdapt, match="no shape error any more: nothing written"):
        adapt.apply_fix(target, "insert Reshape((8, 8)) before Conv1D")


def test_apply_fix_refuses_a_repair_only_valid_for_the_datasets_size(tmp_path):
    target = tmp_path / "model.py"
    shutil.copy(SEED_2, target)
    before = target.read_bytes()
    with pytest.raises(adapt.CannotAdapt, match=r"'insert Reshape\(\(75, 2\)\) before Conv1D' was verified for the "
                                                r"dataset's input size, not for the input the file declares"):
        adapt.apply_fix(target, "insert Reshape((75, 2)) before Conv1D")
    assert target.read_bytes() == before
