"""Coverage honesty: nothing is called checked that was not (``complete``/``gaps``, ``skipped_models``,
the ``incomplete-model``/``skipped-model`` findings, the summary line, internal errors, the JSON Schema).

The fixtures in ``fixtures/coverage/`` are small model files; the line each test names is marked in the fixture's
header comment.  None of this needs Keras: it is about what shapedoctor says it checked.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import shapedoctor
from shapedoctor import check as check_module
from shapedoctor import infer
from shapedoctor.graph import SkippedModel
from shapedoctor.report.text import summary
from shapedoctor.rules import RULES
from schema_helpers import strict

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "coverage"
ROOT = HERE.parent.parent
SCHEMA = ROOT / "docs" / "shapedoctor-output.schema.json"
PACKAGED_SCHEMA = ROOT / "src" / "shapedoctor" / "data" / "shapedoctor-output.schema.json"
INTERNAL_REPR = re.compile(r"TensorRef\(|LayerObject\(|<shapedoctor\.| object at 0x")


def run(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def file_report(name: str):
    return shapedoctor.check_file(str(FIXTURES / name), with_fixes=False).files[0]


# ----------------------------------------------------------------------------- complete / gaps
def test_complete_model_has_no_gaps():
    (model,) = file_report("complete.py").models
    assert model.complete is True and model.gaps == []
    assert model.to_json()["complete"] is True and model.to_json()["gaps"] == []


def test_opaque_helper_makes_the_model_incomplete_with_a_gap_at_its_call():
    report = file_report("opaque_helper.py")
    (model,) = report.models
    assert model.name == "encoder" and model.complete is False
    (gap,) = model.gaps
    assert (gap.line, gap.col) == (11, 4)
    assert "conv_block" in gap.reason
    assert model.to_json()["gaps"] == [{"line": 11, "col": 4, "reason": gap.reason}]
    (finding,) = [d for d in report.diagnostics if d.kind.name == "incomplete-model"]
    assert (finding.code, finding.severity, finding.line) == ("SD202", "info", 14)
    assert finding.col == 10  # `keras.Model(` on line 14
    assert finding.message.startswith("model 'encoder' is only partly checked: line 11: `conv_block(...)`")


def test_config_with_an_unknown_layer_is_incomplete():
    report = file_report("custom_layer_config.json")
    (model,) = report.models
    assert model.complete is False
    (gap,) = model.gaps
    assert gap.line == 8 and "MyBlock" in gap.reason
    assert any(d.kind.name == "incomplete-model" for d in report.diagnostics)


def test_gaps_are_listed_after_the_first_one():
    text = ("import keras\nfrom keras import layers\nfrom lib import a, b\n"
            "inputs = keras.Input(shape=(8,))\n"
            "x = a(inputs)\n"
            "x = b(x)\n"
            "x = layers.Dense(2)(x)\n"
            "m = keras.Model(inputs, x)\n")
    report = shapedoctor.check_source(text).files[0]
    (model,) = report.models
    assert [g.line for g in model.gaps] == [5, 6]
    (finding,) = [d for d in report.diagnostics if d.kind.name == "incomplete-model"]
    assert finding.message.endswith("; 1 more gap") and finding.line == 8
    assert finding.explanation[0].startswith("line 6: ")


def test_an_error_stops_checking_and_says_so_without_an_incomplete_model_finding():
    report = shapedoctor.check_file(str(ROOT / "examples" / "seed_1_broken_conv_after_dense.py"),
                                    with_fixes=False).files[0]
    (model,) = report.models
    assert model.complete is False
    (gap,) = model.gaps
    assert gap.line == 10 and "checking stops at the error" in gap.reason
    assert [d.kind.name for d in report.diagnostics] == ["rank"]  # the error says it; no second finding


def test_unfolded_argument_is_a_gap():
    text = ("import keras\nfrom keras import layers\nimport sys\n"
            "units = int(sys.argv[1])\n"
            "model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(units), layers.Dense(1)])\n")
    (model,) = shapedoctor.check_source(text).files[0].models
    if model.complete:  # a front-end that makes the size a symbol checks the whole model: also honest
        assert model.gaps == []
    else:
        assert model.gaps and all(g.line == 5 for g in model.gaps)



def test_an_unfolded_op_operand_is_named_as_written_not_by_its_parameter():
    """``tf.matmul(x, self.kernel)`` with the kernel made by a build() that never ran (its input's rank is settled by
    no layer): the gap names ``self.kernel``, not ``x2`` (keras.ops.matmul's parameter)."""
    text = ("import keras\nfrom keras import layers\nimport tensorflow as tf\n\n"
            "class Graph(layers.Layer):\n"
            "    def build(self, input_shape):\n"
            "        self.kernel = self.add_weight(shape=(input_shape[0][-1], 8))\n\n"
            "    def call(self, inputs):\n"
            "        nodes, edges = inputs\n"
            "        return tf.matmul(nodes, self.kernel) * self.scale\n\n"
            "class Net(keras.Model):\n"
            "    def __init__(self):\n"
            "        super().__init__()\n"
            "        self.graph = Graph()\n\n"
            "    def call(self, inputs):\n"
            "        nodes, edges = inputs\n"
            "        return self.graph([nodes, edges])\n\n"
            "model = Net()\n")
    (model,) = shapedoctor.check_source(text).files[0].models
    assert not model.complete
    assert model.gaps[0].line == 11
    assert "`self.kernel`" in model.gaps[0].reason and "x2" not in model.gaps[0].reason

# ----------------------------------------------------------------------------- skipped models
def test_skipped_model_is_listed_at_its_constructor_line():
    report = file_report("skipped_model.py")
    assert [s.line for s in report.skipped_models] == [8]
    assert report.to_json()["skipped_models"] == [{"line": 8, "reason": report.skipped_models[0].reason}]
    (finding,) = [d for d in report.diagnostics if d.kind.name == "skipped-model"]
    assert (finding.code, finding.severity, finding.line, finding.col) == ("SD203", "info", 8, 8)
    assert [m.name for m in report.models] == ["clean"] and report.models[0].complete


def test_every_constructor_is_a_model_or_a_skipped_entry_even_where_the_walk_never_went():
    # its own directory: the summary tests count the files of fixtures/coverage
    report = shapedoctor.check_file(str(HERE / "fixtures" / "coverage_unreached" / "unreached_constructors.py"),
                                    with_fixes=False).files[0]
    lines = {s.line: s.reason for s in report.skipped_models}
    assert {m.line for m in report.models} | set(lines) >= {13, 22, 25}, (lines, [m.line for m in report.models])
    assert "not a Keras model" in lines[25] and "imgaug" in lines[25]
    assert "did not reach" in lines[22] or "could not" in lines[22]


def test_a_construction_met_several_times_is_one_skipped_entry():
    report = shapedoctor.check_file(str(HERE / "fixtures" / "coverage_unreached" / "skipped_model_met_twice.py"),
                                    with_fixes=False).files[0]
    assert [s.line for s in report.skipped_models] == [8]
    assert [d.line for d in report.diagnostics if d.kind.name == "skipped-model"] == [8]


def test_front_end_skipped_models_reach_the_report(monkeypatch):
    from shapedoctor.frontends import source

    real = source.analyse_source

    def with_skip(text, path="<string>"):
        found = real(text, path)
        return source.SourceModels(found.graphs, [*found.skipped_models, SkippedModel(2, "its class is unknown")])

    monkeypatch.setattr(source, "analyse_source", with_skip)
    report = shapedoctor.check_source("import keras\nm = Weird()\n").files[0]
    assert report.skipped_models == [SkippedModel(2, "its class is unknown")]
    (finding,) = report.diagnostics
    assert finding.message == "model not checked: its class is unknown"


# ----------------------------------------------------------------------------- summary line
def test_summary_all_checks_passed_only_when_everything_was_checked():
    proc = run("check", str(FIXTURES / "complete.py"))
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[-1] == "All checks passed: 1 file, 1 model fully checked."


def test_summary_counts_partly_checked_and_skipped_models():
    proc = run("check", str(FIXTURES))
    assert proc.returncode == 0  # info findings never change the exit code
    assert proc.stdout.splitlines()[-1] == (
        "No errors found: 4 files, 4 models (2 fully checked, 2 partly checked, 1 skipped); "
        "run with --format json to see the gaps.")
    data = json.loads(run("check", "--format", "json", str(FIXTURES)).stdout)
    assert data["summary"] == {"files": 4, "models": 4, "errors": 0, "warnings": 0, "fully_checked": 2,
                               "partly_checked": 2, "skipped_models": 1, "internal_errors": 0}


def test_summary_with_errors():
    proc = run("check", str(FIXTURES), str(ROOT / "examples" / "seed_1_broken_conv_after_dense.py"))
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == (
        "Found 1 error and 0 warnings in 5 files (5 models: 2 fully checked, 3 partly; 1 skipped).")


def test_summary_wording_of_the_report_object():
    clean = shapedoctor.check_file(str(FIXTURES / "complete.py"))
    assert summary(clean) == "All checks passed: 1 file, 1 model fully checked."
    empty = shapedoctor.check_source("x = 1\n")
    assert summary(empty) == "All checks passed: 1 file, 0 models."
    partial = shapedoctor.check_file(str(FIXTURES / "opaque_helper.py"))
    assert not partial.everything_checked
    assert summary(partial).startswith("No errors found: 1 file, 1 model (0 fully checked, 1 partly checked)")


# ----------------------------------------------------------------------------- internal errors
@pytest.fixture
def crashing_dense(monkeypatch):
    rule = RULES["Dense"]

    def boom(call, inputs):
        raise ZeroDivisionError("a bug in a rule")

    monkeypatch.setitem(RULES, "Dense", type(rule)(rule.type, boom, rule.params, rule.multi_input, rule.defaults))


DENSE_MODEL = ("import keras\nfrom keras import layers\n"
               "model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3), layers.Dense(1)])\n")


def test_internal_error_raises_in_strict_mode(crashing_dense):
    assert infer._STRICT  # tests/conftest.py
    with pytest.raises(ZeroDivisionError):
        shapedoctor.check_source(DENSE_MODEL)


def test_internal_error_makes_the_model_incomplete_and_is_counted(crashing_dense, monkeypatch):
    monkeypatch.setattr(infer, "_STRICT", False)
    report = shapedoctor.check_source(DENSE_MODEL)
    (model,) = report.models
    assert model.complete is False and report.internal_errors == 1
    (gap,) = model.gaps
    assert gap.line == 3 and "internal error" in gap.reason and "ZeroDivisionError" in gap.reason
    kinds = sorted(d.kind.name for d in report.diagnostics)
    assert kinds == ["incomplete-model", "internal-error"]
    assert report.to_json()["summary"]["internal_errors"] == 1
    assert summary(report) == ("No errors found: 1 file, 1 model (0 fully checked, 1 partly checked, "
                               "1 internal error); run with --format json to see the gaps.")
    assert report.exit_code == 0


def test_front_end_failure_skips_every_model_of_the_file(monkeypatch):
    from shapedoctor.frontends import source

    def broken(text, path="<string>"):
        raise KeyError("a bug in the front-end")

    monkeypatch.setattr(source, "analyse_source", broken)
    monkeypatch.setattr(infer, "_STRICT", False)
    text = "import keras\na = keras.Sequential([])\nb = keras.Model(x, y)\n"
    report = check_module.check_source(text)
    (file,) = report.files
    assert [s.line for s in file.skipped_models] == [2, 3]
    assert report.internal_errors == 1 and not report.everything_checked
    assert "internal-error" in {d.kind.name for d in file.diagnostics}


# ----------------------------------------------------------------------------- messages and the schema
def test_no_internal_object_in_any_message(tmp_path):
    """Front-end values (tensor references, unfolded ``x.shape``...) never reach a message as a repr."""
    (tmp_path / "shape_from_data.py").write_text(
        "import keras\nimport numpy as np\nfrom keras import layers\n"
        "x_train = np.load('x.npy')\n"
        "inputs = keras.Input(shape=x_train.shape)\n"
        "t = keras.Input(shape=(3,))\n"
        "d = layers.Dense(t)(inputs)\n"
        "r = layers.Reshape(t)(d)\n"
        "m = keras.Model(inputs, r)\n")
    for fmt in ("text", "json", "sarif", "github"):
        proc = run("check", "--format", fmt, str(tmp_path), str(FIXTURES), str(ROOT / "examples"))
        assert proc.returncode in (0, 1), proc.stderr
        assert not INTERNAL_REPR.search(proc.stdout), INTERNAL_REPR.search(proc.stdout)


def test_json_output_validates_against_the_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    (tmp_path / "unparsable.py").write_text("model = Sequential([\n")
    paths = [str(FIXTURES), str(ROOT / "examples"), str(ROOT / "tests" / "corpus"), str(tmp_path)]
    proc = run("check", "--format", "json", *paths)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert any(f["skipped_models"] for f in data["files"]) and any(m["gaps"] for f in data["files"]
                                                                   for m in f["models"])
    assert any(d["fixes"] for f in data["files"] for d in f["diagnostics"])
    validator = jsonschema.Draft202012Validator(strict(schema))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_schema_is_shipped_in_the_package():
    assert PACKAGED_SCHEMA.read_text() == SCHEMA.read_text(), "copy docs/shapedoctor-output.schema.json to " \
                                                              "src/shapedoctor/data/"
    from importlib import resources

    text = (resources.files("shapedoctor") / "data" / "shapedoctor-output.schema.json").read_text()
    assert json.loads(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_corpus_benchmark_prints_cpu_ratio_and_coverage():
    pytest.importorskip("pyflakes")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus_vs_pyflakes.py"), str(FIXTURES),
                           "--runs", "1"], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert re.search(r"shapedoctor check --format json -j 1, cold: +\d+\.\d+ s CPU", out)
    assert re.search(r"shapedoctor check --format json -j 1, warm: +\d+\.\d+ s CPU \(cached results, same JSON\)",
                     out)
    assert re.search(r"pyflakes: +\d+\.\d+ s CPU", out)
    assert re.search(r"ratio shapedoctor / pyflakes: cold (\d+\.\d+x|inf), warm (\d+\.\d+x|inf)", out)
    # complete.py and the clean model of skipped_model.py; opaque_helper.py's model and the skipped one explained
    assert "coverage: 2/4 constructor calls fully traced (50%), 2 explained, 0 silent" in out, out


def test_walk_visits_benchmark_counts_the_repeated_walk(tmp_path):
    pytest.importorskip("pyflakes")
    (tmp_path / "blocks.py").write_text(textwrap.dedent("""\
        import keras
        from keras import layers

        def block(x, units):
            x = layers.Dense(units)(x)
            return layers.ReLU()(x)

        inputs = keras.Input(shape=(8,))
        x = inputs
        for units in (16, 16, 16):
            x = block(x, units)
        model = keras.Model(inputs, x)
    """))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "walk_visits.py"), str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    written = int(re.search(r"1 \.py files, ([\d,]+) statements and expressions written", out).group(1))
    # pyflakes visits each node once; the loop's body and block()'s are walked once per pass
    assert re.search(rf"pyflakes after parsing: +\d+\.\d+ s, +{written} visits \(1\.00 per node written\)", out)
    ours = re.search(r"shapedoctor's visits: (\d+) distinct nodes \(\d+% of those written\), (\d+) more visits", out)
    assert ours and int(ours.group(1)) <= written and int(ours.group(2)) > int(ours.group(1)) / 2, out
    assert re.search(r"CPU per visit would have to be \d+\.\d+x pyflakes'", out)
    # block((None, 8), 16) then block((None, 16), 16) twice: the third call repeats the second
    reused = re.search(r"reusing walks would save at most: (\d+) visits in user functions called again with equal "
                       r"arguments, 0 in a user layer's call\(\) applied again", out)
    assert reused and 0 < int(reused.group(1)) < int(ours.group(2)), out
