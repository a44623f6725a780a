"""Notebooks: IPython syntax never makes a notebook a parse error, line numbers keep their place, and findings
are located as ruff locates them (``nb.ipynb:cell 4:2:5:``, cells counted among all cells, from 1).

``fixtures/magics.ipynb`` was written with ``nbformat.write`` (Jupyter's own layout): a markdown cell, line
magics, shell escapes, help syntax, automagic ``pip install``, a ``%%bash`` cell, a ``%%time`` cell holding a
broken model (Dense then Conv1D: Keras raises "expected min_ndim=3, found ndim=2") and a ``%%writefile`` cell
whose body is not Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import shapedoctor
from shapedoctor.frontends.notebook import notebook_source, python_cell
from schema_helpers import strict

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MAGICS = HERE / "fixtures" / "magics.ipynb"

BROKEN_CELL = ["model = keras.Sequential([", "    keras.Input(shape=(50,)),", "    layers.Dense(64),",
               "    layers.Conv1D(32, 3),", "])"]
IMPORTS = ["import keras", "from keras import layers"]


def run(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=cwd)


def write_notebook(path: Path, cells: list, metadata: dict | None = None, indent=1) -> Path:
    """``cells``: (cell_type, lines) pairs, stored one string per line as Jupyter stores them."""
    data = {"cells": [{"cell_type": kind, "metadata": {}, "source": [line + "\n" for line in lines[:-1]] + lines[-1:],
                       **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                      for kind, lines in cells],
            "metadata": metadata or {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(data, indent=indent))
    return path


def errors(path) -> list:
    return [d for d in shapedoctor.check_file(str(path)).diagnostics if d.severity == "error"]


# ----------------------------------------------------------------------------- the fixture, end to end
def test_finding_printed_as_ruff_prints_a_cell_location():
    proc = run("check", str(MAGICS), cwd=HERE)  # a path under the working directory is printed relative to it
    assert proc.returncode == 1, proc.stderr
    first = proc.stdout.splitlines()[0]
    # cell 6 (the markdown cells count), line 5 of it, column 5: the `layers.Conv1D(` call
    assert first == ("fixtures/magics.ipynb:cell 6:5:5: SD101 [rank] Conv1D needs input (batch, steps, channels) but gets "
                     "(None, 64)")
    assert "parse-error" not in proc.stdout and "SD901" not in proc.stdout


def test_fixture_cells_are_where_we_say():
    cells = json.loads(MAGICS.read_text())["cells"]
    assert "".join(cells[6 - 1]["source"]).splitlines()[5 - 1].startswith("    layers.Conv1D(")
    (d,) = errors(MAGICS)
    assert d.explanation[0] == "in cell 6, line 5"
    assert "Dense at cell 6, line 4" in d.explanation[1] and "Input at cell 6, line 3" in d.explanation[2]


def test_magics_and_shell_escapes_keep_lines_and_define_names():
    source = notebook_source(MAGICS.read_text())
    lines = source.text.splitlines()
    assert len(lines) == len(source.cell_of_line)
    by_cell = {}
    for text, (cell, line) in zip(lines, source.cell_of_line):
        by_cell.setdefault(cell, {})[line] = text
    assert by_cell[2][1] == "" and by_cell[2][3] == "" and by_cell[2][4] == "import numpy as np"
    assert set(by_cell[3].values()) == {""}  # %%bash: the whole cell
    assert by_cell[4][1] == "files = get_ipython()" and by_cell[4][2] == "x = get_ipython()"
    assert [by_cell[4][n] for n in (3, 4, 5, 6, 7)] == ["", "", "", "", ""]  # %timeit, ?x, x?, x??, pip install
    assert by_cell[4][9] == "    pass"  # `!echo` as a loop's only statement: the loop still parses
    assert by_cell[4][10] == "N = 50  # how many features?"  # a `?` in a comment is not help syntax
    assert by_cell[6][1] == "" and by_cell[6][2] == "model = keras.Sequential(["  # %%time: the body is Python
    assert set(by_cell[7].values()) == {""}  # %%writefile: not Python, not run
    compile(source.text, "nb", "exec")


@pytest.mark.parametrize("line, python", [
    ("%matplotlib inline", ""),
    ("!ls -l", ""),
    ("x = !ls", "x = get_ipython()"),
    ("a, b = !ls", "a, b = get_ipython()"),
    ("out[0] = %sx ls", "out[0] = get_ipython()"),
    ("%timeit f()", ""),
    ("?obj", ""),
    ("??obj", ""),
    ("obj?", ""),
    ("obj.method??", ""),
    ("/print 1 2", ""),
    (",print a b", ""),
    ("pip install keras", ""),
    ("cd ..", ""),
    ("ls ./data/train/", ""),  # IPython's default shell aliases run by automagic too (TF Hub's wav2vec2 tutorial)
    ("mkdir -p out/models", ""),
    ("ls = [1, 2]", None),
    ("time = 3", None),  # Python: a magic's name used as a variable
    ("history = model.fit(", None),  # a call continued on the next lines (IPython: an assignment, not %history)
    ("run (", None),
    ("time += (1 +", None),
    ("history -l 5", ""),
    ("pwd", None),
    ("x = 10 % 3", None),
    ('s = "really?"', None),
    ("f(x)  # really?", None),
    ("x != y", None),
])
def test_line_transformer(line, python):
    out, _ = python_cell([line])
    assert out == [line if python is None else python]


def test_escapes_only_at_the_start_of_a_logical_line():
    cell = ["y = (a", "     % b)", "z = [1,", "     !x]", 's = """', "%not a magic", '"""', "w = 1 + \\",
            "    % 2"]
    out, _ = python_cell(cell)
    assert out == cell  # a modulo continuing brackets, a string, a backslash continuation: all Python


def test_continued_escape_takes_its_continuation_lines():
    out, _ = python_cell(["!pip install \\", "    keras \\", "    numpy", "x = 1"])
    assert out == ["", "", "", "x = 1"]


@pytest.mark.parametrize("magic, checked", [("%%time", True), ("%%timeit -n1", True), ("%%capture out", True),
                                            ("%%bash", False), ("%%writefile m.py", False),
                                            ("%%python3", False), ("%%script python", False)])
def test_cell_magics(tmp_path, magic, checked):
    """%%time, %%timeit, %%capture run their body as Python in the kernel: checked; any other cell magic's body
    is blanked (it runs elsewhere, or is not Python)."""
    path = write_notebook(tmp_path / "nb.ipynb", [("code", IMPORTS), ("code", [magic, *BROKEN_CELL])])
    found = errors(path)
    assert [d.kind.name for d in found] == (["rank"] if checked else [])
    if checked:
        assert found[0].explanation[0] == "in cell 2, line 5"


def test_a_script_written_by_writefile_is_checked_as_its_own_module(tmp_path):
    """``%%writefile train.py``: a script that runs outside the kernel (a training job): its model is checked with
    the script's own imports, not the notebook's names, and its finding points at the cell that writes it."""
    script = ["%%writefile train.py", *IMPORTS, *BROKEN_CELL]
    path = write_notebook(tmp_path / "nb.ipynb", [("code", ["import numpy as np"]), ("code", script)])
    report = shapedoctor.check_file(str(path))
    assert [d.kind.name for d in report.diagnostics if d.severity == "error"] == ["rank"]
    assert run("check", "-q", str(path)).stdout.startswith(f"{path}:cell 2:7:5: SD101")
    assert [m.graph.line for m in report.files[0].models] == [6]  # the joined cells' line of the Sequential
    # without its own imports the script has no keras: the notebook's imports are not the script's
    alone = write_notebook(tmp_path / "alone.ipynb", [("code", IMPORTS), ("code", ["%%writefile t.py", *BROKEN_CELL])])
    assert errors(alone) == []


def test_writefile_append_continues_the_script_and_other_files_are_not_python(tmp_path):
    path = write_notebook(tmp_path / "nb.ipynb", [("code", ["%%writefile job.py", *IMPORTS]),
                                                  ("code", ["%%writefile config.yaml", "model: x"]),
                                                  ("code", ["%%writefile -a job.py", *BROKEN_CELL])])
    (d,) = errors(path)
    assert d.kind.name == "rank" and d.explanation[0] == "in cell 3, line 5"


def test_a_written_script_that_does_not_parse_says_its_models_are_not_checked(tmp_path):
    path = write_notebook(tmp_path / "nb.ipynb", [("code", ["%%writefile py2.py", "print 'training'", *IMPORTS,
                                                            *BROKEN_CELL])])
    report = shapedoctor.check_file(str(path)).files[0]
    assert [d.severity for d in report.diagnostics] == ["info"]
    assert [(s.line, s.reason) for s in report.skipped_models] == [
        (5, "model not checked: py2.py, which its cell writes, does not parse")]


def test_cell_numbers_count_every_cell_as_ruff_does(tmp_path):
    path = write_notebook(tmp_path / "nb.ipynb", [("markdown", ["# title"]), ("code", IMPORTS), ("raw", ["raw"]),
                                                  ("markdown", ["text"]), ("code", BROKEN_CELL)])
    (d,) = errors(path)
    assert d.explanation[0] == "in cell 5, line 4"
    assert run("check", "-q", str(path)).stdout.startswith(f"{path}:cell 5:4:5: SD101")


def test_a_cell_indented_as_a_whole_is_dedented_columns_as_written(tmp_path):
    path = write_notebook(tmp_path / "nb.ipynb", [("code", IMPORTS), ("code", ["  " + line for line in BROKEN_CELL])])
    (d,) = errors(path)
    assert run("check", "-q", str(path)).stdout.startswith(f"{path}:cell 2:4:7: SD101")


def test_non_python_kernel_is_not_a_parse_error(tmp_path):
    path = write_notebook(tmp_path / "r.ipynb", [("code", ["library(keras)", "x <- c(1, 2)"])],
                          metadata={"kernelspec": {"language": "R", "name": "ir"}})
    report = shapedoctor.check_file(str(path))
    assert report.diagnostics == [] and report.models == []


def test_every_line_of_every_spelling_together_parses(tmp_path):
    lines = ["%load_ext autoreload", "%autoreload 2", "!nvidia-smi", "res = !ls", "%env KERAS_BACKEND=torch",
             "import keras", "from keras import layers", "keras.Sequential?", "layers.Dense??", "?layers",
             "%pinfo layers", "conda install -y numpy", "%config InlineBackend.figure_format = 'retina'"]
    path = write_notebook(tmp_path / "nb.ipynb", [("code", lines), ("code", BROKEN_CELL)])
    (d,) = errors(path)
    assert d.kind.name == "rank" and d.explanation[0] == "in cell 2, line 4"


# ----------------------------------------------------------------------------- JSON output and its schema
def test_json_output_with_notebooks_fixes_gaps_and_skipped_models_validates_against_the_packaged_schema():
    """The schema installed with the package (``shapedoctor/data``), every object closed: each field emitted is
    documented.  The input has a notebook with magics, fixes, gaps and skipped models."""
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads((resources.files("shapedoctor") / "data" / "shapedoctor-output.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    coverage = ROOT / "tests" / "engine" / "fixtures" / "coverage"
    proc = run("check", "--format", "json", str(MAGICS), str(ROOT / "tests" / "engine" / "fixtures"), str(coverage))
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    files = {Path(f["path"]).name: f for f in data["files"]}
    notebook = files["magics.ipynb"]
    assert notebook["error"] is None and notebook["diagnostics"][0]["fixes"]
    assert notebook["diagnostics"][0]["explanation"][0] == "in cell 6, line 5"
    assert any(f["skipped_models"] for f in data["files"])
    assert any(m["gaps"] for f in data["files"] for m in f["models"])
    assert any(fix["edits"] for f in data["files"] for d in f["diagnostics"] for fix in d["fixes"])
    validator = jsonschema.Draft202012Validator(strict(schema))
    problems = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not problems, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in problems[:10])
    broken = dict(data, summary={**data["summary"], "errors": -1})  # the validation can fail
    assert list(validator.iter_errors(broken))


# ----------------------------------------------------------------------------- never a crash
def test_random_cells_keep_their_lines_and_positions_never_fail():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    pieces = st.sampled_from(["%", "%%", "!", "?", "??", "x", " ", "    ", "(", ")", "[", "'", '"', '"""', "\\",
                              "#", "=", "pip install", "time", "\u00e9", "\U0001F600", "\t", ",", "/", ";", "\r",
                              "%%time", "%%bash", "get_ipython()", ":"])
    cell = st.lists(st.lists(pieces, max_size=8).map("".join), max_size=6)

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.lists(st.tuples(st.sampled_from(["code", "markdown"]), cell), max_size=4),
                      st.sampled_from([None, 1]))
    def check(cells, indent):
        data = {"cells": [{"cell_type": kind, "metadata": {}, "source": [line + "\n" for line in lines]}
                          for kind, lines in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        raw = json.dumps(data, indent=indent)
        source = notebook_source(raw)
        assert source.text.count("\n") == max(len(source.cell_of_line), 1)
        for line, text in zip(range(1, len(source.cell_of_line) + 1), source.text.split("\n")):
            for col in {0, len(text.encode()), len(text.encode()) // 2}:
                source.location(line, col)
                position = source.json_position(line, source.char_col(line, col))
                assert position is not None and 1 <= position[0] <= raw.count("\n") + 1

    check()


# ----------------------------------------------------------------------------- a cell that does not parse
def test_a_cell_that_does_not_parse_leaves_the_other_cells_checked(tmp_path):
    """The kernel runs each cell on its own: a typo in one (a non-breaking space pasted from a book, a missing
    `=`) stops that cell only.  It is reported at its own place, its model is a skipped entry, and the broken
    model of another cell is still found."""
    path = write_notebook(tmp_path / "nb.ipynb", [
        ("code", IMPORTS),
        ("markdown", ["# A snippet pasted from a book"]),
        ("code", ["inputs = keras.Input(shape=(8,))", "x = layers.Dense(32,\u00a0activation='relu')(inputs)",
                  "model = keras.Model(inputs, x)"]),
        ("code", ["outputs layers.Dense(3)(x)"]),
        ("code", BROKEN_CELL),
    ])
    report = shapedoctor.check_file(str(path)).files[0]
    assert report.error is None
    found = [(d.kind.name, d.line, d.col, d.explanation[0]) for d in report.diagnostics]
    assert ("parse-error", 5, 20, "in cell 3, line 2") in found  # at the U+00A0
    assert ("skipped-model", 6, 0, "in cell 3, line 3") in [f[:2] + (0, f[3]) for f in found]
    assert [f[0] for f in found if f[3].startswith("in cell 4")] == ["parse-error"]
    assert [f[0] for f in found if f[3].startswith("in cell 5")] == ["rank"]  # Dense then Conv1D, still found
    assert [s.line for s in report.skipped_models] == [6]



@pytest.mark.parametrize("name", ["train.py", "{_trainer_module_file}", "$module_file"])
def test_a_written_python_script_is_checked_on_its_own(tmp_path, name):
    """``%%writefile train.py`` writes a script that runs outside the kernel: checked as a module of its own.  A
    TFX tutorial names its Trainer's module from a variable (``%%writefile {_trainer_module_file}``): checked too,
    its body being Python.  The notebook's own cell above defines no `layers`: the script imports its own."""
    path = write_notebook(tmp_path / "nb.ipynb", [
        ("code", ["x = 1"]),
        ("code", [f"%%writefile {name}", *IMPORTS, *BROKEN_CELL]),
    ])
    [error] = errors(path)
    assert (error.line, error.kind.name) == (2 + 1 + len(IMPORTS) + 4, "rank")


@pytest.mark.parametrize("name", ["{notes_file}", "notes.txt"])
def test_a_written_file_that_is_not_python_is_not_checked(tmp_path, name):
    path = write_notebook(tmp_path / "nb.ipynb", [
        ("code", [f"%%writefile {name}", "model = Sequential([ these are notes, not code", "Conv1D after Dense"]),
    ])
    assert shapedoctor.check_file(str(path)).diagnostics == []
