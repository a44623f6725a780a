"""The README's demo: the seed article's three models are clean; each broken twin is flagged at its line.

Expected lines/kinds were confirmed with real Keras 3.15 (torch backend): building the broken twins raises
`expected min_ndim=3, found ndim=2` at the Conv1D (examples 1, 2) and `Computed output size would be zero or
negative` at the last MaxPooling1D (example 3); see test_examples_match_keras below, which re-runs that.
"""

import os

import pytest

import shapedoctor

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")


def _errors(name):
    report = shapedoctor.check_file(os.path.join(EXAMPLES, name))
    return [(d.line, d.col, d.kind.name) for d in report.diagnostics if d.severity in ("error", "warning")]


@pytest.mark.parametrize("name", ["seed_1_dense_reshape.py", "seed_2_flatten_reshape.py",
                                  "seed_3_purely_convolutional.py"])
def test_seed_models_are_clean(name):
    assert _errors(name) == []


@pytest.mark.parametrize("name, expected", [
    ("seed_1_broken_conv_after_dense.py", [(10, 4, "rank")]),
    ("seed_2_broken_conv_after_flatten.py", [(10, 4, "rank")]),
    ("seed_3_broken_pooling_runs_out.py", [(12, 4, "negative-length")]),
])
def test_broken_twins_flagged_at_the_layer(name, expected):
    assert _errors(name) == expected


def test_example_1_ranks_the_seed_reshape_among_the_fixes():
    report = shapedoctor.check_file(os.path.join(EXAMPLES, "seed_1_broken_conv_after_dense.py"))
    (finding,) = [d for d in report.diagnostics if d.severity == "error"]
    titles = [f.title for f in finding.fixes]
    assert "insert Reshape((8, 8)) before Conv1D" in titles
    assert titles[0] == "insert Reshape((64, 1)) before Conv1D"  # longest steps axis first
    assert all(f.verified for f in finding.fixes)
    assert "Dense at line 9" in finding.explanation[0]


def test_example_2_restoring_the_flattened_shape_ranks_first():
    report = shapedoctor.check_file(os.path.join(EXAMPLES, "seed_2_broken_conv_after_flatten.py"))
    (finding,) = [d for d in report.diagnostics if d.severity == "error"]
    assert [f.title for f in finding.fixes][:2] == ["remove the Flatten at line 9",
                                                    "insert Reshape((20, 1)) before Conv1D"]
    assert "insert Reshape((10, 2)) before Conv1D" in [f.title for f in finding.fixes]
    assert finding.explanation[0] == "Flatten at line 9 merged (None, 20, 1) into (None, 20): the steps axis is gone."


@pytest.fixture(scope="module")
def keras_verdicts(tmp_path_factory):
    """Every example run by real Keras, in one process."""
    pytest.importorskip("keras")
    from keras_batch import run_in_keras

    sources = {}
    for name in sorted(os.listdir(EXAMPLES)):
        if name.endswith(".py"):
            with open(os.path.join(EXAMPLES, name)) as handle:
                sources[name] = handle.read()
    return run_in_keras(sources, tmp_path_factory.mktemp("examples"))


@pytest.mark.keras
@pytest.mark.parametrize("name, needle", [
    ("seed_1_dense_reshape.py", None), ("seed_2_flatten_reshape.py", None), ("seed_3_purely_convolutional.py", None),
    ("seed_1_broken_conv_after_dense.py", "min_ndim=3"), ("seed_2_broken_conv_after_flatten.py", "min_ndim=3"),
    ("seed_3_broken_pooling_runs_out.py", "zero or negative"),
])
def test_examples_match_keras(name, needle, keras_verdicts):
    verdict = keras_verdicts[name]
    if needle is None:
        assert "error" not in verdict, verdict
    else:
        assert needle in verdict["message"]
        # Keras' traceback points into the file at `Sequential(` (line 8), not at the layer: we point at the layer.
        assert verdict["lines"] == [8]
